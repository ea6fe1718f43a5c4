import type { DisputeCategory, WarningLevel } from './disputeStatus';
import { addCalendarDays, addWorkingDays, type WorkdayOverrides } from './workingDays';

/**
 * Mediation deadlines: by default a case is to be mediated within 30 days of its
 * acceptance; the admin may set other limits per category and warning level, in calendar or working days.
 */

export interface DeadlineRule {
  category: DisputeCategory | null;
  warning: WarningLevel | null;
  days: number;
  workingDays: boolean;
}

export const DEFAULT_DEADLINE_RULE: DeadlineRule = { category: null, warning: null, days: 30, workingDays: false };

/** Open cases due within this many calendar days count as "due soon" in the queue. */
export const DUE_SOON_DAYS = 3;

/** Days within which the parties may apply for judicial confirmation of an agreement (人民调解法 Art. 33). */
export const JUDICIAL_CONFIRMATION_DAYS = 30;

/** The most specific rule wins: category+warning, then category, then warning, then the catch-all. */
export function pickRule(rules: readonly DeadlineRule[], category: DisputeCategory, warning: WarningLevel): DeadlineRule {
  const score = (r: DeadlineRule) => (r.category === category ? 2 : r.category === null ? 0 : -10) + (r.warning === warning ? 1 : r.warning === null ? 0 : -10);
  let best: DeadlineRule = DEFAULT_DEADLINE_RULE;
  let bestScore = -1;
  for (const r of rules) {
    const s = score(r);
    if (s >= 0 && s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

export function describeRule(rule: DeadlineRule): string {
  return `${rule.days}${rule.workingDays ? '个工作日' : '日'}`;
}

/** How a case's deadline was counted, as stored with it: 受理之日起30日, 受理之日起15个工作日. */
export function deadlineBasis(rule: Pick<DeadlineRule, 'days' | 'workingDays'>): string {
  return `受理之日起${describeRule({ category: null, warning: null, ...rule })}`;
}

/** The rule a stored basis says (for a label in another language); null for a basis of another form. */
export function basisRule(basis: string): Pick<DeadlineRule, 'days' | 'workingDays'> | null {
  const m = /^受理之日起(\d+)(个工作日|日)$/.exec(basis);
  return m ? { days: Number(m[1]), workingDays: m[2] === '个工作日' } : null;
}

/** The deadline (YYYY-MM-DD) for a case accepted on `acceptedOn`. */
export function mediationDeadline(acceptedOn: string, rule: DeadlineRule, overrides?: WorkdayOverrides): string {
  return rule.workingDays ? addWorkingDays(acceptedOn, rule.days, overrides) : addCalendarDays(acceptedOn, rule.days);
}

/** Last day to apply for judicial confirmation: 30 days from the day the agreement took effect. */
export function judicialConfirmationDeadline(agreedOn: string): string {
  return addCalendarDays(agreedOn, JUDICIAL_CONFIRMATION_DAYS);
}

/** Queue flags for an open case with this deadline, seen on `today`. */
export function deadlineFlags(deadline: string | null, isOpen: boolean, today: string): { overdue: boolean; dueSoon: boolean } {
  if (!deadline || !isOpen) return { overdue: false, dueSoon: false };
  if (deadline < today) return { overdue: true, dueSoon: false };
  return { overdue: false, dueSoon: deadline <= addCalendarDays(today, DUE_SOON_DAYS) };
}

/** Days after an outcome (or after the agreed performance date) within which the follow-up visit is due. */
export const FOLLOW_UP_DAYS = 15;

/**
 * When the follow-up visit (回访) falls due: it is scheduled by itself when mediation ends — after the
 * agreed performance date when there is one (the visit checks the agreement was kept), else after the outcome.
 */
export function followUpDue(concludedOn: string, performanceDeadline: string | null): string {
  const from = performanceDeadline && performanceDeadline > concludedOn ? performanceDeadline : concludedOn;
  return addCalendarDays(from, FOLLOW_UP_DAYS);
}
