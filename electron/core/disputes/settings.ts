import { CoreError } from '../../../shared/contract/errors';
import { QueueView } from '../../../shared/contract/disputesSchemas';
import type { HandlerImpls } from '../context';
import { loadRules } from './calendar';

/** Saved queue views (per account), the admin's workday overrides and the deadline rules. */
export const settingsImpls = {
  'disputes.views.list': async (_input, ctx) => {
    const rows: Array<{ id: number; name: string; view: string; created_at: string }> = await ctx.db('dispute_saved_views').where({ account_id: ctx.account.id }).orderBy('name').select('*');
    const views = [];
    for (const r of rows) {
      // A view saved by an older version may no longer parse: skip it rather than break the list.
      const parsed = QueueView.safeParse(JSON.parse(r.view));
      if (parsed.success) views.push({ id: r.id, name: r.name, view: parsed.data, createdAt: r.created_at });
    }
    return { views };
  },

  'disputes.views.save': async ({ name, view }, ctx) => {
    const nowIso = ctx.now.toISOString();
    await ctx.db('dispute_saved_views')
      .insert({ account_id: ctx.account.id, name, view: JSON.stringify(view), created_at: nowIso })
      .onConflict(['account_id', 'name'])
      .merge(['view', 'created_at']);
    const row: { id: number } = await ctx.db('dispute_saved_views').where({ account_id: ctx.account.id, name }).first('id');
    await ctx.audit({ action: 'disputes.views.save', entity: 'saved_view', entityId: row.id, detail: { name } });
    return { id: row.id, name, view, createdAt: nowIso };
  },

  'disputes.views.delete': async ({ viewId }, ctx) => {
    const n = await ctx.db('dispute_saved_views').where({ id: viewId, account_id: ctx.account.id }).delete();
    if (n === 0) throw new CoreError('NOT_FOUND', `没有编号为 ${viewId} 的视图`, { field: 'viewId' });
    await ctx.audit({ action: 'disputes.views.delete', entity: 'saved_view', entityId: viewId });
    return { ok: true as const };
  },

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

  'disputes.deadlineRules.list': async (_input, ctx) => ({ rules: await loadRules(ctx.db) }),

  'disputes.deadlineRules.set': async ({ category, warning, days, workingDays, remove }, ctx) => {
    const match = ctx.db('dispute_deadline_rules').whereRaw(`coalesce(category, '*') = ? AND coalesce(warning, '*') = ?`, [category ?? '*', warning ?? '*']);
    await match.clone().delete();
    if (!remove) await ctx.db('dispute_deadline_rules').insert({ category, warning, days, working_days: workingDays });
    await ctx.audit({ action: remove ? 'disputes.deadline_rule_remove' : 'disputes.deadline_rule_set', entity: 'deadline_rule', entityId: `${category ?? '*'}/${warning ?? '*'}`, detail: { days, workingDays } });
    return { ok: true as const };
  },
} satisfies Partial<HandlerImpls>;
