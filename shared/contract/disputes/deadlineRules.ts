import { z } from 'zod';
import { handler } from '../define';
import { ADMIN_ONLY, STAFF_ROLES } from '../roles';
import { CategorySchema, WarningSchema } from './schemas';

/** How long mediation may take, per category and warning level (the admin sets them; the core counts). */

export const DeadlineRule = z.object({
  id: z.number().int(),
  /** null = every category */
  category: CategorySchema.nullable(),
  /** null = every warning level */
  warning: WarningSchema.nullable(),
  days: z.number().int(),
  workingDays: z.boolean(),
});

export const deadlineRuleHandlers = {
  'disputes.deadlineRules.list': handler({
    summary: 'Mediation deadline rules per category and warning level (most specific wins; default 30 calendar days).',
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(DeadlineRule) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.deadlineRules.set': handler({
    summary: 'Create or replace the rule for a (category, warning) pair; remove: true deletes it.',
    input: z
      .object({
        category: CategorySchema.nullable(),
        warning: WarningSchema.nullable(),
        days: z.number('请填写期限天数').int().min(1, '期限至少1天').max(365, '期限不能超过365天'),
        workingDays: z.boolean().default(false),
        remove: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
};
