import type { DomainImpls } from '../context';
import { verifyAuditChain } from './auditLog';

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
  'audit.verify': async (_input, ctx) => verifyAuditChain(ctx.db),
};

/** The UTC instant (ISO) at which a China-time day starts, `plusDays` later. */
function chinaDayStart(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000;
  return new Date(t).toISOString();
}
