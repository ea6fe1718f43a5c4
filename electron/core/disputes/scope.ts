import type { Knex } from 'knex';
import type { Account } from '../../../shared/contract/session';
import type { Role } from '../../../shared/contract/roles';
import { CoreError } from '../../../shared/contract/errors';
import { codePrefix, levelOfCode } from '../../../shared/domain/divisionCodes';
import { partyVisibility, type PartyVisibility } from '../../../shared/domain/masking';

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

export interface ScopedCase {
  mediator_id: number | null;
  grid_id: number | null;
  county_code: string;
  township_code: string;
  village_code: string | null;
}

function divisionSql(code: string): string {
  if (!/^\d{12}$/.test(code)) throw new Error(`bad division code in account: ${code}`);
  switch (levelOfCode(code)) {
    case 'village':
      return `d.village_code = '${code}'`;
    case 'township':
      return `d.township_code = '${code}'`;
    case 'county':
      return `d.county_code = '${code}'`;
    default: {
      // City or province: a range on county_code (every county code starts with the prefix).
      const p = codePrefix(code);
      return `d.county_code BETWEEN '${p.padEnd(12, '0')}' AND '${p.padEnd(12, '9')}'`;
    }
  }
}

const wholeNodeCache = new WeakMap<Knex, Map<string, { version: string; inside: boolean }>>();

/**
 * True when every case in the database lies inside the division: then the division condition can be
 * dropped, so the queue's sort indexes serve the unfiltered views directly (a city node's director sees
 * everything on the node). Checked from the ends of the county index, so it costs two index probes.
 */
async function allCasesInside(db: Knex, code: string, version: string): Promise<boolean> {
  const cache = wholeNodeCache.get(db) ?? new Map<string, { version: string; inside: boolean }>();
  wholeNodeCache.set(db, cache);
  const hit = cache.get(code);
  if (hit && hit.version === version) return hit.inside;
  // Two scalar subqueries: SQLite answers a lone min() or max() from the index end, but scans the whole
  // index for min() and max() in one SELECT (77 ms at 1M rows).
  const rows: Array<{ lo: string | null; hi: string | null }> = await db.raw(
    'SELECT (SELECT min(county_code) FROM disputes) AS lo, (SELECT max(county_code) FROM disputes) AS hi',
  );
  const row = rows[0];
  const p = codePrefix(code);
  const inside = !row?.lo || (row.lo.startsWith(p) && (row.hi ?? '').startsWith(p));
  cache.set(code, { version, inside });
  return inside;
}

export async function callerScope(db: Knex, account: Account, version: string): Promise<CallerScope> {
  const acc: { person_id: number | null } | undefined = await db('accounts').where({ id: account.id }).first('person_id');
  const personId = acc?.person_id ?? null;
  const base = { accountId: account.id, username: account.username, role: account.role, personId, divisionCode: account.divisionCode };
  const level = levelOfCode(account.divisionCode);
  const division =
    (level === 'city' || level === 'province') && (await allCasesInside(db, account.divisionCode, version)) ? '1' : divisionSql(account.divisionCode);
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
      throw new CoreError('FORBIDDEN', '大屏不显示案件及个人信息');
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
  const p = codePrefix(scope.divisionCode);
  const inDivision = [c.county_code, c.township_code, c.village_code ?? ''].some((x) => x.startsWith(p));
  if (!inDivision) return false;
  if (scope.role === 'mediator' || scope.role === 'grid_worker') return isOwnCase(scope, c);
  return true;
}

export function visibilityFor(scope: CallerScope, c: ScopedCase): PartyVisibility {
  return partyVisibility(scope.role, isOwnCase(scope, c));
}
