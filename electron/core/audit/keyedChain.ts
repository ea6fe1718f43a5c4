import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { getMeta, setMeta } from '../meta';
import { AUDIT_KEY_FILE, createAuditKeyFile, readAuditKeyFile } from './auditKey';
import { auditedWrite, SYSTEM_ACTOR } from './auditedWrite';

/**
 * At every start, before anything is audited: the node's audit key exists, or is created now.
 *
 * - A fresh database: the key is created and the chain is keyed from its first entry.
 * - A database from before the keyed chain (entries chained with plain SHA-256): the key is created with
 *   `keyedFrom` = the next sequence number and a marker entry `audit.keyed` is appended, keyed, linking to
 *   the last unkeyed entry. The old entries are not rewritten (the log is append-only, and rewriting would
 *   destroy the evidence the chain exists for); from the marker on, nobody without the key can extend or
 *   rewrite the chain, and the marker's keyed link pins every entry before it.
 * - A keyed database whose key file is gone: refused, with what to do (copy the key back). Starting a
 *   new key here would let anyone who deletes the file launder the chain.
 */
export async function ensureAuditKey(db: Knex, dataDir: string, now: Date): Promise<void> {
  if (readAuditKeyFile(dataDir)) return;
  const keyedFrom = await getMeta(db, 'audit_keyed_from');
  if (keyedFrom) {
    throw new CoreError(
      'INTERNAL',
      `审计密钥文件 ${AUDIT_KEY_FILE} 缺失（本数据库的审计链自第 ${keyedFrom} 条起使用该密钥）：请把原数据目录中的 ${AUDIT_KEY_FILE} 复制到 ${dataDir} 后再启动。`,
    );
  }
  const last: { seq: number } | undefined = await db('audit_log').orderBy('seq', 'desc').first('seq');
  const rawHead = await getMeta(db, 'audit_head');
  const headSeq = Math.max(last?.seq ?? 0, rawHead ? (JSON.parse(rawHead) as { seq: number }).seq : 0);
  createAuditKeyFile(dataDir, headSeq + 1, now);
  if (headSeq === 0) {
    await setMeta(db, 'audit_keyed_from', '1');
    return;
  }
  await auditedWrite(db, now, SYSTEM_ACTOR, 'audit.keyed', async (trx, audit) => {
    await setMeta(trx, 'audit_keyed_from', String(headSeq + 1));
    await audit({ action: 'audit.keyed', entity: 'node', entityId: null, detail: { keyedFrom: headSeq + 1, unkeyedEntries: headSeq } });
  });
}
