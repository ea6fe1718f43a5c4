import type { Knex } from 'knex';
import { indexTokens } from './searchTokens';

/** Cases per catch-up transaction: small, so a user's query waits at most one short batch (~40 ms). */
const BATCH = 500;
/** SQLite's multi-row insert limit with knex (TOOLCHAIN.md): keep each statement ≤ 500 rows. */
const INSERT_CHUNK = 400;

/**
 * Bring the quick-search index up to date with every case marked dirty by the triggers (any writer:
 * handlers, demo, sync, imports). Runs before a search; cheap when nothing changed (one indexed lookup).
 * Returns how many cases were (re)indexed.
 */
export function refreshSearchIndex(db: Knex, onProgress?: (done: number) => void): Promise<number> {
  // One catch-up at a time per database: a search arriving during a background catch-up waits for it.
  const inFlight = running.get(db);
  if (inFlight) return inFlight;
  const p = catchUp(db, onProgress).finally(() => running.delete(db));
  running.set(db, p);
  return p;
}

/**
 * Start catching up without waiting (when the queue opens), so that the first quick search after a bulk
 * write — the demo generator, an import, a sync — does not pay for indexing thousands of cases.
 */
export function warmSearchIndex(db: Knex, version: string, log: { warn(msg: string, extra?: Record<string, unknown>): void }): void {
  // Only when something was written since the last look: no idle queries while someone scrolls.
  if (warmedAt.get(db) === version) return;
  warmedAt.set(db, version);
  refreshSearchIndex(db).catch((err: unknown) => log.warn('search index catch-up failed', { error: err instanceof Error ? err.message : String(err) }));
}

const running = new WeakMap<Knex, Promise<number>>();
const warmedAt = new WeakMap<Knex, string>();

async function catchUp(db: Knex, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for (;;) {
    const dirty: Array<{ dispute_id: number }> = await db('dispute_search_dirty').select('dispute_id').limit(BATCH);
    if (dirty.length === 0) return done;
    const ids = dirty.map((r) => r.dispute_id);
    await db.transaction(async (trx) => {
      await reindex(trx, ids);
      await trx('dispute_search_dirty').whereIn('dispute_id', ids).delete();
    });
    done += ids.length;
    onProgress?.(done);
  }
}

async function reindex(trx: Knex.Transaction, ids: number[]): Promise<void> {
  const cases: Array<{ id: number; case_no: string; summary: string; address: string | null }> = await trx('disputes')
    .whereIn('id', ids)
    .select('id', 'case_no', 'summary', 'address');
  const parties: Array<{ dispute_id: number; name: string }> = await trx('dispute_parties')
    .whereIn('dispute_id', ids)
    .select('dispute_id', 'name');
  const namesOf = new Map<number, string[]>();
  for (const p of parties) {
    const list = namesOf.get(p.dispute_id) ?? [];
    list.push(p.name);
    namesOf.set(p.dispute_id, list);
  }
  // contentless_delete=1 lets us drop a row by rowid; deleting a rowid that is not there is a no-op.
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const chunk = ids.slice(i, i + INSERT_CHUNK);
    await trx.raw(`DELETE FROM dispute_search WHERE rowid IN (${chunk.map(() => '?').join(',')})`, chunk);
  }
  const rows = cases.map((c) => ({ rowid: c.id, tokens: indexTokens([...(namesOf.get(c.id) ?? []), c.summary, c.case_no, c.address]) }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await trx.raw(
      `INSERT INTO dispute_search (rowid, tokens) VALUES ${chunk.map(() => '(?, ?)').join(',')}`,
      chunk.flatMap((r) => [r.rowid, r.tokens]),
    );
  }
}
