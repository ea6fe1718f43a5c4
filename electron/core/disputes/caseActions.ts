import { CoreError, type CoreErrorPayload } from '../../../shared/contract/errors';
import type { WarningLevel } from '../../../shared/domain/disputeStatus';
import { proposeWarning, warningOverride } from '../../../shared/domain/warningRules';
import { mediationRecordable, STATUS_LABELS, WARNING_LABELS, warningChangeable } from '../../../shared/domain/workflow';
import type { DomainImpls, HandlerContext } from '../context';
import { isOwnCase } from '../jurisdiction/cases';
import { loadVisibleCase, recordEvent, touchCase } from './timeline';
import { applyTransition, checkMediator } from './transitions';

async function setWarning(ctx: HandlerContext, id: number, level: WarningLevel, reason: string): Promise<{ id: number; warning: WarningLevel }> {
  const { row, scope } = await loadVisibleCase(ctx, id);
  if (ctx.account.role === 'mediator' && !isOwnCase(scope, row)) throw new CoreError('FORBIDDEN', '只能调整本人负责案件的预警等级');
  if (!warningChangeable(row.status)) throw new CoreError('CONFLICT', `案件当前状态为“${STATUS_LABELS[row.status]}”，不能调整预警等级（请先重新启动）`);
  if (row.warning === level) throw new CoreError('CONFLICT', `案件预警等级已是${WARNING_LABELS[level]}`, { field: 'level' });
  // The rules' colour for the case as registered: a hand colour that differs from it is an override, and
  // the timeline says so (the reason is required for every hand change anyway: the contract's TextRequired).
  const proposed = proposeWarning({ category: row.category, summary: row.summary, peopleInvolved: row.people_involved, amountYuan: row.amount_fen === null ? undefined : row.amount_fen / 100, repeatVisits: row.repeat_visits }).level;
  const override = warningOverride(proposed, level);
  await touchCase(ctx.db, id, ctx.now, { warning: level, warning_reason: level === 'none' && !override ? null : reason });
  await recordEvent(ctx, id, row.case_no, { kind: 'warning', note: reason, data: { from: row.warning, to: level, by: 'hand', ...(override ? { proposed, override } : {}) } });
  return { id, warning: level };
}

/**
 * Run one step per id; a refused id (wrong status, outside one's scope…) is reported and skipped. Every
 * check in a step happens before its first write, so a refused id leaves nothing behind.
 */
async function perId(ctx: HandlerContext, ids: readonly number[], step: (id: number) => Promise<unknown>) {
  const results: Array<{ id: number; ok: boolean; error?: Pick<CoreErrorPayload, 'code' | 'message'> }> = [];
  for (const id of new Set(ids)) {
    try {
      await step(id);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof CoreError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export const caseActionImpls = {
  'disputes.setWarning': async ({ id, level, reason }, ctx) => {
    const out = await setWarning(ctx, id, level, reason);
    ctx.emit('data.changed', { entity: 'dispute', ids: [id] });
    return out;
  },

  'disputes.addNote': async ({ id, note }, ctx) => {
    const { row, scope } = await loadVisibleCase(ctx, id);
    if ((ctx.account.role === 'mediator' || ctx.account.role === 'grid_worker') && !isOwnCase(scope, row)) throw new CoreError('FORBIDDEN', '只能在本人负责的案件上添加备注');
    const eventId = await recordEvent(ctx, id, row.case_no, { kind: 'note', note });
    await touchCase(ctx.db, id, ctx.now, {});
    return { eventId };
  },

  'disputes.recordMediation': async (input, ctx) => {
    const { row, scope } = await loadVisibleCase(ctx, input.id);
    if (ctx.account.role === 'mediator' && !isOwnCase(scope, row)) throw new CoreError('FORBIDDEN', '只能记录本人负责案件的调解情况');
    if (!mediationRecordable(row.status)) throw new CoreError('CONFLICT', `案件当前状态为“${STATUS_LABELS[row.status]}”，开始调解后才能记录调解情况`);
    const [recordId] = await ctx.db('dispute_mediation_records').insert({
      dispute_id: row.id,
      session_at: new Date(input.sessionAt).toISOString(),
      place: input.place ?? null,
      participants: input.participants ?? null,
      content: input.content,
      result: input.result ?? null,
      recorded_by: ctx.account.id,
      recorded_by_name: ctx.account.displayName || ctx.account.username,
      created_at: ctx.now.toISOString(),
    });
    await touchCase(ctx.db, row.id, ctx.now, {});
    await recordEvent(ctx, row.id, row.case_no, { kind: 'mediation_record', note: input.result ?? null, data: { recordId: Number(recordId), sessionAt: input.sessionAt } });
    ctx.emit('data.changed', { entity: 'dispute', ids: [row.id] });
    return { recordId: Number(recordId) };
  },

  'disputes.batchAssign': async ({ ids, orgId, mediatorId }, ctx) => {
    // Checked once up front: a bad mediator refuses the whole batch, and no case is left accepted-only.
    await checkMediator(ctx, orgId, mediatorId);
    const out = await perId(ctx, ids, async (id) => {
      const { row } = await loadVisibleCase(ctx, id);
      if (row.status === 'registered') await applyTransition({ action: 'accept', id }, ctx);
      await applyTransition({ action: 'assign', id, orgId, mediatorId }, ctx);
    });
    // One entry for the batch as a whole, so even an all-refused batch is on record.
    await ctx.audit({ action: 'disputes.batch_assign', entity: 'dispute', entityId: null, detail: { orgId, mediatorId, succeeded: out.succeeded, failed: out.failed } });
    return out;
  },

  'disputes.batchSetWarning': async ({ ids, level, reason }, ctx) => {
    const out = await perId(ctx, ids, (id) => setWarning(ctx, id, level, reason));
    await ctx.audit({ action: 'disputes.batch_set_warning', entity: 'dispute', entityId: null, detail: { level, succeeded: out.succeeded, failed: out.failed } });
    ctx.emit('data.changed', { entity: 'dispute', ids: out.results.filter((r) => r.ok).map((r) => r.id) });
    return out;
  },
} satisfies Partial<DomainImpls<'disputes'>>;
