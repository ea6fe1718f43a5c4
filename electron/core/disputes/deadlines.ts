import type { Knex } from 'knex';
import { DISPUTE_CATEGORIES, WARNING_LEVELS, type DisputeCategory, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { deadlineBasis, mediationDeadline, pickRule, type DeadlineRule } from '../../../shared/domain/deadlines';
import { loadOverrides } from '../calendar/workdays';

const isCategory = (c: string | null): c is DisputeCategory => DISPUTE_CATEGORIES.some((x) => x === c);
const isWarning = (w: string | null): w is WarningLevel => WARNING_LEVELS.some((x) => x === w);
const asCategory = (c: string | null): DisputeCategory | null => (isCategory(c) ? c : null);
const asWarning = (w: string | null): WarningLevel | null => (isWarning(w) ? w : null);

/** The admin's deadline rules, as the domain functions take them. */
export interface StoredRule extends DeadlineRule {
  id: number;
}

export async function loadRules(db: Knex): Promise<StoredRule[]> {
  const rows: Array<{ id: number; category: string | null; warning: string | null; days: number; working_days: number | boolean }> = await db('dispute_deadline_rules')
    .orderBy('id')
    .select('*');
  return rows.map((r) => ({ id: r.id, category: asCategory(r.category), warning: asWarning(r.warning), days: r.days, workingDays: Boolean(r.working_days) }));
}

/** The mediation deadline for a case accepted on `acceptedOn` (China date), and how it was counted. */
export async function deadlineFor(db: Knex, category: DisputeCategory, warning: WarningLevel, acceptedOn: string): Promise<{ deadline: string; basis: string }> {
  const rule = pickRule(await loadRules(db), category, warning);
  const overrides = rule.workingDays ? await loadOverrides(db) : new Map<string, boolean>();
  return { deadline: mediationDeadline(acceptedOn, rule, overrides), basis: deadlineBasis(rule) };
}
