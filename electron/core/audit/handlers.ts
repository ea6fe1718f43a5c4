import type { DomainImpls } from '../context';
import { verifyAuditChain } from './auditLog';
import { backupAnchors } from '../backup/anchors';

export const auditImpls: DomainImpls<'audit'> = {
  'audit.list': async ({ limit, beforeSeq }, ctx) => {
    const q = ctx.db('audit_log').orderBy('seq', 'desc').limit(limit);
    if (beforeSeq) q.where('seq', '<', beforeSeq);
    const rows: Array<{ seq: number; at: string; actor_id: number | null; actor_name: string; action: string; entity: string; entity_id: string | null; detail: string; hash: string }> = await q;
    return {
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        detail: JSON.parse(r.detail) as unknown,
        hash: r.hash,
      })),
    };
  },
  // The chain, and the heads exported with every backup (an anchor outside the database file).
  'audit.verify': async (_input, ctx) => verifyAuditChain(ctx.db, { anchors: await backupAnchors(ctx.db, ctx.env.dataDir) }),
  'audit.reads': async ({ limit, beforeId, accountId, disputeId }, ctx) => {
    const q = ctx.db('personal_reads').orderBy('id', 'desc').limit(limit);
    if (beforeId) q.where('id', '<', beforeId);
    if (accountId) q.where('account_id', accountId);
    // A case's reads: its page, printouts and unmaskings, and downloads of its attachments.
    if (disputeId) q.where((w) => w.where({ entity: 'dispute', entity_id: String(disputeId) }).orWhereRaw("entity = 'attachment' AND json_extract(detail, '$.disputeId') = ?", [disputeId]));
    const rows: Array<{ id: number; at: string; account_id: number | null; account_name: string; role: string; action: string; entity: string; entity_id: string | null; detail: string | null }> = await q;
    return {
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at,
        accountId: r.account_id,
        accountName: r.account_name,
        role: r.role,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
      })),
    };
  },
};
