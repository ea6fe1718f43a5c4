import dayjs from 'dayjs';
import type { InputOf } from '../../../../shared/contract';
import type { WorkflowAction } from '../../../../shared/domain/workflow';
import { REFERRALS } from '../../../../shared/domain/workflow';

export type TransitionInputOf = InputOf<'disputes.transition'>;

/** What the transition forms hold (antd gives untyped values; each is read with a guard below). */
export type TransitionValues = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const optText = (v: unknown): string | undefined => text(v) || undefined;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined);

/** The contract input of one workflow step from its form. Empty texts are sent empty: the core names them. */
export function transitionInput(action: WorkflowAction, id: number, v: TransitionValues): TransitionInputOf {
  const note = optText(v.note);
  switch (action) {
    case 'accept':
    case 'startMediation':
    case 'close':
      return { action, id, note };
    case 'decline':
    case 'escalate':
    case 'reopen':
      return { action, id, reason: text(v.reason) };
    case 'countyAnswer':
      return { action, id, answer: text(v.answer) };
    case 'assign':
      return { action, id, note, orgId: num(v.orgId), mediatorId: num(v.mediatorId) };
    case 'reassign':
      return { action, id, orgId: num(v.orgId), mediatorId: num(v.mediatorId), reason: text(v.reason) };
    case 'reachAgreement':
      return {
        action,
        id,
        note,
        facts: text(v.facts),
        issues: text(v.issues),
        responsibilities: optText(v.responsibilities),
        content: text(v.content),
        performanceMethod: text(v.performanceMethod),
        performanceDeadline: day(v.performanceDeadline),
      };
    case 'fail':
      return {
        action,
        id,
        note,
        referral: REFERRALS.find((r) => r === v.referral) ?? 'other',
        referralBody: optText(v.referralBody),
        reason: text(v.reason),
      };
    case 'followUp': {
      const performed = v.performed === true;
      const method = v.method === 'visit' || v.method === 'phone' || v.method === 'other' ? v.method : undefined;
      return {
        action,
        id,
        note,
        performed,
        visitedAt: day(v.visitedAt),
        method: performed ? method : undefined,
        satisfaction: performed && typeof v.satisfaction === 'number' ? v.satisfaction : undefined,
        reason: performed ? undefined : optText(v.reason),
      };
    }
  }
}
