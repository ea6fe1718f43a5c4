import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { MIGRATIONS } from './migrations';

const TABLE = 'knex_migrations';

type Migration = (typeof MIGRATIONS)[number];

function sourceOf(migrations: readonly Migration[]): Knex.MigrationSource<Migration> {
  return {
    getMigrations: async () => [...migrations],
    getMigrationName: (m) => m.name,
    getMigration: async (m) => ({
      up: m.up,
      down: async () => {
        throw new Error(`migrations are forward-only (${m.name})`);
      },
    }),
  };
}

/**
 * Bring the database to this app's schema. Refuses a database that has migrations this app does not
 * know (written by a newer version): opening it could corrupt what the newer version wrote.
 * Each migration runs in its own transaction; a failure throws and leaves the schema of the last
 * migration that succeeded.
 */
export async function migrateToLatest(
  db: Knex,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ schemaVersion: number; applied: string[] }> {
  const known = new Set(migrations.map((m) => m.name));
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
  // knex's latest() runs a whole batch in ONE transaction; up() applies the next migration alone, so a
  // failure keeps every earlier migration and rolls back only its own.
  const config = { migrationSource: sourceOf(migrations), tableName: TABLE };
  const applied: string[] = [];
  for (;;) {
    const [, names] = (await db.migrate.up(config)) as [number, string[]];
    if (names.length === 0) break;
    applied.push(...names);
  }
  return { schemaVersion: migrations.length, applied };
}
