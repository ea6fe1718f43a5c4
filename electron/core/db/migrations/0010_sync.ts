import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Upward sync (electron/core/sync, docs/architecture.md "How sync works").
 *
 * Client side: `sync_outbox` is filled by triggers on the tables that flow up, so an operation is recorded
 * in the SAME transaction as the change, whoever wrote it (handlers, imports, a job). The triggers are
 * switched on by `sync_clock.enabled` (a node connected to a hub); connecting backfills the outbox with
 * every current row in the transaction that switches them on, so nothing written before is missed. Each
 * operation takes the node's hybrid logical clock from `sync_clock` (wall ms + counter), advanced in the
 * trigger itself. `sync_client` holds the hub, the credentials and the checkpoint (the highest outbox seq
 * the hub said it committed).
 *
 * Hub side: `sync_nodes` (registrations: node key → division, secret, the node's UUID once it first
 * pushed, the highest seq committed), `sync_replica` (the records below, per-field-set versions) and
 * `sync_conflicts` (what the merge rule cannot settle, for a person) and `sync_downbox` (answers going down).
 *
 * The node's UUID is created here (first start) and kept in `meta.node_id`.
 */

/** The tables that flow up, the entity name on the wire, and how a row finds its case's number. */
export const SYNCED_TABLES = [
  { table: 'disputes', entity: 'case', caseNo: 'NEW.case_no', caseNoOld: 'OLD.case_no' },
  { table: 'dispute_events', entity: 'event', caseNo: '(SELECT case_no FROM disputes WHERE id = NEW.dispute_id)', caseNoOld: '(SELECT case_no FROM disputes WHERE id = OLD.dispute_id)' },
  { table: 'dispute_mediation_records', entity: 'mediation', caseNo: '(SELECT case_no FROM disputes WHERE id = NEW.dispute_id)', caseNoOld: '(SELECT case_no FROM disputes WHERE id = OLD.dispute_id)' },
] as const;

/** SQLite's current time in Unix ms (the HLC's physical part; real time, never the demo's pinned day). */
const NOW_MS = `CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)`;
/** HLC send rule: wall = max(wall, now); the counter restarts when the wall moved, else counts up. */
const TICK = `UPDATE sync_clock SET counter = CASE WHEN ${NOW_MS} > wall THEN 0 ELSE counter + 1 END, wall = MAX(wall, ${NOW_MS}) WHERE id = 1;`;
const HLC = `printf('%015d-%06d', wall, counter)`;
const ENABLED = `(SELECT enabled FROM sync_clock WHERE id = 1) = 1`;

async function columnsOf(knex: Knex, table: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await knex.raw(`PRAGMA table_info(${table})`);
  return rows.map((r) => r.name);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * (Re)create the outbox triggers from the tables' current columns. A later migration that adds a column
 * to a synced table calls this again, so the new column flows too.
 */
export async function createSyncTriggers(knex: Knex): Promise<void> {
  for (const { table, entity, caseNo, caseNoOld } of SYNCED_TABLES) {
    const cols = await columnsOf(knex, table);
    const row = `json_object(${cols.map((c) => `'${c}', NEW.${q(c)}`).join(', ')})`;
    const changed = `rtrim(${cols.map((c) => `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} THEN '${c},' ELSE '' END`).join(' || ')}, ',')`;
    const anyChange = cols.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
    for (const op of ['ins', 'upd', 'del']) await knex.raw(`DROP TRIGGER IF EXISTS sync_${table}_${op}`);
    await knex.raw(`CREATE TRIGGER sync_${table}_ins AFTER INSERT ON ${table} WHEN ${ENABLED} BEGIN
      ${TICK}
      INSERT INTO sync_outbox (entity, op, local_id, case_no, row, fields, hlc)
        SELECT '${entity}', 'upsert', NEW.id, ${caseNo}, ${row}, '${cols.join(',')}', ${HLC} FROM sync_clock WHERE id = 1;
    END`);
    await knex.raw(`CREATE TRIGGER sync_${table}_upd AFTER UPDATE ON ${table} WHEN ${ENABLED} AND (${anyChange}) BEGIN
      ${TICK}
      INSERT INTO sync_outbox (entity, op, local_id, case_no, row, fields, hlc)
        SELECT '${entity}', 'upsert', NEW.id, ${caseNo}, ${row}, ${changed}, ${HLC} FROM sync_clock WHERE id = 1;
    END`);
    await knex.raw(`CREATE TRIGGER sync_${table}_del AFTER DELETE ON ${table} WHEN ${ENABLED} BEGIN
      ${TICK}
      INSERT INTO sync_outbox (entity, op, local_id, case_no, row, fields, hlc)
        SELECT '${entity}', 'delete', OLD.id, ${caseNoOld}, '{}', '', ${HLC} FROM sync_clock WHERE id = 1;
    END`);
  }
}

/**
 * Record every current row of the synced tables in the outbox (connecting to a hub). Runs in the caller's
 * transaction, the one that switches the triggers on.
 */
export async function backfillOutbox(knex: Knex): Promise<number> {
  let total = 0;
  for (const { table, entity, caseNo } of SYNCED_TABLES) {
    const cols = await columnsOf(knex, table);
    const row = `json_object(${cols.map((c) => `'${c}', NEW.${q(c)}`).join(', ')})`;
    await knex.raw(TICK);
    const res: Array<{ n: number }> = await knex.raw(`SELECT COUNT(*) AS n FROM ${table}`);
    // One HLC for the snapshot (wall, counter at the tick), so later edits of the same rows win over it.
    await knex.raw(`INSERT INTO sync_outbox (entity, op, local_id, case_no, row, fields, hlc)
      SELECT '${entity}', 'upsert', NEW.id, ${caseNo}, ${row}, '${cols.join(',')}', (SELECT ${HLC} FROM sync_clock WHERE id = 1)
      FROM ${table} AS NEW ORDER BY NEW.id`);
    total += Number(res[0]?.n ?? 0);
  }
  return total;
}

export async function up(knex: Knex): Promise<void> {
  await knex('meta').insert({ key: 'node_id', value: randomUUID() }).onConflict('key').ignore();

  await knex.schema.createTable('sync_clock', (t) => {
    t.integer('id').primary();
    t.integer('enabled').notNullable().defaultTo(0);
    t.bigInteger('wall').notNullable().defaultTo(0);
    t.integer('counter').notNullable().defaultTo(0);
  });
  await knex('sync_clock').insert({ id: 1, enabled: 0, wall: 0, counter: 0 });

  await knex.schema.createTable('sync_outbox', (t) => {
    t.increments('seq'); // AUTOINCREMENT: never reused, so (node id, seq) names one operation for ever
    t.string('entity').notNullable(); // case | event | mediation
    t.string('op').notNullable(); // upsert | delete
    t.integer('local_id').notNullable();
    t.string('case_no').nullable();
    t.text('row').notNullable(); // JSON of the row after the change
    t.text('fields').notNullable(); // comma-separated columns the change touched
    t.string('hlc').notNullable(); // wall(15)-counter(6); the node id is appended on the wire
  });

  await knex.schema.createTable('sync_client', (t) => {
    t.integer('id').primary();
    t.string('hub_url').notNullable();
    t.string('node_key').notNullable();
    t.string('secret').notNullable();
    t.integer('acked_seq').notNullable().defaultTo(0);
    t.integer('down_seq').notNullable().defaultTo(0); // the last message from the hub applied here
    t.string('connected_at').notNullable();
    t.string('last_attempt_at').nullable();
    t.string('last_success_at').nullable();
    t.text('last_error').nullable();
  });

  await knex.schema.createTable('sync_nodes', (t) => {
    t.string('node_key').primary();
    t.string('division_code', 12).notNullable();
    t.string('label').notNullable();
    t.string('secret').notNullable();
    t.string('node_id').nullable(); // the node's UUID, bound at its first push
    t.integer('last_seq').notNullable().defaultTo(0);
    t.integer('down_acked').notNullable().defaultTo(0); // the last downbox message the node applied
    t.string('created_at').notNullable();
    t.string('last_contact_at').nullable();
    t.text('last_error').nullable();
    t.integer('revoked').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('sync_replica', (t) => {
    t.string('entity').notNullable();
    t.string('key').notNullable(); // a case: its number; an event or record: node id + local id
    t.string('case_no').nullable();
    t.string('division_code', 12).nullable(); // the case's township (scope checks)
    t.string('origin_node').notNullable();
    t.text('data').notNullable(); // JSON
    t.text('versions').notNullable(); // JSON: field set → { hlc, node }
    t.integer('deleted').notNullable().defaultTo(0);
    t.string('last_op').notNullable();
    t.primary(['entity', 'key']);
    t.index(['case_no']);
  });

  await knex.schema.createTable('sync_conflicts', (t) => {
    t.increments('id');
    t.string('entity').notNullable();
    t.string('key').notNullable();
    t.string('field_set').notNullable();
    t.text('kept').notNullable(); // JSON { hlc, node, values }
    t.text('other').notNullable(); // JSON { hlc, node, values }
    t.string('created_at').notNullable();
    t.string('resolved_at').nullable();
    t.index(['resolved_at']);
  });

  // Hub → node messages (an answer to an escalation), resent with every push answer until the node says
  // it applied them (sync_nodes.down_acked): exactly once at the node, which keeps its own down_seq.
  await knex.schema.createTable('sync_downbox', (t) => {
    t.increments('id');
    t.string('node_key').notNullable();
    t.string('kind').notNullable(); // countyAnswer
    t.string('case_no').notNullable();
    t.text('payload').notNullable(); // JSON
    t.string('created_at').notNullable();
    t.index(['node_key', 'id']);
  });

  await createSyncTriggers(knex);
}
