import { createHash, createHmac } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditVerifyResult } from '../../../shared/contract/audit';
import { CoreError } from '../../../shared/contract/errors';
import { getMeta, setMeta } from '../meta';
import { auditKeyOf, AUDIT_KEY_FILE, type AuditKey } from './auditKey';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorId: number | null;
  actorName: string;
  /** What was done, as `domain.verb` (e.g. `accounts.create`, `session.login_failed`). */
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: unknown;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * The entry's own hash: HMAC-SHA-256 under the node's audit key (auditKey.ts) from the key's `keyedFrom`
 * on, plain SHA-256 before it (entries written before the keyed chain). Exported so the tests can forge
 * an entry exactly as someone with the file — and without the key — could.
 */
export function entryHash(row: Omit<AuditRow, 'hash'>, key?: Buffer | null): string {
  const body = canonicalJson([row.seq, row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.detail, row.prev_hash]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(body).digest('hex');
}

function keyFor(key: AuditKey | null, seq: number): Buffer | null {
  return key && seq >= key.keyedFrom ? key.key : null;
}

/** The key of a chain that is keyed (meta `audit_keyed_from`); refuses to go on without it. */
async function requireKey(db: Knex): Promise<AuditKey | null> {
  const key = auditKeyOf(db);
  if (!key && (await getMeta(db, 'audit_keyed_from'))) {
    throw new CoreError('INTERNAL', `审计密钥文件 ${AUDIT_KEY_FILE} 缺失：请把原数据目录中的 ${AUDIT_KEY_FILE} 复制回数据目录（它不随数据库备份）`);
  }
  return key;
}

/** A chain head recorded outside the database (a backup's manifest): that entry must still be there, unchanged. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  /** Where it was recorded, for the message (e.g. 备份 20211029-…). */
  source: string;
}

interface Head {
  seq: number;
  hash: string;
}

async function readHead(trx: Knex): Promise<Head> {
  const raw = await getMeta(trx, 'audit_head');
  return raw ? (JSON.parse(raw) as Head) : { seq: 0, hash: GENESIS_HASH };
}

/**
 * Append one entry, chained to the previous one. Must run inside the writing transaction so the entry
 * and the change it records commit (or roll back) together.
 */
export async function appendAudit(trx: Knex.Transaction, at: Date, input: AuditInput): Promise<number> {
  const key = await requireKey(trx);
  const head = await readHead(trx);
  const last: { seq: number } | undefined = await trx('audit_log').orderBy('seq', 'desc').first('seq');
  const seq = Math.max(head.seq, last?.seq ?? 0) + 1;
  const row: Omit<AuditRow, 'hash'> = {
    seq,
    at: at.toISOString(),
    actor_id: input.actorId,
    actor_name: input.actorName,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId === null ? null : String(input.entityId),
    detail: canonicalJson(input.detail ?? {}),
    prev_hash: head.hash,
  };
  const hash = entryHash(row, keyFor(key, seq));
  await trx('audit_log').insert({ ...row, hash });
  await setMeta(trx, 'audit_head', JSON.stringify({ seq, hash } satisfies Head));
  return seq;
}

/**
 * Walk the whole chain: every entry's hash must match its content, link to the one before, and the
 * sequence must have no gaps; the last entry must be the head recorded at the last append (catches a
 * removed tail).
 */
export async function verifyAuditChain(db: Knex, opts: { anchors?: readonly AuditAnchor[] } = {}): Promise<AuditVerifyResult> {
  const key = await requireKey(db);
  const anchors = new Map((opts.anchors ?? []).map((a) => [a.seq, a]));
  const problems: AuditVerifyResult['problems'] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const BATCH = 5000;
  for (;;) {
    const rows: AuditRow[] = await db('audit_log').where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'missing',
          message: `第 ${expectedSeq}${row.seq - 1 > expectedSeq ? `–${row.seq - 1}` : ''} 条审计记录缺失（被删除）`,
        });
      }
      const { hash, ...body } = row;
      const anchor = anchors.get(row.seq);
      if (anchor && anchor.hash !== hash) {
        problems.push({ seq: row.seq, kind: 'edited', message: `第 ${row.seq} 条审计记录与${anchor.source}中保存的链头不符（此后的记录被改写）` });
      }
      if (entryHash(body, keyFor(key, row.seq)) !== hash) {
        problems.push({ seq: row.seq, kind: 'edited', message: `第 ${row.seq} 条审计记录内容与其哈希不符（被修改）` });
      } else if (row.prev_hash !== prevHash && row.seq === expectedSeq) {
        problems.push({ seq: row.seq, kind: 'broken_link', message: `第 ${row.seq} 条审计记录与前一条的链接断开` });
      }
      prevHash = hash;
      expectedSeq = row.seq + 1;
      checked += 1;
    }
  }
  const head = await readHead(db);
  const lastSeq = expectedSeq - 1;
  const beyond = [...anchors.values()].filter((a) => a.seq > Math.max(lastSeq, head.seq)).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    problems.push({ seq: lastSeq + 1, kind: 'truncated', message: `${beyond.source}记录的链头为第 ${beyond.seq} 条，现有审计记录只到第 ${lastSeq} 条（链尾被截断）` });
  }
  if (head.seq > lastSeq) {
    problems.push({ seq: lastSeq + 1, kind: 'truncated', message: `最后 ${head.seq - lastSeq} 条审计记录缺失（链尾被截断）` });
  } else if (head.seq === lastSeq && head.seq > 0 && head.hash !== prevHash) {
    problems.push({ seq: lastSeq, kind: 'edited', message: `最后一条审计记录与记录的链头不符` });
  }
  return { ok: problems.length === 0, checked, headSeq: head.seq, problems };
}
