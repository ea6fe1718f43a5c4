import type { DomainImpls } from '../context';
import { verifyAuditChain } from './auditLog';
import { backupAnchors } from '../backup/anchors';

export const auditImpls: DomainImpls<'audit'> = {
  'audit.list': async ({ limit, beforeSeq, actor, action, entity, entityId, from, to }, ctx) => {
    const q = ctx.db('audit_log').orderBy('seq', 'desc').limit(limit);
    if (beforeSeq) q.where('seq', '<', beforeSeq);
    if (actor) q.whereRaw(`actor_name LIKE ? ESCAPE '\\'`, [`%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    if (action) q.where('action', action);
    if (entity) q.where('entity', entity);
    if (entityId) q.where('entity_id', entityId);
    // Dates are the office's (China, UTC+8): a day runs from 16:00 UTC the day before.
    if (from) q.where('at', '>=', chinaDayStart(from));
    if (to) q.where('at', '<', chinaDayStart(to, 1));
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

/** The UTC instant (ISO) at which a China-time day starts, `plusDays` later. */
function chinaDayStart(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000;
  return new Date(t).toISOString();
}
