import type { Knex } from 'knex';

/**
 * Accounts people manage (issue 9): a phone for the staff list, a one-time password the user must change
 * at the next login (an admin's reset), when the password last changed and the last login.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (t) => {
    t.string('phone').nullable();
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.string('password_changed_at').nullable();
    t.string('last_login_at').nullable();
  });
}
