import type { Knex } from 'knex';

/**
 * A node is configured once it has an account: the demo writes seven, the setup wizard the first admin.
 * Before that (a real node started with `--no-demo` / `serve --setup` on a fresh folder) only the
 * wizard answers.
 */
export async function isConfigured(db: Knex): Promise<boolean> {
  return Boolean(await db('accounts').first('id'));
}
