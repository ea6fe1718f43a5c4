import type { Knex } from 'knex';

/**
 * Background jobs (electron/core/jobs): one row per job a person started, so a job survives a restart as
 * a record — one that was running when the process stopped is marked failed ("interrupted") at the next
 * start — and retention can find finished jobs and their files (exports hold unmasked personal data).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jobs', (t) => {
    t.string('id').primary();
    t.string('kind').notNullable();
    // Who started it; null for the node's own work. No foreign key: a job's record outlives its account.
    t.integer('owner_id').nullable();
    t.string('owner_name').notNullable();
    t.string('state').notNullable(); // running | done | failed | cancelled
    t.integer('done').notNullable().defaultTo(0);
    t.integer('total').notNullable().defaultTo(0);
    t.text('message').nullable();
    t.text('input').notNullable(); // JSON, checked by the job kind's schema when it runs
    t.string('file_name').nullable(); // what a download is saved as
    t.string('file_path').nullable(); // relative to the data folder
    t.string('started_at').notNullable();
    t.string('finished_at').nullable();
    t.index(['owner_id', 'started_at'], 'jobs_owner');
    t.index(['state', 'finished_at'], 'jobs_state');
  });
}
