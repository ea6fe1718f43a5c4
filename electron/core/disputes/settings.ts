import { CoreError } from '../../../shared/contract/errors';
import { QueueView } from '../../../shared/contract/disputes/schemas';
import type { DomainImpls } from '../context';
import { loadRules } from './deadlines';

/** Saved queue views (per account) and the deadline rules. */
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

  'disputes.deadlineRules.list': async (_input, ctx) => ({ rules: await loadRules(ctx.db) }),

  'disputes.deadlineRules.set': async ({ category, warning, days, workingDays, remove }, ctx) => {
    const match = ctx.db('dispute_deadline_rules').whereRaw(`coalesce(category, '*') = ? AND coalesce(warning, '*') = ?`, [category ?? '*', warning ?? '*']);
    await match.clone().delete();
    if (!remove) await ctx.db('dispute_deadline_rules').insert({ category, warning, days, working_days: workingDays });
    await ctx.audit({ action: remove ? 'disputes.deadline_rule_remove' : 'disputes.deadline_rule_set', entity: 'deadline_rule', entityId: `${category ?? '*'}/${warning ?? '*'}`, detail: { days, workingDays } });
    return { ok: true as const };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
