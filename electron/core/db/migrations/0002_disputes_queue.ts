import type { Knex } from 'knex';
import { OPEN_STATUSES_SQL } from '../../../../shared/domain/disputeStatus';

/**
 * The dispute queue and case workflow (issue 3): the indexes the queue's real queries use, the Chinese
 * quick-search index, and the tables behind the case page (mediation records, agreement, follow-ups,
 * attachments), saved views and the deadline calendar.
 */
export async function up(knex: Knex): Promise<void> {
  // Sorting by warning must put red first; the text values sort alphabetically (blue < none < red < yellow).
  // A virtual generated column keeps every writer (demo, sync, imports) right without extra code.
  await knex.raw(
    `ALTER TABLE disputes ADD COLUMN warning_rank INTEGER GENERATED ALWAYS AS
       (CASE warning WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END) VIRTUAL`,
  );
  await knex.schema.alterTable('disputes', (t) => {
    t.integer('repeat_visits').notNullable().defaultTo(0);
    t.string('deadline_basis').nullable(); // e.g. "30个工作日" — how the deadline was counted
    t.string('escalated_from').nullable(); // status to return to when the county answers
  });

  // Queue indexes (measured at 1M rows: tests/bench/queue.ts). The big views sort by registration time
  // within the node, a county or a township; their indexes carry the usual filter columns after the sort
  // key, so filtering, counting and skipping to a deep block are index-only scans with no row lookups.
  // The id (every sort's tie-break) comes right after the sort key: left implicit at the end, ties would
  // be ordered by the filter columns and SQLite would sort again (a temp B-tree over the whole view).
  const FILTERS = 'status, category, warning, source';
  await knex.raw(`CREATE INDEX disputes_registered_cover ON disputes (registered_at, id, ${FILTERS})`);
  await knex.raw(`CREATE INDEX disputes_county_registered_cover ON disputes (county_code, registered_at, id, ${FILTERS})`);
  await knex.raw(`CREATE INDEX disputes_township_registered_cover ON disputes (township_code, registered_at, id, ${FILTERS})`);
  // Totals of a county's or township's cases by category (the ledger's most common filter): two index
  // ranges instead of a scan of the division (33 → 5 ms for one county at 1M rows).
  await knex.raw('CREATE INDEX disputes_county_category ON disputes (county_code, category, status)');
  await knex.raw('CREATE INDEX disputes_township_category ON disputes (township_code, category, status)');
  await knex.raw('CREATE INDEX disputes_updated ON disputes (updated_at)');
  await knex.raw('CREATE INDEX disputes_warning_rank ON disputes (warning_rank)');
  await knex.raw('CREATE INDEX disputes_mediator_registered ON disputes (mediator_id, registered_at)');
  // Open cases (a few percent of the table): partial indexes whose condition the queries repeat literally
  // (a bound IN list cannot use them: docs/architecture.md, "Measured facts").
  await knex.raw(`CREATE INDEX disputes_open_deadline ON disputes (deadline) WHERE status IN ${OPEN_STATUSES_SQL}`);
  await knex.raw(`CREATE INDEX disputes_open_warning ON disputes (warning_rank) WHERE status IN ${OPEN_STATUSES_SQL}`);
  await knex.raw(`CREATE INDEX disputes_open_county_deadline ON disputes (county_code, deadline) WHERE status IN ${OPEN_STATUSES_SQL}`);

  // Quick search: FTS5 over tokens we make in JS (CJK-safe bigrams, see disputes/searchTokens.ts);
  // contentless, since the text lives in disputes/dispute_parties, with delete support for re-indexing.
  await knex.raw(
    `CREATE VIRTUAL TABLE dispute_search USING fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  );
  // Whoever writes a case (handlers, demo generator, sync, bench) marks it here; the search index
  // catches up before the next search. Triggers, so no writer can forget.
  await knex.raw('CREATE TABLE dispute_search_dirty (dispute_id INTEGER PRIMARY KEY)');
  await knex.raw(
    `CREATE TRIGGER dispute_search_ins AFTER INSERT ON disputes BEGIN
       INSERT OR IGNORE INTO dispute_search_dirty (dispute_id) VALUES (new.id); END`,
  );
  await knex.raw(
    `CREATE TRIGGER dispute_search_upd AFTER UPDATE OF case_no, summary, address ON disputes BEGIN
       INSERT OR IGNORE INTO dispute_search_dirty (dispute_id) VALUES (new.id); END`,
  );
  await knex.raw(
    `CREATE TRIGGER dispute_search_del AFTER DELETE ON disputes BEGIN
       INSERT OR IGNORE INTO dispute_search_dirty (dispute_id) VALUES (old.id); END`,
  );
  for (const [op, row] of [['INSERT', 'new'], ['UPDATE', 'new'], ['DELETE', 'old']] as const) {
    await knex.raw(
      `CREATE TRIGGER dispute_parties_search_${op.toLowerCase()} AFTER ${op} ON dispute_parties BEGIN
         INSERT OR IGNORE INTO dispute_search_dirty (dispute_id) VALUES (${row}.dispute_id); END`,
    );
  }

  await knex.schema.createTable('dispute_mediation_records', (t) => {
    t.increments('id');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.string('session_at').notNullable();
    t.string('place').nullable();
    t.string('participants').nullable();
    t.text('content').notNullable();
    t.string('result').nullable();
    t.integer('recorded_by').nullable().references('id').inTable('accounts');
    t.string('recorded_by_name').notNullable();
    t.string('created_at').notNullable();
    t.index(['dispute_id', 'session_at']);
  });

  await knex.schema.createTable('dispute_agreements', (t) => {
    t.integer('dispute_id').primary().references('id').inTable('disputes');
    t.text('facts').notNullable();
    t.text('issues').notNullable();
    t.text('responsibilities').nullable();
    t.text('content').notNullable();
    t.text('performance_method').notNullable();
    t.string('performance_deadline').nullable();
    t.string('agreed_at').notNullable(); // YYYY-MM-DD
    t.string('judicial_deadline').notNullable(); // YYYY-MM-DD
  });

  await knex.schema.createTable('dispute_followups', (t) => {
    t.increments('id');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.boolean('performed').notNullable();
    t.string('visited_at').notNullable();
    t.string('method').nullable();
    t.integer('satisfaction').nullable();
    t.text('note').nullable();
    t.integer('by_id').nullable().references('id').inTable('accounts');
    t.string('by_name').notNullable();
    t.index(['dispute_id']);
  });

  await knex.schema.createTable('dispute_attachments', (t) => {
    t.increments('id');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.string('file_name').notNullable();
    t.string('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('note').nullable();
    t.integer('uploaded_by').nullable().references('id').inTable('accounts');
    t.string('uploaded_by_name').notNullable();
    t.string('uploaded_at').notNullable();
    t.index(['dispute_id']);
  });

  await knex.schema.createTable('dispute_saved_views', (t) => {
    t.increments('id');
    t.integer('account_id').notNullable().references('id').inTable('accounts');
    t.string('name').notNullable();
    t.text('view').notNullable(); // JSON QueueView
    t.string('created_at').notNullable();
    t.unique(['account_id', 'name']);
  });

  // The admin's corrections to the built-in holiday calendar (a holiday announced after the release).
  await knex.schema.createTable('workday_overrides', (t) => {
    t.string('date', 10).primary();
    t.boolean('is_workday').notNullable();
    t.string('note').nullable();
  });

  await knex.schema.createTable('dispute_deadline_rules', (t) => {
    t.increments('id');
    t.string('category').nullable();
    t.string('warning').nullable();
    t.integer('days').notNullable();
    t.boolean('working_days').notNullable().defaultTo(false);
  });
  // One rule per (category, warning) pair, NULL meaning "any": a plain UNIQUE would let NULLs repeat.
  await knex.raw(`CREATE UNIQUE INDEX dispute_deadline_rules_key ON dispute_deadline_rules (coalesce(category, '*'), coalesce(warning, '*'))`);
}
