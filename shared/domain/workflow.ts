import { CASE_HANDLERS, CASE_WORKERS, DISPATCH_ROLES, LEAD_ROLES, MEDIATING_ROLES, type Role } from '../contract/roles';
import { levelOfCode } from './divisionCodes';
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

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  accept: { action: 'accept', from: ['registered'], to: 'accepted', roles: DISPATCH_ROLES, ownOnly: [] },
  decline: { action: 'decline', from: ['registered'], to: 'declined', roles: DISPATCH_ROLES, ownOnly: [] },
  assign: { action: 'assign', from: ['accepted'], to: 'assigned', roles: DISPATCH_ROLES, ownOnly: [] },
  reassign: { action: 'reassign', from: ['assigned', 'mediating'], to: 'same', roles: DISPATCH_ROLES, ownOnly: [] },
  startMediation: { action: 'startMediation', from: ['assigned'], to: 'mediating', roles: CASE_HANDLERS, ownOnly: ['mediator'] },
  reachAgreement: { action: 'reachAgreement', from: ['mediating'], to: 'agreed', roles: MEDIATING_ROLES, ownOnly: ['mediator'] },
  fail: { action: 'fail', from: ['mediating'], to: 'failed', roles: MEDIATING_ROLES, ownOnly: ['mediator'] },
  followUp: { action: 'followUp', from: ['agreed', 'failed'], to: 'followed_up', roles: CASE_WORKERS, ownOnly: ['mediator', 'grid_worker'] },
  close: { action: 'close', from: ['followed_up'], to: 'closed', roles: CASE_HANDLERS, ownOnly: ['mediator'] },
  escalate: { action: 'escalate', from: ['accepted', 'assigned', 'mediating'], to: 'escalated', roles: LEAD_ROLES, ownOnly: [] },
  countyAnswer: { action: 'countyAnswer', from: ['escalated'], to: 'computed', roles: LEAD_ROLES, ownOnly: [] },
  reopen: { action: 'reopen', from: ['closed', 'declined'], to: 'computed', roles: LEAD_ROLES, ownOnly: [] },
};

/** Who is acting, as far as the workflow cares. */
export interface Actor {
  role: Role;
  /** The account's division (its center): a county answers an escalation from its own center. */
  divisionCode: string;
  /** Whether the case is the actor's own (assigned to the mediator / in the grid worker's grids). */
  own: boolean;
}

/**
 * The county-answer rule: an escalated case goes up to the county, and the county answers it from its own
 * center. An account at a township or village center cannot record the answer to its own escalation; a
 * county or city center can (a city answers for its counties).
 */
export function answersForCounty(divisionCode: string): boolean {
  const level = levelOfCode(divisionCode);
  return level !== 'township' && level !== 'village';
}

/** Could this role ever take this action (on some case in the right status)? For filters and hints. */
export function roleTakesAction(role: Role, action: WorkflowAction): boolean {
  return TRANSITIONS[action].roles.includes(role);
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/**
 * May the actor take `action` on a case in `status`? The role is checked first: someone who may never
 * take the action learns nothing about the case's status.
 */
export function checkTransition(action: WorkflowAction, status: DisputeStatus, actor: Actor): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.roles.includes(actor.role)) {
    return { ok: false, code: 'FORBIDDEN', message: `当前角色无权执行“${ACTION_LABELS[action]}”` };
  }
  if (t.ownOnly.includes(actor.role) && !actor.own) {
    return { ok: false, code: 'FORBIDDEN', message: `只能对本人负责的案件执行“${ACTION_LABELS[action]}”` };
  }
  if (action === 'countyAnswer' && !answersForCounty(actor.divisionCode)) {
    return { ok: false, code: 'FORBIDDEN', message: '县级答复须由县级及以上综治中心作出' };
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

/** The actions the actor could take on a case in this status (the case page's buttons). */
export function availableActions(status: DisputeStatus, actor: Actor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => checkTransition(a, status, actor).ok);
}

/*
 * Steps beside the workflow, with their own status rules (the roles are the contract's: mayCall).
 */

/** A closed case's warning colour is part of its record: reopen the case to change it. */
export function warningChangeable(status: DisputeStatus): boolean {
  return status !== 'closed';
}

/** Mediation sessions are recorded while the case is being mediated. */
export function mediationRecordable(status: DisputeStatus): boolean {
  return status === 'mediating';
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
