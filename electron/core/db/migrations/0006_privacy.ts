import type { Knex } from 'knex';

/**
 * Issue 10 (PIPL, GB/T 35273): two changes for personal data.
 *
 * 1. `personal_reads`: who read which case's personal data, when and how (detail, print, attachment,
 *    export download, unmask with its reason). Kept at least six months (core/privacy/readLog.ts).
 * 2. The quick-search index gets two columns: `names` (party names in full) and `open` (everything else,
 *    with party names as a masked caller sees them), so a caller who sees names masked searches only what
 *    they see — no yes/no oracle on a full name. Every case is marked for re-indexing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('personal_reads', (t) => {
    t.increments('id');
    t.string('at').notNullable();
    // No foreign key: the record outlives the account.
    t.integer('account_id').nullable();
    t.string('account_name').notNullable();
    t.string('role').notNullable();
    t.string('action').notNullable(); // disputes.detail | disputes.print | disputes.getAttachment | disputes.export.download | disputes.unmask
    t.string('entity').notNullable(); // dispute | attachment | job
    t.string('entity_id').nullable();
    t.text('detail').nullable(); // JSON: a reason, a file name, a row count
    t.index(['at'], 'personal_reads_at');
    t.index(['entity', 'entity_id'], 'personal_reads_entity');
    t.index(['account_id', 'at'], 'personal_reads_account');
  });

  await knex.raw('DROP TABLE dispute_search');
  await knex.raw(
    `CREATE VIRTUAL TABLE dispute_search USING fts5(names, open, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  );
  await knex.raw('INSERT OR IGNORE INTO dispute_search_dirty (dispute_id) SELECT id FROM disputes');
}
