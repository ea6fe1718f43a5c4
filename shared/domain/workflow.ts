import type { Role } from '../contract/roles';
import { DISPUTE_STATUSES, type DisputeStatus, type DisputeCategory, type DisputeSource, type WarningLevel } from './disputeStatus';

/**
 * The case workflow (矛盾纠纷调处流程) as a state machine: which action moves a case from which status to
 * which, and who may take it. The core enforces it; the UI reads it to show only the buttons that apply.
 *
 * registered → accepted | declined → assigned → mediating → agreed | failed → followed_up → closed;
 * escalated (to the county) and back; reopened with a reason; reassigned without a status change.
 */

export const STATUS_LABELS: Record<DisputeStatus, string> = {
  registered: '已登记',
  accepted: '已受理',
  declined: '不予受理',
  assigned: '已分派',
  mediating: '调解中',
  escalated: '已上报县级',
  agreed: '调解成功',
  failed: '调解不成',
  followed_up: '已回访',
  closed: '已结案',
};

export const SOURCE_LABELS: Record<DisputeSource, string> = {
  walk_in: '来访',
  phone: '来电',
  hotline_12345: '12345热线',
  grid_patrol: '网格排查',
  wxg_app: '网小格',
  referral: '公安/法院移送',
  proactive: '主动排查',
};

export const WARNING_LABELS: Record<WarningLevel, string> = { none: '无', blue: '蓝色', yellow: '黄色', red: '红色' };

export const REFERRALS = ['litigation', 'arbitration', 'administrative', 'other'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_LABELS: Record<Referral, string> = {
  litigation: '引导诉讼',
  arbitration: '引导仲裁',
  administrative: '移交行政机关',
  other: '移交其他机构',
};

export const WORKFLOW_ACTIONS = [
  'accept',
  'decline',
  'assign',
  'reassign',
  'startMediation',
  'reachAgreement',
  'fail',
  'followUp',
  'close',
  'escalate',
  'countyAnswer',
  'reopen',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  accept: '受理',
  decline: '不予受理',
  assign: '分派',
  reassign: '改派',
  startMediation: '开始调解',
  reachAgreement: '达成协议',
  fail: '调解不成',
  followUp: '回访',
  close: '结案',
  escalate: '上报县级',
  countyAnswer: '县级答复',
  reopen: '重新启动',
};

/**
 * `to` is a status, or 'same' (reassign keeps the status), or 'computed' (the core decides from the
 * case's history: the county's answer returns the case to where it was escalated from; a reopened case
 * goes back to registered if it was declined, else to assigned/accepted depending on whether it has a
 * mediator).
 */
export interface Transition {
  action: WorkflowAction;
  from: readonly DisputeStatus[];
  to: DisputeStatus | 'same' | 'computed';
  roles: readonly Role[];
  /** Roles that may act only on their own cases (mediator: assigned to them; grid worker: in their grids). */
  ownOnly: readonly Role[];
}

const DISPATCH: readonly Role[] = ['admin', 'director', 'dispatcher'];
const LEAD: readonly Role[] = ['admin', 'director'];

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  accept: { action: 'accept', from: ['registered'], to: 'accepted', roles: DISPATCH, ownOnly: [] },
  decline: { action: 'decline', from: ['registered'], to: 'declined', roles: DISPATCH, ownOnly: [] },
  assign: { action: 'assign', from: ['accepted'], to: 'assigned', roles: DISPATCH, ownOnly: [] },
  reassign: { action: 'reassign', from: ['assigned', 'mediating'], to: 'same', roles: DISPATCH, ownOnly: [] },
  startMediation: { action: 'startMediation', from: ['assigned'], to: 'mediating', roles: [...DISPATCH, 'mediator'], ownOnly: ['mediator'] },
  reachAgreement: { action: 'reachAgreement', from: ['mediating'], to: 'agreed', roles: [...LEAD, 'mediator'], ownOnly: ['mediator'] },
  fail: { action: 'fail', from: ['mediating'], to: 'failed', roles: [...LEAD, 'mediator'], ownOnly: ['mediator'] },
  followUp: {
    action: 'followUp',
    from: ['agreed', 'failed'],
    to: 'followed_up',
    roles: [...DISPATCH, 'mediator', 'grid_worker'],
    ownOnly: ['mediator', 'grid_worker'],
  },
  close: { action: 'close', from: ['followed_up'], to: 'closed', roles: [...DISPATCH, 'mediator'], ownOnly: ['mediator'] },
  escalate: { action: 'escalate', from: ['accepted', 'assigned', 'mediating'], to: 'escalated', roles: LEAD, ownOnly: [] },
  countyAnswer: { action: 'countyAnswer', from: ['escalated'], to: 'computed', roles: LEAD, ownOnly: [] },
  reopen: { action: 'reopen', from: ['closed', 'declined'], to: 'computed', roles: LEAD, ownOnly: [] },
};

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/**
 * May `role` take `action` on a case in `status`? `own` says whether the case is the actor's own
 * (assigned to the mediator / in the grid worker's grids). The role is checked first: someone who may
 * never take the action learns nothing about the case's status.
 */
export function checkTransition(action: WorkflowAction, status: DisputeStatus, role: Role, own: boolean): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.roles.includes(role)) {
    return { ok: false, code: 'FORBIDDEN', message: `当前角色无权执行“${ACTION_LABELS[action]}”` };
  }
  if (t.ownOnly.includes(role) && !own) {
    return { ok: false, code: 'FORBIDDEN', message: `只能对本人负责的案件执行“${ACTION_LABELS[action]}”` };
  }
  if (!t.from.includes(status)) {
    const allowed = t.from.map((s) => STATUS_LABELS[s]).join('、');
    return {
      ok: false,
      code: 'CONFLICT',
      message: `案件当前状态为“${STATUS_LABELS[status]}”，不能执行“${ACTION_LABELS[action]}”（仅限${allowed}）`,
    };
  }
  return { ok: true, transition: t };
}

/** The actions a role could take on a case in this status (for the case page's buttons). */
export function availableActions(status: DisputeStatus, role: Role, own: boolean): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => checkTransition(a, status, role, own).ok);
}

/** Where a reopened case goes back to. */
export function reopenTarget(status: DisputeStatus, hasMediator: boolean): DisputeStatus {
  if (status === 'declined') return 'registered';
  return hasMediator ? 'assigned' : 'accepted';
}

export function isDisputeStatus(s: string): s is DisputeStatus {
  return (DISPUTE_STATUSES as readonly string[]).includes(s);
}

export type { DisputeStatus, DisputeCategory, DisputeSource, WarningLevel };
