import type { Knex } from 'knex';

/** Node-wide settings kept in the `meta` table (which division this node is, demo mode, the audit head, backup
 * settings, where the keyed audit chain starts, session length and idle lock, the node's own id for sync). */
export const META_KEYS = ['node_division_code', 'demo', 'demo_today', 'audit_head', 'backup_settings', 'audit_keyed_from', 'session_hours', 'idle_lock_minutes', 'node_id'] as const;
export type MetaKey = (typeof META_KEYS)[number];

export async function getMeta(db: Knex, key: MetaKey): Promise<string | null> {
  const row: { value: string } | undefined = await db('meta').where({ key }).first('value');
  return row?.value ?? null;
}

export async function setMeta(db: Knex, key: MetaKey, value: string): Promise<void> {
  await db('meta').insert({ key, value }).onConflict('key').merge();
}
