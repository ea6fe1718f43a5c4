import type { Knex } from 'knex';
import type { AuditAnchor } from '../audit/auditLog';
import { auditKeyId, auditKeyOf } from '../audit/auditKey';
import { backupsDir, listBackups } from './backupFiles';
import { readBackupSettings } from './backupJob';

/**
 * The audit heads exported with the backups (the node's folder and the second folder), as anchors for
 * audit.verify: each must still be in the chain, unchanged. Backups a restore left behind (named in a
 * `backup.restored` entry, itself part of the keyed chain) are not held against it, nor are backups of
 * another chain (another key: the folder was reset for a fresh database).
 */
export async function backupAnchors(db: Knex, dataDir: string): Promise<AuditAnchor[]> {
  const restores: Array<{ detail: string }> = await db('audit_log').where({ action: 'backup.restored' }).select('detail');
  const superseded = new Set(restores.flatMap((r) => (JSON.parse(r.detail) as { superseded?: string[] }).superseded ?? []));
  const { secondDir } = await readBackupSettings(db);
  // Only heads of this chain: a data folder reset for a fresh database (a new key) keeps its old backups.
  const key = auditKeyOf(db);
  const keyId = key ? auditKeyId(key) : null;
  const seen = new Set<string>();
  const anchors: AuditAnchor[] = [];
  for (const root of [backupsDir(dataDir), ...(secondDir ? [secondDir] : [])]) {
    for (const b of listBackups(root)) {
      const m = b.manifest;
      if (!m?.auditHead || m.auditKeyId !== keyId || superseded.has(m.id) || seen.has(m.id)) continue;
      seen.add(m.id);
      anchors.push({ seq: m.auditHead.seq, hash: m.auditHead.hash, source: `备份 ${m.id} ` });
    }
  }
  return anchors;
}
