import type { Knex } from 'knex';
import { maskName } from '../../../shared/domain/masking';
import { indexTokens } from './searchTokens';

/** Cases per catch-up transaction: small, so a user's query waits at most one short batch (~40 ms). */
const BATCH = 500;
/** knex turns a multi-row insert into one compound SELECT, which SQLite refuses beyond ~500 terms. */
const INSERT_CHUNK = 400;

/**
 * One node's quick-search index upkeep: at most one catch-up at a time (a search arriving during a
 * background catch-up waits for it). Lives in the node's NodeState; the jobs service runs it
 * periodically (`disputes.searchCatchUp`), and the queue asks for it when a search needs it.
 */
export class SearchIndexer {
  private running: Promise<number> | null = null;
  private askedAt: string | null = null;

  /**
   * Whether to ask for a background catch-up now: once per data version, so that the first quick search
   * after a bulk write (the demo, an import, a sync) does not pay for indexing, and nobody scrolling
   * causes idle work.
   */
  wantsCatchUp(version: string): boolean {
    if (this.askedAt === version) return false;
    this.askedAt = version;
    return true;
  }

  /**
   * Bring the index up to date with every case marked dirty by the triggers (any writer: handlers, demo,
   * sync, imports). Runs before a search; cheap when nothing changed (one indexed lookup). Returns how
   * many cases were (re)indexed. Inside a transaction it catches up on that transaction itself: waiting
   * for a background run on the database would wait for the transaction's own connection.
   */
  refresh(db: Knex, onProgress?: (done: number) => void): Promise<number> {
    if (db.isTransaction) return catchUpSearchIndex(db, onProgress);
    if (this.running) return this.running;
    const p = catchUpSearchIndex(db, onProgress).finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }

  /** Wait for a catch-up in progress (the node is closing). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}

/** Index every dirty case now, in short transactions (the demo generator calls it directly). */
export async function catchUpSearchIndex(db: Knex, onProgress?: (done: number) => void): Promise<number> {
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
  // Two columns (migration 0006): `names` holds the party names in full, `open` everything else plus the
  // names as a masked caller sees them (刘伟 → 刘*: just the surname), which is all such a caller searches.
  const rows = cases.map((c) => {
    const names = namesOf.get(c.id) ?? [];
    return { rowid: c.id, names: indexTokens(names), open: indexTokens([...names.map(maskName), c.summary, c.case_no, c.address]) };
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await trx.raw(
      `INSERT INTO dispute_search (rowid, names, open) VALUES ${chunk.map(() => '(?, ?, ?)').join(',')}`,
      chunk.flatMap((r) => [r.rowid, r.names, r.open]),
    );
  }
}
