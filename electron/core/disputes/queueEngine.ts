import type { Knex } from 'knex';
import type { QueueFilter, QueueSort } from '../../../shared/contract/disputesSchemas';
import type { CallerScope } from './scope';
import { KEYSET_SAFE, orderBy, sortColumn, viewSql, type ViewSql } from './queueSql';

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
  /** view key → position → cursor of the row just before that position */
  cursors: Map<string, Map<number, Cursor>>;
}

const states = new WeakMap<Knex, EngineState>();
/** How far past a cached cursor an OFFSET may still walk before another strategy is cheaper. */
const CURSOR_REACH = 5000;
const MAX_CURSORS_PER_VIEW = 2000;

export async function dataVersion(db: Knex): Promise<string> {
  const rows: Array<{ c: number; v: number }> = await db.raw('SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v');
  const r = rows[0];
  return `${r?.v ?? 0}.${r?.c ?? 0}`;
}

function stateFor(db: Knex, version: string): EngineState {
  let s = states.get(db);
  if (!s || s.version !== version) {
    s = { version, totals: new Map(), cursors: new Map() };
    states.set(db, s);
  }
  return s;
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

export async function blockIds(
  db: Knex,
  scope: CallerScope,
  filter: QueueFilter,
  sort: QueueSort,
  today: string,
  startRow: number,
  endRow: number,
  version: string,
): Promise<BlockIds> {
  const state = stateFor(db, version);
  const sql = viewSql(filter, scope, today);
  const viewKey = JSON.stringify([scope.key, today, filter]);
  let total = state.totals.get(viewKey);
  if (total === undefined) {
    total = await countView(db, sql);
    state.totals.set(viewKey, total);
  }
  if (startRow >= total) return { ids: [], total, version };
  const limit = Math.min(endRow, total) - startRow;
  const sortKey = `${viewKey}|${sort.field}|${sort.dir}`;
  const cursors = state.cursors.get(sortKey) ?? new Map<number, Cursor>();
  state.cursors.set(sortKey, cursors);

  let rows: Array<{ id: number; k: string | number | null }>;
  const near = KEYSET_SAFE.has(sort.field) ? nearestCursor(cursors, startRow) : null;
  const fromEnd = total - (startRow + limit);
  if (near && startRow - near.pos <= Math.min(CURSOR_REACH, fromEnd)) {
    const desc = sort.dir === 'desc';
    const col = sortColumn(sort);
    const cmp = desc ? '<' : '>';
    const keyset = `${col} ${desc ? '<=' : '>='} ? AND (${col} ${cmp} ? OR d.id ${cmp} ?)`;
    rows = await db.raw(
      `SELECT d.id AS id, ${col} AS k FROM disputes d WHERE ${sql.where} AND ${keyset} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`,
      [...sql.params, near.cursor.value, near.cursor.value, near.cursor.id, limit, startRow - near.pos],
    );
  } else if (fromEnd < startRow) {
    const rev: Array<{ id: number; k: string | number | null }> = await db.raw(
      `SELECT d.id AS id, ${sortColumn(sort)} AS k FROM disputes d WHERE ${sql.where} ORDER BY ${orderBy(sort, true)} LIMIT ? OFFSET ?`,
      [...sql.params, limit, fromEnd],
    );
    rows = rev.reverse();
  } else {
    rows = await db.raw(
      `SELECT d.id AS id, ${sortColumn(sort)} AS k FROM disputes d WHERE ${sql.where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`,
      [...sql.params, limit, startRow],
    );
  }
  const last = rows[rows.length - 1];
  if (last && last.k !== null && cursors.size < MAX_CURSORS_PER_VIEW) cursors.set(startRow + rows.length, { value: last.k, id: last.id });
  return { ids: rows.map((r) => r.id), total, version };
}

function nearestCursor(cursors: Map<number, Cursor>, pos: number): { pos: number; cursor: Cursor } | null {
  let best: { pos: number; cursor: Cursor } | null = null;
  for (const [p, cursor] of cursors) if (p <= pos && (!best || p > best.pos)) best = { pos: p, cursor };
  return best;
}

/** Forget cached totals and cursors (benchmarks measure first-open cost with this). */
export function clearQueueCaches(db: Knex): void {
  states.delete(db);
}
