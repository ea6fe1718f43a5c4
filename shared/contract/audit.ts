import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, LEAD_ROLES } from './roles';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditProblem = z.object({
  seq: z.number().int(),
  kind: z.enum(['edited', 'missing', 'broken_link', 'truncated']),
  message: z.string(),
});

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  problems: z.array(AuditProblem),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const auditHandlers = {
  'audit.list': handler({
    summary: 'The newest audit entries, newest first, paged by sequence number.',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(AuditEntry) }),
    access: LEAD_ROLES,
    writes: false,
  }),
  'audit.verify': handler({
    summary: 'Recompute the hash chain of the whole audit log and report every edited, missing or broken entry.',
    input: z.object({}).strict(),
    output: AuditVerifyResult,
    access: ADMIN_ONLY,
    writes: false,
  }),
};
