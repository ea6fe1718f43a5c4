import { CoreError } from '../../../shared/contract/errors';
import type { DomainImpls } from '../context';

/** The admin's working-day overrides on top of the built-in holiday calendar (see ./workdays.ts). */
export const calendarImpls: DomainImpls<'calendar'> = {
  'calendar.overrides.list': async ({ year }, ctx) => {
    const rows: Array<{ date: string; is_workday: number | boolean; note: string | null }> = await ctx.db('workday_overrides').whereBetween('date', [`${year}-01-01`, `${year}-12-31`]).orderBy('date').select('*');
    return { overrides: rows.map((r) => ({ date: r.date, isWorkday: Boolean(r.is_workday), note: r.note })) };
  },

  'calendar.overrides.set': async ({ date, isWorkday, note, remove }, ctx) => {
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new CoreError('INVALID_INPUT', `输入有误：date：${date} 不是有效日期`, { field: 'date' });
    }
    if (remove) await ctx.db('workday_overrides').where({ date }).delete();
    else await ctx.db('workday_overrides').insert({ date, is_workday: isWorkday, note: note ?? null }).onConflict('date').merge();
    await ctx.audit({ action: remove ? 'calendar.override_remove' : 'calendar.override_set', entity: 'calendar', entityId: date, detail: { isWorkday, note: note ?? null } });
    return { ok: true as const };
  },
};
