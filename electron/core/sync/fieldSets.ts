/**
 * The merge rule for a case's columns (docs/architecture.md "How sync works"): columns are grouped in
 * field sets; per set the write with the highest hybrid logical clock wins, and the whole set is taken
 * from it. The workflow set is the one a wrong winner would hurt (a closed case reopened, an answer
 * lost): when two different nodes wrote it with different values, the loser is kept in sync_conflicts
 * for a person, never dropped.
 */
export const CASE_FIELD_SETS: Readonly<Record<string, readonly string[]>> = {
  workflow: ['status', 'outcome', 'referral', 'accepted_at', 'concluded_at', 'followup_at', 'satisfaction', 'closed_at', 'escalated_from', 'deadline', 'deadline_basis'],
  assignment: ['org_id', 'mediator_id', 'grid_id'],
  warning: ['warning', 'warning_reason'],
};
/** Field sets whose disagreement between two nodes is shown to a person. */
export const CONFLICTING_SETS: ReadonlySet<string> = new Set(['workflow']);

const SET_OF = new Map<string, string>(Object.entries(CASE_FIELD_SETS).flatMap(([set, cols]) => cols.map((c) => [c, set] as const)));

/** The field set a case column belongs to ('details' for every column not named above). */
export function fieldSetOf(column: string): string {
  return SET_OF.get(column) ?? 'details';
}

/** The columns of one set among a row's columns. */
export function columnsOfSet(set: string, row: Record<string, unknown>): string[] {
  return Object.keys(row).filter((c) => fieldSetOf(c) === set);
}
