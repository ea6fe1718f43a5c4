import { QueueFilter, type QueueSort, type QueueView } from '../../../../shared/contract';
import type { Role } from '../../../../shared/contract/roles';
import { OPEN_STATUSES } from '../../../../shared/domain/disputeStatus';
import { DEFAULT_SORT } from './queueDatasource';

/** Red (then yellow, blue) first: the director's morning view. */
export const RED_ON_TOP: QueueSort = { field: 'warning', dir: 'desc' };

/** The view a role starts with: the open cases; the director sees red warnings first. */
export function defaultView(role: Role): QueueView {
  return { filter: { statuses: [...OPEN_STATUSES] }, sort: role === 'director' ? RED_ON_TOP : DEFAULT_SORT };
}

/**
 * The queue's view survives leaving the page (opening a case full-page, the map…) for this session, so
 * "back" returns to the same filtered ledger.
 */
let remembered: { accountId: number; view: QueueView } | null = null;

export function rememberView(accountId: number, view: QueueView): void {
  remembered = { accountId, view };
}

/**
 * The starting view: a link's `?filter=<json>` (e.g. from a dashboard figure), else the remembered one,
 * else the role's default.
 */
export function initialView(accountId: number, role: Role, filterParam: string | null): QueueView {
  if (filterParam) {
    try {
      const parsed = QueueFilter.safeParse(JSON.parse(filterParam));
      if (parsed.success) return { filter: parsed.data, sort: defaultView(role).sort };
    } catch {
      // A malformed link: fall through to the usual view.
    }
  }
  if (remembered && remembered.accountId === accountId) return remembered.view;
  return defaultView(role);
}

/**
 * How many conditions a filter carries beyond a starting one (the clear button's badge): the default
 * status filter of open cases is not a condition the clerk set, so "clear" goes back to it.
 */
export function conditionsBeyond(filter: QueueFilter, start: QueueFilter): number {
  const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
  const keys = new Set([...Object.keys(filter), ...Object.keys(start)] as Array<keyof QueueFilter>);
  let n = 0;
  for (const k of keys) {
    const v = filter[k];
    const empty = v === undefined || v === false || (Array.isArray(v) && v.length === 0);
    if (empty && start[k] === undefined) continue;
    if (!same(v, start[k])) n += 1;
  }
  return n;
}
