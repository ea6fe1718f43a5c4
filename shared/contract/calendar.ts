import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, STAFF_ROLES } from './roles';
import { DateString } from './disputes/schemas';

/**
 * The working-day calendar: China's holidays come built in (chinese-days); the admin overrides single
 * days (a newly announced holiday, a make-up workday). Deadlines counted in working days read it.
 */

export const calendarHandlers = {
  'calendar.overrides.list': handler({
    summary: 'Working-day overrides the admin set on top of the built-in holiday calendar (chinese-days), for a year.',
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.object({ overrides: z.array(z.object({ date: z.string(), isWorkday: z.boolean(), note: z.string().nullable() })) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'calendar.overrides.set': handler({
    summary: 'Declare a date a working day or a day off (e.g. a newly announced holiday); removes with remove: true.',
    input: z
      .object({ date: DateString, isWorkday: z.boolean('请选择是否为工作日'), note: z.string().trim().max(100).optional(), remove: z.boolean().default(false) })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
};
