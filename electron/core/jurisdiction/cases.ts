import type { Knex } from 'knex';
import type { Account } from '../../../shared/contract/session';
import type { Role } from '../../../shared/contract/roles';
import { CoreError } from '../../../shared/contract/errors';
import { levelOfCode } from '../../../shared/domain/divisionCodes';
import { partyVisibility, type PartyVisibility } from '../../../shared/domain/masking';
import { dataVersion } from '../db/dataVersions';
import type { RecentCache } from '../node/recentCache';
import { jurisdictionOf, type CaseDivisions } from './divisions';

/**
 * Which cases a caller may see: the divisions the account covers (./divisions.ts), narrowed by role —
 * a mediator to the cases assigned to them, a grid worker to the cases of their grids.
 */

/**
 * Which cases a caller may see at all. Built once per call and inlined into SQL as literals: every value
 * is a validated code or an integer id, and literals keep the planner free to use partial indexes.
 */
export interface CallerScope {
  accountId: number;
  username: string;
  role: Role;
  personId: number | null;
  divisionCode: string;
  gridIds: number[];
  /** A WHERE fragment on alias `d` ('1' when unrestricted). */
  sql: string;
  /** A stable key for caches (two callers with the same key see the same cases). */
  key: string;
}

export interface ScopedCase extends CaseDivisions {
  mediator_id: number | null;
  grid_id: number | null;
}

/**
 * True when every case in the database lies inside the division: then the division condition can be
 * dropped, so the queue's sort indexes serve the unfiltered views directly (a city node's director sees
 * everything on the node). Checked from the ends of the county index, so it costs two index probes;
 * remembered per data version in the node's state.
 */
function allCasesInside(src: ScopeSource, prefix: string, version: string): Promise<boolean> {
  return src.node.wholeNode.get(`${prefix}|${version}`, src.db, async () => {
    // Two scalar subqueries: SQLite answers a lone min() or max() from the index end, but scans the whole
    // index for min() and max() in one SELECT (77 ms at 1M rows).
    const rows: Array<{ lo: string | null; hi: string | null }> = await src.db.raw(
      'SELECT (SELECT min(county_code) FROM disputes) AS lo, (SELECT max(county_code) FROM disputes) AS hi',
    );
    const row = rows[0];
    return !row?.lo || (row.lo.startsWith(prefix) && (row.hi ?? '').startsWith(prefix));
  });
}

/** What building a scope needs: the node's state (for its cache), the database and the caller. */
export interface ScopeSource {
  db: Knex;
  node: { wholeNode: RecentCache<boolean> };
  account: Account;
}

/**
 * The caller's case scope. `withoutPersonalData` admits the wall, for figures and map dots that carry no
 * names (the queue and the case page refuse it: the wall has no business with personal data).
 */
export async function callerScope(src: ScopeSource, opts: { version?: string; withoutPersonalData?: boolean } = {}): Promise<CallerScope> {
  const { db, account } = src;
  const version = opts.version ?? (await dataVersion(db));
  const jurisdiction = jurisdictionOf(account);
  const acc: { person_id: number | null } | undefined = await db('accounts').where({ id: account.id }).first('person_id');
  const personId = acc?.person_id ?? null;
  const base = { accountId: account.id, username: account.username, role: account.role, personId, divisionCode: account.divisionCode };
  const level = levelOfCode(account.divisionCode);
  const division =
    (level === 'city' || level === 'province') && (await allCasesInside(src, jurisdiction.prefix, version)) ? '1' : jurisdiction.caseSql();
  switch (account.role) {
    case 'mediator': {
      const sql = `${division} AND d.mediator_id = ${personId ?? 0}`;
      return { ...base, gridIds: [], sql, key: `m:${personId ?? 0}:${division}` };
    }
    case 'grid_worker': {
      const grids: Array<{ grid_id: number }> = personId ? await db('grid_workers').where({ person_id: personId }).select('grid_id') : [];
      const gridIds = grids.map((g) => Number(g.grid_id)).filter(Number.isInteger);
      const sql = `${division} AND d.grid_id IN (${gridIds.length ? gridIds.join(',') : '0'})`;
      return { ...base, gridIds, sql, key: `g:${gridIds.join(',')}:${division}` };
    }
    case 'wall':
      if (!opts.withoutPersonalData) throw new CoreError('FORBIDDEN', '大屏不显示案件及个人信息');
      return { ...base, gridIds: [], sql: division, key: `w:${division}` };
    default:
      return { ...base, gridIds: [], sql: division, key: `d:${division}` };
  }
}

/** Is this case the caller's own (assigned to the mediator / in the grid worker's grids)? */
export function isOwnCase(scope: CallerScope, c: ScopedCase): boolean {
  if (scope.role === 'mediator') return scope.personId !== null && c.mediator_id === scope.personId;
  if (scope.role === 'grid_worker') return c.grid_id !== null && scope.gridIds.includes(c.grid_id);
  return true;
}

/** May the caller see this case at all? (The same rule as `scope.sql`, for single-case handlers.) */
export function canSee(scope: CallerScope, c: ScopedCase): boolean {
  if (!jurisdictionOf(scope).coversCase(c)) return false;
  if (scope.role === 'mediator' || scope.role === 'grid_worker') return isOwnCase(scope, c);
  return true;
}

export function visibilityFor(scope: CallerScope, c: ScopedCase): PartyVisibility {
  return partyVisibility(scope.role, isOwnCase(scope, c));
}
