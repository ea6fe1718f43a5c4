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
};
