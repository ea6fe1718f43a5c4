import type { Knex } from 'knex';

/**
 * Sweeps (排查, issue 11), the statistics' indexes and LAN wall tokens. A sweep is one visit of a village (some or all of
 * its grids) by a grid worker or a committee; the cases it opened are linked. The statistics are SQL
 * aggregates computed on every call (no stored totals to drift), so what they need is indexes:
 * - disputes_stats_cover: the cases registered in a date range with every column a figure groups by, so
 *   a city's year is one index range with no row lookups (the registration-cohort figures);
 * - disputes_concluded: the on-time closure rate counts cases concluded in a range.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sweeps', (t) => {
    t.increments('id');
    t.string('swept_on', 10).notNullable(); // YYYY-MM-DD, China time
    t.string('village_code', 12).notNullable().references('code').inTable('divisions');
    t.string('township_code', 12).notNullable();
    t.string('county_code', 12).notNullable();
    t.text('grid_ids').notNullable().defaultTo('[]'); // JSON array of grid ids in the village
    t.string('participants').notNullable();
    t.text('findings').notNullable();
    t.integer('disputes_found').notNullable().defaultTo(0);
    t.integer('recorded_by').nullable().references('id').inTable('accounts');
    t.string('recorded_by_name').notNullable();
    t.string('created_at').notNullable();
    t.index(['swept_on', 'county_code', 'township_code', 'village_code'], 'sweeps_day');
    t.index(['county_code', 'swept_on'], 'sweeps_county_day');
    t.index(['township_code', 'swept_on'], 'sweeps_township_day');
  });
  await knex.schema.createTable('sweep_disputes', (t) => {
    t.integer('sweep_id').notNullable().references('id').inTable('sweeps');
    t.integer('dispute_id').notNullable().references('id').inTable('disputes');
    t.primary(['sweep_id', 'dispute_id']);
    t.index(['dispute_id']);
  });
  await knex.raw(
    `CREATE INDEX disputes_stats_cover ON disputes
       (registered_at, county_code, township_code, category, source, outcome, warning, status, org_id, escalated_from, referral, satisfaction, mediator_id)`,
  );
  // LAN wall tokens: a browser on the LAN shows the wall with one of these (the admin creates and revokes
  // them); it acts as a wall account and reaches only the wall's read handlers. Only the hash is kept.
  await knex.schema.createTable('wall_tokens', (t) => {
    t.increments('id');
    t.string('label').notNullable();
    t.string('token_hash', 64).notNullable().unique();
    t.integer('account_id').notNullable().references('id').inTable('accounts');
    t.integer('created_by').nullable().references('id').inTable('accounts');
    t.string('created_at').notNullable();
    t.string('revoked_at').nullable();
  });
  await knex.raw('CREATE INDEX disputes_concluded ON disputes (concluded_at, county_code, township_code, deadline) WHERE concluded_at IS NOT NULL');
}
