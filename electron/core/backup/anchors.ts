import type { Knex } from 'knex';
import type { AuditAnchor } from '../audit/auditLog';
import { backupsDir, listBackups } from './backupFiles';
import { readBackupSettings } from './backupJob';

/**
 * The audit heads exported with the backups (the node's folder and the second folder), as anchors for
 * audit.verify: each must still be in the chain, unchanged. Backups a restore left behind (named in a
 * `backup.restored` entry, itself part of the keyed chain) are not held against it.
 */
export async function backupAnchors(db: Knex, dataDir: string): Promise<AuditAnchor[]> {
  const restores: Array<{ detail: string }> = await db('audit_log').where({ action: 'backup.restored' }).select('detail');
  const superseded = new Set(restores.flatMap((r) => (JSON.parse(r.detail) as { superseded?: string[] }).superseded ?? []));
  const { secondDir } = await readBackupSettings(db);
  const seen = new Set<string>();
  const anchors: AuditAnchor[] = [];
  for (const root of [backupsDir(dataDir), ...(secondDir ? [secondDir] : [])]) {
    for (const b of listBackups(root)) {
      const m = b.manifest;
      if (!m?.auditHead || superseded.has(m.id) || seen.has(m.id)) continue;
      seen.add(m.id);
      anchors.push({ seq: m.auditHead.seq, hash: m.auditHead.hash, source: `备份 ${m.id} ` });
    }
  }
  return anchors;
}
