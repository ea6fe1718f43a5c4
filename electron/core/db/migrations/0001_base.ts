import type { Knex } from 'knex';
import { OPEN_STATUSES_SQL } from '../../../../shared/domain/disputeStatus';

/**
 * The base schema. Codes are the 12-digit statistical division codes; county/township/village codes are
 * denormalised onto grids, service points and disputes because every list and map query filters by them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('meta', (t) => {
    t.string('key').primary();
    t.text('value').notNullable();
  });

  await knex.schema.createTable('divisions', (t) => {
    t.string('code', 12).primary();
    t.string('name').notNullable();
    t.string('level').notNullable(); // province | city | county | township | village
    t.string('parent_code', 12).nullable().references('code').inTable('divisions');
    t.integer('sort').notNullable().defaultTo(0);
    t.double('center_lon').nullable();
    t.double('center_lat').nullable();
    t.double('min_lon').nullable();
    t.double('min_lat').nullable();
    t.double('max_lon').nullable();
    t.double('max_lat').nullable();
    t.text('outline').nullable(); // GeoJSON geometry, WGS-84
    t.index(['parent_code', 'sort']);
    t.index(['level']);
  });

  await knex.schema.createTable('grids', (t) => {
    t.increments('id');
    t.string('code', 15).notNullable().unique();
    t.string('name').notNullable();
    t.string('village_code', 12).notNullable().references('code').inTable('divisions');
    t.string('township_code', 12).notNullable();
    t.string('county_code', 12).notNullable();
    t.integer('households').notNullable().defaultTo(0);
    t.integer('population').notNullable().defaultTo(0);
    t.integer('wechat_groups').notNullable().defaultTo(0);
    t.integer('wechat_members').notNullable().defaultTo(0);
    t.text('polygon').notNullable(); // GeoJSON Polygon geometry, WGS-84
    t.double('center_lon').notNullable();
    t.double('center_lat').notNullable();
    t.double('min_lon').notNullable();
    t.double('min_lat').notNullable();
    t.double('max_lon').notNullable();
    t.double('max_lat').notNullable();
    t.string('created_at').notNullable();
    t.string('updated_at').notNullable();
    t.index(['village_code']);
    t.index(['township_code']);
    t.index(['county_code']);
  });

  await knex.schema.createTable('mediation_orgs', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('type').notNullable(); // industry | township | village
    t.string('specialty').nullable(); // for industry/professional committees: 医疗, 交通事故, 劳动/欠薪 …
    t.string('division_code', 12).notNullable().references('code').inTable('divisions');
    t.string('township_code', 12).nullable();
    t.string('county_code', 12).nullable();
    t.string('address').nullable();
    t.string('phone').nullable();
    t.double('lon').nullable();
    t.double('lat').nullable();
    t.index(['division_code']);
    t.index(['county_code', 'type']);
  });

  await knex.schema.createTable('people', (t) => {
    t.increments('id');
    t.string('kind').notNullable(); // staff | grid_worker | mediator
    t.string('name').notNullable();
    t.string('gender', 1).nullable();
    t.string('phone').nullable();
    t.string('id_number', 18).nullable();
    t.string('division_code', 12).notNullable().references('code').inTable('divisions');
    t.integer('org_id').nullable().references('id').inTable('mediation_orgs');
    t.string('title').nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.string('created_at').notNullable();
    t.index(['kind', 'division_code']);
    t.index(['org_id']);
  });

  await knex.schema.createTable('grid_workers', (t) => {
    t.integer('grid_id').notNullable().references('id').inTable('grids');
    t.integer('person_id').notNullable().references('id').inTable('people');
    t.primary(['grid_id', 'person_id']);
    t.index(['person_id']);
  });

  await knex.schema.createTable('accounts', (t) => {
    t.increments('id');
    t.string('username').notNullable().unique();
    t.string('display_name').notNullable();
    t.string('role').notNullable();
    t.string('division_code', 12).notNullable().references('code').inTable('divisions');
    t.integer('person_id').nullable().references('id').inTable('people');
    t.string('password_hash').notNullable();
    t.boolean('disabled').notNullable().defaultTo(false);
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.string('locked_until').nullable();
    t.string('created_at').notNullable();
    t.string('updated_at').notNullable();
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('account_id').notNullable().references('id').inTable('accounts');
    t.string('created_at').notNullable();
    t.string('expires_at').notNullable();
    t.index(['account_id']);
  });

  await knex.schema.createTable('service_points', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('category').notNullable();
    t.string('level').notNullable(); // city | county | township | village | grid
    t.string('division_code', 12).notNullable().references('code').inTable('divisions');
    t.string('township_code', 12).nullable();
    t.string('county_code', 12).nullable();
    t.integer('grid_id').nullable().references('id').inTable('grids');
    t.string('address').nullable();
    t.double('lon').nullable();
    t.double('lat').nullable();
    t.string('phone').nullable();
    t.string('hours').nullable();
    t.string('contact_name').nullable();
    t.integer('staff_count').nullable();
    t.text('notes').nullable();
    t.string('created_at').notNullable();
    t.string('updated_at').notNullable();
    t.index(['division_code']);
    t.index(['township_code', 'category']);
    t.index(['county_code', 'category']);
    t.index(['category']);
  });

  await knex.schema.createTable('disputes', (t) => {
    t.increments('id');
    t.string('case_no').notNullable().unique();
    t.string('source').notNullable();
    t.string('category').notNullable();
    t.string('status').notNullable();
    t.string('warning').notNullable().defaultTo('none'); // none | blue | yellow | red
    t.string('warning_reason').nullable();
    t.string('county_code', 12).notNullable();
    t.string('township_code', 12).notNullable();
    t.string('village_code', 12).nullable();
    t.integer('grid_id').nullable().references('id').inTable('grids');
    t.double('lon').nullable();
    t.double('lat').nullable();
    t.string('address').nullable();
    t.text('summary').notNullable();
    t.bigInteger('amount_fen').nullable(); // amount in dispute, in 分 (integer, no float rounding)
    t.integer('people_involved').notNullable().defaultTo(1);
    t.string('registered_at').notNullable();
    t.string('accepted_at').nullable();
    t.string('deadline').nullable(); // YYYY-MM-DD
    t.integer('org_id').nullable().references('id').inTable('mediation_orgs');
    t.integer('mediator_id').nullable().references('id').inTable('people');
    t.string('outcome').nullable(); // agreement | failed
    t.string('referral').nullable(); // litigation | arbitration | other
    t.string('concluded_at').nullable();
    t.string('followup_at').nullable();
    t.integer('satisfaction').nullable(); // 1 (不满意) … 3 (满意)
    t.string('closed_at').nullable();
    t.integer('created_by').nullable().references('id').inTable('accounts');
    t.string('updated_at').notNullable();
    t.index(['status', 'registered_at']);
    t.index(['grid_id', 'status']);
    t.index(['village_code', 'status']);
    t.index(['mediator_id', 'status']);
    t.index(['category', 'registered_at']);
    t.index(['county_code', 'registered_at']);
  });
  // Partial index for the queue's main view and the open-dispute counts: open cases of a township by
  // deadline. Its condition must be repeated literally by the queries that want it.
  await knex.raw(
    `CREATE INDEX disputes_open_township_deadline ON disputes (township_code, deadline) WHERE status IN ${OPEN_STATUSES_SQL}`,
  );

  await knex.schema.createTable('dispute_parties', (t) => {
    t.increments('id');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.string('side').notNullable(); // applicant | respondent
    t.integer('seq').notNullable().defaultTo(1);
    t.string('name').notNullable();
    t.string('id_number', 18).nullable();
    t.string('phone').nullable();
    t.string('address').nullable();
    t.index(['dispute_id']);
    t.index(['name']);
  });

  await knex.schema.createTable('dispute_events', (t) => {
    t.increments('id');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.string('at').notNullable();
    t.integer('actor_id').nullable().references('id').inTable('accounts');
    t.string('actor_name').notNullable();
    t.string('kind').notNullable(); // status | warning | assign | note | …
    t.string('from_status').nullable();
    t.string('to_status').nullable();
    t.text('note').nullable();
    t.text('data').nullable(); // JSON
    t.index(['dispute_id', 'at']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.increments('seq'); // AUTOINCREMENT: a deleted entry's number is never reused, so gaps show
    t.string('at').notNullable();
    t.integer('actor_id').nullable();
    t.string('actor_name').notNullable();
    t.string('action').notNullable();
    t.string('entity').notNullable();
    t.string('entity_id').nullable();
    t.text('detail').notNullable(); // canonical JSON
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
  });
  // Append-only: the application can never edit or remove an entry. Someone with the file in hand can drop
  // these triggers; the hash chain (audit verify) is what catches that.
  await knex.raw(
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  );
  await knex.raw(
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  );
}
