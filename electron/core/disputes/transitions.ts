import { CoreError } from '../../../shared/contract/errors';
import type { TransitionInput } from '../../../shared/contract/disputes';
import { judicialConfirmationDeadline } from '../../../shared/domain/deadlines';
import { checkTransition, isDisputeStatus, reopenTarget, REFERRAL_LABELS, type DisputeStatus } from '../../../shared/domain/workflow';
import { chinaDate } from '../clock';
import type { DomainImpls, HandlerContext } from '../context';
import { deadlineFor } from './deadlines';
import { isOwnCase } from '../jurisdiction/cases';
import { loadVisibleCase, recordEvent, touchCase } from './timeline';

/** The mediator must be an active mediator, and (when given) a member of the chosen committee. */
export async function checkMediator(ctx: HandlerContext, orgId: number, mediatorId: number): Promise<void> {
  const org: { id: number } | undefined = await ctx.db('mediation_orgs').where({ id: orgId }).first('id');
  if (!org) throw new CoreError('INVALID_INPUT', `输入有误：orgId：没有编号为 ${orgId} 的调解组织`, { field: 'orgId' });
  const person: { kind: string; org_id: number | null; active: number | boolean } | undefined = await ctx.db('people').where({ id: mediatorId }).first('kind', 'org_id', 'active');
  if (!person || person.kind !== 'mediator' || !person.active) throw new CoreError('INVALID_INPUT', `输入有误：mediatorId：编号 ${mediatorId} 不是在册调解员`, { field: 'mediatorId' });
  if (person.org_id !== null && person.org_id !== orgId) throw new CoreError('INVALID_INPUT', '输入有误：mediatorId：该调解员不属于所选调解组织', { field: 'mediatorId' });
}

/**
 * Apply one workflow step: checks the state machine (role, own case, current status), changes the case,
 * and writes the timeline event + audit entry — all in the handler's transaction.
 */
export async function applyTransition(input: TransitionInput, ctx: HandlerContext): Promise<{ id: number; status: DisputeStatus; deadline: string | null }> {
  const { row, scope } = await loadVisibleCase(ctx, input.id);
  if (!isDisputeStatus(row.status)) throw new CoreError('INTERNAL', `案件状态异常：${String(row.status)}`);
  const check = checkTransition(input.action, row.status, { role: ctx.account.role, divisionCode: ctx.account.divisionCode, own: isOwnCase(scope, row) });
  if (!check.ok) throw new CoreError(check.code, check.message);

  const from = row.status;
  const today = chinaDate(ctx.now);
  const nowIso = ctx.now.toISOString();
  let to: DisputeStatus = check.transition.to === 'same' || check.transition.to === 'computed' ? from : check.transition.to;
  const fields: Record<string, unknown> = {};
  let note: string | null = null;
  let data: Record<string, unknown> | null = null;

  switch (input.action) {
    case 'accept': {
      const d = await deadlineFor(ctx.db, row.category, row.warning, today);
      Object.assign(fields, { accepted_at: nowIso, deadline: d.deadline, deadline_basis: d.basis });
      note = input.note ?? null;
      data = { deadline: d.deadline, basis: d.basis };
      break;
    }
    case 'decline':
      note = input.reason;
      fields.concluded_at = nowIso;
      break;
    case 'assign':
    case 'reassign': {
      await checkMediator(ctx, input.orgId, input.mediatorId);
      if (input.action === 'reassign' && input.mediatorId === row.mediator_id && input.orgId === row.org_id) {
        throw new CoreError('CONFLICT', '改派的调解员与当前相同', { field: 'mediatorId' });
      }
      Object.assign(fields, { org_id: input.orgId, mediator_id: input.mediatorId });
      note = input.action === 'assign' ? (input.note ?? null) : input.reason;
      data = { orgId: input.orgId, mediatorId: input.mediatorId, previousMediatorId: row.mediator_id };
      break;
    }
    case 'startMediation':
    case 'close':
      note = input.note ?? null;
      if (input.action === 'close') fields.closed_at = nowIso;
      break;
    case 'reachAgreement': {
      const judicial = judicialConfirmationDeadline(today);
      await ctx.db('dispute_agreements').insert({
        dispute_id: row.id,
        facts: input.facts,
        issues: input.issues,
        responsibilities: input.responsibilities ?? null,
        content: input.content,
        performance_method: input.performanceMethod,
        performance_deadline: input.performanceDeadline ?? null,
        agreed_at: today,
        judicial_deadline: judicial,
      }).onConflict('dispute_id').merge();
      Object.assign(fields, { outcome: 'agreement', referral: null, concluded_at: nowIso });
      note = input.note ?? null;
      data = { judicialConfirmationDeadline: judicial, performanceDeadline: input.performanceDeadline ?? null };
      break;
    }
    case 'fail':
      Object.assign(fields, { outcome: 'failed', referral: input.referral, concluded_at: nowIso });
      note = input.reason;
      data = { referral: input.referral, referralLabel: REFERRAL_LABELS[input.referral], referralBody: input.referralBody ?? null };
      break;
    case 'followUp': {
      const visitedAt = input.visitedAt ?? today;
      await ctx.db('dispute_followups').insert({
        dispute_id: row.id,
        performed: input.performed,
        visited_at: visitedAt,
        method: input.method ?? null,
        satisfaction: input.performed ? (input.satisfaction ?? null) : null,
        note: input.performed ? (input.note ?? null) : (input.reason ?? null),
        by_id: ctx.account.id,
        by_name: ctx.account.displayName || ctx.account.username,
      });
      Object.assign(fields, { followup_at: visitedAt, satisfaction: input.performed ? (input.satisfaction ?? null) : null });
      note = input.performed ? (input.note ?? null) : (input.reason ?? null);
      data = { performed: input.performed, satisfaction: input.satisfaction ?? null, method: input.method ?? null };
      break;
    }
    case 'escalate':
      fields.escalated_from = from;
      note = input.reason;
      break;
    case 'countyAnswer': {
      // Who may answer (a county or city center, not the township that escalated) is checkTransition's.
      to = row.escalated_from && isDisputeStatus(row.escalated_from) ? row.escalated_from : 'accepted';
      fields.escalated_from = null;
      note = input.answer;
      break;
    }
    case 'reopen':
      to = reopenTarget(from, row.mediator_id !== null);
      Object.assign(fields, { closed_at: null, concluded_at: null, outcome: null, referral: null });
      note = input.reason;
      break;
  }

  if (to !== from) fields.status = to;
  await touchCase(ctx.db, row.id, ctx.now, fields);
  await recordEvent(ctx, row.id, row.case_no, { kind: input.action, fromStatus: from, toStatus: to, note, data });
  ctx.emit('data.changed', { entity: 'dispute', ids: [row.id] });
  const deadline = typeof fields.deadline === 'string' ? fields.deadline : row.deadline;
  return { id: row.id, status: to, deadline };
}

export const transitionImpls = {
  'disputes.transition': applyTransition,
} satisfies Partial<DomainImpls<'disputes'>>;
