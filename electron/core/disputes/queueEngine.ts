import type { Knex } from 'knex';
import type { QueueFilter, QueueSort } from '../../../shared/contract/disputes/schemas';
import type { CallerScope } from '../jurisdiction/cases';
import { indexHint, KEYSET_SAFE, orderBy, sortColumn, viewSql, type ViewSql } from './queueSql';

/**
 * The queue engine: the ids of one block of a filtered, sorted view, and the view's total, fast at any
 * depth on a million cases.
 *
 * - Totals are cached per (view, data version); the version is SQLite's own change counter for this
 *   connection plus the file's data_version (other processes), so any write anywhere invalidates.
 * - Blocks: the ids come from an id-only query (the sort index covers it), the rows are fetched after.
 *   A deep block starts from the nearest cached cursor (the last row of a block served earlier: scrolling
 *   is keyset), or — with no cursor near — from whichever end of the view is closer (reversing the sort
 *   halves the worst OFFSET).
 */

export interface BlockIds {
  ids: number[];
  total: number;
  version: string;
}

interface Cursor {
  value: string | number;
  id: number;
}

interface EngineState {
  version: string;
  totals: Map<string, number>;
  /** FTS hits per MATCH expression, and the number of cases, for choosing a search plan. */
  hits: Map<string, number>;
  maxId: number | null;
  /** view key → position → cursor of the row just before that position */
  cursors: Map<string, Map<number, Cursor>>;
  /** Ladders being built (view key → its promise), see `buildLadder`. */
  ladders: Map<string, Promise<void>>;
}

const MAX_CURSORS_PER_VIEW = 5000;

/**
 * The engine's thresholds. Tuned for a million cases; tests shrink them (createCore's `queueTuning`
 * option) so that a few hundred cases go through every path (cursor, reverse, ladder, both search plans).
 */
export interface QueueTuning {
  /** How far past a cached cursor an OFFSET may still walk before another strategy is cheaper. */
  cursorReach: number;
  /** Rung spacing of a view's cursor ladder, and the smallest view worth one. */
  ladderStep: number;
  ladderMinRows: number;
  /** Walk the sort index for a search when fewer index steps than this are expected. */
  searchWalkSteps: number;
}

export const DEFAULT_QUEUE_TUNING: QueueTuning = {
  cursorReach: 5000,
  ladderStep: 2000,
  ladderMinRows: 20_000,
  searchWalkSteps: 20_000,
};

function freshState(version: string): EngineState {
  return { version, totals: new Map(), hits: new Map(), maxId: null, cursors: new Map(), ladders: new Map() };
}

/**
 * One node's queue engine: its caches (per data version) and its background ladders. Lives in the
 * node's NodeState; `close()` abandons the ladders and waits for them.
 */
export class QueueEngine {
  private state: EngineState | null = null;
  private closed = false;
  readonly tuning: QueueTuning;

  constructor(tuning: Partial<QueueTuning> = {}) {
    this.tuning = { ...DEFAULT_QUEUE_TUNING, ...tuning };
  }

  /** The caches for this version; inside a transaction a private set (its data may yet roll back). */
  private stateFor(db: Knex, version: string): EngineState {
    if (db.isTransaction) return this.state?.version === version ? this.state : freshState(version);
    if (!this.state || this.state.version !== version) this.state = freshState(version);
    return this.state;
  }

  private current(state: EngineState): boolean {
    return !this.closed && this.state === state;
  }

  /** The ids of rows [startRow, endRow) of a view, and the view's total. */
  async blockIds(db: Knex, scope: CallerScope, filter: QueueFilter, sort: QueueSort, today: string, startRow: number, endRow: number, version: string): Promise<BlockIds> {
    return blockIds(this, this.stateFor(db, version), db, scope, filter, sort, today, startRow, endRow, version);
  }

  /** Start a ladder unless one is built or building (see `buildLadder`). */
  startLadder(state: EngineState, key: string, build: (isCurrent: () => boolean) => Promise<void>): void {
    if (this.closed || state.ladders.has(key)) return;
    state.ladders.set(key, build(() => this.current(state)));
  }

  /** Wait for background queue work (ladders) to finish — for tests and benchmarks. */
  async settled(): Promise<void> {
    if (this.state) await Promise.all(this.state.ladders.values());
  }

  /** Forget cached totals and cursors (benchmarks measure first-open cost with this). */
  clear(): void {
    this.state = null;
  }

  /** The view totals cached now (tests check that two nodes never share them). */
  cachedTotals(): number[] {
    return [...(this.state?.totals.values() ?? [])];
  }

  /** Abandon the ladders and wait for them (the node is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    this.state = null;
  }
}

export async function countView(db: Knex, sql: ViewSql): Promise<number> {
  if (sql.match && sql.where === 'd.id IN (SELECT rowid FROM dispute_search WHERE dispute_search MATCH ?)') {
    // Search alone: FTS counts its own hits without touching the cases.
    const r: Array<{ n: number }> = await db.raw('SELECT count(*) AS n FROM dispute_search WHERE dispute_search MATCH ?', [sql.match]);
    return Number(r[0]?.n ?? 0);
  }
  const r: Array<{ n: number }> = await db.raw(`SELECT count(*) AS n FROM disputes d WHERE ${sql.where}`, sql.params);
  return Number(r[0]?.n ?? 0);
}

async function blockIds(
  engine: QueueEngine,
  state: EngineState,
  db: Knex,
  scope: CallerScope,
  filter: QueueFilter,
  sort: QueueSort,
  today: string,
  startRow: number,
  endRow: number,
  version: string,
): Promise<BlockIds> {
  const tuning = engine.tuning;
  const sql = viewSql(filter, scope, today);
  const viewKey = JSON.stringify([scope.key, today, filter]);
  let total = state.totals.get(viewKey);
  if (total === undefined) {
    total = await countView(db, sql);
    state.totals.set(viewKey, total);
    if (sql.match && sql.where === SEARCH_TERM) state.hits.set(sql.match, total);
  }
  if (startRow >= total) return { ids: [], total, version };
  const limit = Math.min(endRow, total) - startRow;
  const sortKey = `${viewKey}|${sort.field}|${sort.dir}`;
  const cursors = state.cursors.get(sortKey) ?? new Map<number, Cursor>();
  state.cursors.set(sortKey, cursors);

  let rows: Array<{ id: number; k: string | number | null }>;
  const near = KEYSET_SAFE.has(sort.field) ? nearestCursor(cursors, startRow) : null;
  const fromEnd = total - (startRow + limit);
  const useCursor = near !== null && startRow - near.pos <= Math.min(tuning.cursorReach, fromEnd);
  const reverse = !useCursor && fromEnd < startRow;
  const skip = useCursor && near ? startRow - near.pos : reverse ? fromEnd : startRow;
  const where = sql.match ? await searchWhere(db, state, sql, skip + limit, tuning) : sql.blockWhere;
  const from = `disputes d ${indexHint(filter, sort, sql, scope)}`;
  if (useCursor && near) {
    const desc = sort.dir === 'desc';
    const col = sortColumn(sort);
    const cmp = desc ? '<' : '>';
    const keyset = `${col} ${desc ? '<=' : '>='} ? AND (${col} ${cmp} ? OR d.id ${cmp} ?)`;
    rows = await db.raw(
      `SELECT d.id AS id, ${col} AS k FROM ${from} WHERE ${where} AND ${keyset} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`,
      [...sql.params, near.cursor.value, near.cursor.value, near.cursor.id, limit, skip],
    );
  } else {
    const found: Array<{ id: number; k: string | number | null }> = await db.raw(
      `SELECT d.id AS id, ${sortColumn(sort)} AS k FROM ${from} WHERE ${where} ORDER BY ${orderBy(sort, reverse)} LIMIT ? OFFSET ?`,
      [...sql.params, limit, skip],
    );
    rows = reverse ? found.reverse() : found;
  }
  const last = rows[rows.length - 1];
  if (last && last.k !== null && cursors.size < MAX_CURSORS_PER_VIEW) cursors.set(startRow + rows.length, { value: last.k, id: last.id });
  // Not from a transaction: its connection is busy until it ends, and its data may yet roll back.
  if (total >= tuning.ladderMinRows && !sql.match && KEYSET_SAFE.has(sort.field) && !db.isTransaction) {
    engine.startLadder(state, sortKey, (isCurrent) => buildLadder(db, isCurrent, sql, sort, from, total, cursors, tuning.ladderStep));
  }
  return { ids: rows.map((r) => r.id), total, version };
}

/**
 * A big view, once opened, gets a ladder of cursors every ladderStep rows, built in the background in
 * small keyset steps (each one short, so the user's own queries interleave on the one connection).
 * Afterwards a jump to any depth — dragging the scrollbar to row 600,000 — is a keyset query plus an
 * OFFSET below ladderStep instead of a walk from the nearer end. Abandoned when the data changes or the
 * node closes.
 */
async function buildLadder(
  db: Knex,
  isCurrent: () => boolean,
  sql: ViewSql,
  sort: QueueSort,
  from: string,
  total: number,
  cursors: Map<number, Cursor>,
  step: number,
): Promise<void> {
  const col = sortColumn(sort);
  const desc = sort.dir === 'desc';
  const cmp = desc ? '<' : '>';
  let cursor: Cursor | null = null;
  try {
    for (let pos = step; pos < total; pos += step) {
      if (!isCurrent()) return;
      const keyset: string = cursor ? ` AND ${col} ${desc ? '<=' : '>='} ? AND (${col} ${cmp} ? OR d.id ${cmp} ?)` : '';
      const params = cursor ? [cursor.value, cursor.value, cursor.id] : [];
      const rows: Array<{ id: number; k: string | number | null }> = await db.raw(
        `SELECT d.id AS id, ${col} AS k FROM ${from} WHERE ${sql.blockWhere}${keyset} ORDER BY ${orderBy(sort)} LIMIT 1 OFFSET ?`,
        [...sql.params, ...params, cursor ? step - 1 : pos - 1],
      );
      const r = rows[0];
      if (!r || r.k === null) return;
      cursor = { value: r.k, id: r.id };
      cursors.set(pos, cursor);
    }
  } catch {
    // A ladder is an optimisation: a failure (the database closing under it) only costs speed.
  }
}

function nearestCursor(cursors: Map<number, Cursor>, pos: number): { pos: number; cursor: Cursor } | null {
  let best: { pos: number; cursor: Cursor } | null = null;
  for (const [p, cursor] of cursors) if (p <= pos && (!best || p > best.pos)) best = { pos: p, cursor };
  return best;
}

const SEARCH_TERM = 'd.id IN (SELECT rowid FROM dispute_search WHERE dispute_search MATCH ?)';

/**
 * Two plans for a search block. Frequent terms (宅基: 7% of cases): walk the sort index and test each case
 * against the hit set — 100 rows need ~1,400 index steps, where fetching and sorting all 66k hits costs
 * 130 ms. Rare terms (a name: 700 hits) or deep blocks: fetch the hits and sort them. The unary + keeps
 * SQLite from driving the query by the hit list, so it walks the sort index instead.
 */
async function searchWhere(db: Knex, state: EngineState, sql: ViewSql, rowsNeeded: number, tuning: QueueTuning): Promise<string> {
  if (!sql.match) return sql.blockWhere;
  let hits = state.hits.get(sql.match);
  if (hits === undefined) {
    const r: Array<{ n: number }> = await db.raw('SELECT count(*) AS n FROM dispute_search WHERE dispute_search MATCH ?', [sql.match]);
    hits = Number(r[0]?.n ?? 0);
    state.hits.set(sql.match, hits);
  }
  if (state.maxId === null) {
    const r: Array<{ m: number | null }> = await db.raw('SELECT max(id) AS m FROM disputes');
    state.maxId = Number(r[0]?.m ?? 0);
  }
  const expectedSteps = hits === 0 ? Infinity : (rowsNeeded * state.maxId) / hits;
  return expectedSteps <= tuning.searchWalkSteps ? sql.blockWhere.replace(SEARCH_TERM, `+${SEARCH_TERM}`) : sql.blockWhere;
}
