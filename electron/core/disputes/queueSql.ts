import type { QueueFilter, QueueSort } from '../../../shared/contract/disputes/schemas';
import { DUE_SOON_DAYS } from '../../../shared/domain/deadlines';
import { OPEN_STATUSES, OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { addCalendarDays } from '../../../shared/domain/workingDays';
import type { CallerScope } from '../jurisdiction/cases';
import { matchExpression } from './searchTokens';
import { partyVisibility } from '../../../shared/domain/masking';

/**
 * A queue view as SQL. Statuses, dates and the caller's scope are inlined as literals (all validated
 * enums, dates or integers) because SQLite uses a partial index only when the query repeats its literal
 * condition; everything else is bound.
 */
export interface ViewSql {
  /** For counting: every term may use an index. */
  where: string;
  /**
   * For fetching a block: the category/warning/source terms are marked residual (unary +), so SQLite
   * walks an index in the view's sort order and tests them from the covering index, instead of
   * collecting the whole category through disputes_county_category and sorting it (200+ ms at 1M rows).
   */
  blockWhere: string;
  params: Array<string | number>;
  /** The FTS5 expression when the view has a quick-search term. */
  match: string | null;
}

const SORT_COLUMNS: Record<QueueSort['field'], string> = {
  registered_at: 'd.registered_at',
  deadline: 'd.deadline',
  warning: 'd.warning_rank',
  updated_at: 'd.updated_at',
  case_no: 'd.case_no',
};

/** Sort columns that are never NULL, so keyset cursors are plain comparisons. */
export const KEYSET_SAFE: ReadonlySet<QueueSort['field']> = new Set(['registered_at', 'warning', 'updated_at', 'case_no']);

export function sortColumn(sort: QueueSort): string {
  return SORT_COLUMNS[sort.field];
}

export function orderBy(sort: QueueSort, reverse = false): string {
  const desc = (sort.dir === 'desc') !== reverse;
  const dir = desc ? 'DESC' : 'ASC';
  return `${SORT_COLUMNS[sort.field]} ${dir}, d.id ${dir}`;
}

const lit = (s: string) => {
  if (!/^[\w\-:.+]*$/.test(s)) throw new Error(`refusing to inline ${s}`);
  return `'${s}'`;
};

/** Start of a China calendar day as the stored UTC ISO string. */
function chinaDayStartIso(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

export function viewSql(filter: QueueFilter, scope: CallerScope, today: string): ViewSql {
  const terms: string[] = [scope.sql];
  const residual = new Set<string>();
  const params: Array<string | number> = [];
  const open = new Set<string>(OPEN_STATUSES);

  if (filter.statuses && filter.statuses.length > 0) {
    const list = [...new Set(filter.statuses)];
    terms.push(`d.status IN (${list.map(lit).join(', ')})`);
    // A subset of the open statuses also repeats the partial indexes' own condition, so they still apply.
    if (list.every((s) => open.has(s)) && list.length < open.size) terms.push(`d.status IN ${OPEN_STATUSES_SQL}`);
  }
  if (filter.overdue || filter.dueSoon) {
    terms.push(`d.status IN ${OPEN_STATUSES_SQL}`);
    if (filter.overdue && filter.dueSoon) terms.push(`d.deadline <= ${lit(addCalendarDays(today, DUE_SOON_DAYS))}`);
    else if (filter.overdue) terms.push(`d.deadline < ${lit(today)}`);
    else terms.push(`d.deadline BETWEEN ${lit(today)} AND ${lit(addCalendarDays(today, DUE_SOON_DAYS))}`);
  }
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const term = `${col} IN (${values.map(() => '?').join(', ')})`;
    terms.push(term);
    residual.add(term);
    params.push(...values);
  };
  inList('d.category', filter.categories);
  inList('d.warning', filter.warnings);
  inList('d.source', filter.sources);
  if (filter.countyCode) terms.push(`d.county_code = ${lit(filter.countyCode)}`);
  if (filter.townshipCode) terms.push(`d.township_code = ${lit(filter.townshipCode)}`);
  if (filter.villageCode) terms.push(`d.village_code = ${lit(filter.villageCode)}`);
  if (filter.gridId !== undefined) terms.push(`d.grid_id = ${Math.trunc(filter.gridId)}`);
  if (filter.mediatorId !== undefined) terms.push(`d.mediator_id = ${Math.trunc(filter.mediatorId)}`);
  if (filter.assignedToMe) terms.push(`d.mediator_id = ${scope.personId ?? 0}`);
  if (filter.registeredFrom) terms.push(`d.registered_at >= ${lit(chinaDayStartIso(filter.registeredFrom))}`);
  if (filter.registeredTo) terms.push(`d.registered_at < ${lit(chinaDayStartIso(addCalendarDays(filter.registeredTo, 1)))}`);

  const match = filter.text ? matchExpression(filter.text, { masked: partyVisibility(scope.role, true) !== 'full' }) : null;
  if (filter.text && match === null) terms.push('0'); // only punctuation: nothing can match
  if (match) {
    terms.push('d.id IN (SELECT rowid FROM dispute_search WHERE dispute_search MATCH ?)');
    params.push(match);
  }
  const kept = terms.filter((t) => t !== '1');
  return {
    where: kept.join(' AND ') || '1',
    blockWhere: kept.map((t) => (residual.has(t) ? `+${t}` : t)).join(' AND ') || '1',
    params,
    match,
  };
}

/**
 * The partial index for an open-case view sorted by warning or deadline across the whole scope. SQLite's
 * planner prefers the status index plus a sort (82 ms for a middle block of 11k open cases at 1M rows)
 * to the partial index that needs no sort (0.3 ms); when nothing narrower filters the view, we say which.
 */
export function indexHint(filter: QueueFilter, sort: QueueSort, sql: ViewSql, scope: CallerScope): string {
  const narrower = filter.countyCode || filter.townshipCode || filter.villageCode || filter.gridId !== undefined || filter.mediatorId !== undefined || filter.assignedToMe || sql.match;
  if (narrower || scope.sql !== '1' || !sql.where.includes(`d.status IN ${OPEN_STATUSES_SQL}`)) return '';
  if (sort.field === 'warning') return 'INDEXED BY disputes_open_warning';
  if (sort.field === 'deadline') return 'INDEXED BY disputes_open_deadline';
  return '';
}
