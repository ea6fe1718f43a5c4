import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { MIGRATIONS } from './migrations';

const TABLE = 'knex_migrations';

const source: Knex.MigrationSource<(typeof MIGRATIONS)[number]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => ({
    up: m.up,
    down: async () => {
      throw new Error(`migrations are forward-only (${m.name})`);
    },
  }),
};

/**
 * Bring the database to this app's schema. Refuses a database that has migrations this app does not
 * know (written by a newer version): opening it could corrupt what the newer version wrote.
 * Each migration runs in its own transaction (knex's default); a failure throws and leaves the previous
 * schema in place.
 */
export async function migrateToLatest(db: Knex): Promise<{ schemaVersion: number; applied: string[] }> {
  const known = new Set(MIGRATIONS.map((m) => m.name));
  if (await db.schema.hasTable(TABLE)) {
    const done: Array<{ name: string }> = await db(TABLE).select('name');
    const unknown = done.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new CoreError(
        'SCHEMA_TOO_NEW',
        `数据库结构版本比本程序新（含未知迁移 ${unknown.join(', ')}），请升级程序后再打开。`,
      );
    }
  }
  const [, applied] = (await db.migrate.latest({ migrationSource: source, tableName: TABLE })) as [number, string[]];
  return { schemaVersion: MIGRATIONS.length, applied };
}
