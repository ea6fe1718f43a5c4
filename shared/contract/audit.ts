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

/** One read of personal data (core/privacy/readLog.ts): who, what, when, and why for an unmasking. */
export const PersonalRead = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: z.number().int().nullable(),
  accountName: z.string(),
  role: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.unknown(),
});
export type PersonalRead = z.infer<typeof PersonalRead>;

export const auditHandlers = {
  'audit.reads': handler({
    summary:
      'The read log of personal data (个人信息查阅记录), newest first: case pages, printouts, attachments, export downloads and unmaskings, kept at least six months. Filter by account or by case.',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: z.number().int().positive().optional(),
        accountId: z.number().int().positive().optional(),
        disputeId: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(PersonalRead) }),
    access: LEAD_ROLES,
    writes: false,
  }),
  'audit.list': handler({
    summary:
      'The newest audit entries, newest first, paged by sequence number; filtered by person (name contains), action, record (entity and id) and China-time dates (inclusive).',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().positive().optional(),
        actor: z.string().trim().max(64, '操作人最多64个字').optional(),
        action: z.string().trim().max(64).optional(),
        entity: z.string().trim().max(64).optional(),
        entityId: z.string().trim().max(64, '对象编号最多64个字').optional(),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
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
