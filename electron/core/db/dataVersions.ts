import type { Knex } from 'knex';

export interface DataVersions {
  grids: number;
  divisions: number;
  service_points: number;
}

/**
 * Bumped by triggers on every write to these tables (migration 0003), whoever wrote: handlers, imports,
 * the demo generator, sync. Caches of maps and spatial indexes key on them.
 */
export async function dataVersions(db: Knex): Promise<DataVersions> {
  const rows: Array<{ name: string; version: number }> = await db('map_data_versions').select('name', 'version');
  const v: DataVersions = { grids: 0, divisions: 0, service_points: 0 };
  for (const r of rows) if (r.name in v) v[r.name as keyof DataVersions] = Number(r.version);
  return v;
}


/**
 * A version of the whole database: SQLite's change counter for this connection plus the file's
 * data_version (writes by other processes), so any write anywhere changes it. The queue's caches key on it.
 */
export async function dataVersion(db: Knex): Promise<string> {
  const rows: Array<{ c: number; v: number }> = await db.raw('SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v');
  const r = rows[0];
  return `${r?.v ?? 0}.${r?.c ?? 0}`;
}
