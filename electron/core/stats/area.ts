import type { Knex } from 'knex';
import { levelOfCode, type DivisionLevel } from '../../../shared/domain/divisionCodes';
import { addCalendarDays } from '../../../shared/domain/workingDays';
import type { HandlerContext } from '../context';
import { callerScope, type CallerScope } from '../jurisdiction/cases';
import { Jurisdiction, jurisdictionOf, type Area } from '../jurisdiction/divisions';

/**
 * What every statistic starts from: the area asked for (inside the caller's jurisdiction, or refused),
 * the caller's case scope (a mediator's own cases, a grid worker's grids; the wall admitted, for figures
 * only), and the SQL that selects the area's cases, sweeps and directory rows.
 */
export interface StatsArea {
  area: Area;
  level: DivisionLevel;
  name: string;
  scope: CallerScope;
  /** WHERE fragment over cases (alias d): the caller's scope within the area. */
  caseSql: string;
  /** The same division rule over any table with county/township/village_code columns, alias `alias`. */
  divisionSql(alias: string): string;
  /** The case column that names the area's child divisions (a city's counties, …) and where their names are. */
  child: { column: string; names: (db: Knex) => Promise<Map<string, string>> };
}

export async function statsArea(ctx: HandlerContext, divisionCode: string | undefined): Promise<StatsArea> {
  const area = jurisdictionOf(ctx.account).area(divisionCode, { above: 'refuse', field: 'divisionCode' });
  const scope = await callerScope(ctx, { withoutPersonalData: true });
  const areaRule = new Jurisdiction(area.root).caseSql();
  // The caller's own division: the scope already says it (and drops it when the node holds nothing else).
  const caseSql = area.root === ctx.account.divisionCode ? scope.sql : `${scope.sql} AND ${areaRule}`;
  const row: { name: string } | undefined = await ctx.db('divisions').where({ code: area.root }).first('name');
  const level = levelOfCode(area.root);
  const childColumn = level === 'city' || level === 'province' ? 'county_code' : level === 'county' ? 'township_code' : level === 'township' ? 'village_code' : 'grid_id';
  const child = {
    column: `d.${childColumn}`,
    names: async (db: Knex): Promise<Map<string, string>> => {
      const rows: Array<{ k: string | number; name: string }> =
        childColumn === 'grid_id'
          ? await db('grids').where({ village_code: area.root }).select({ k: 'id', name: 'name' })
          : await db('divisions').where({ parent_code: area.root }).select({ k: 'code', name: 'name' });
      return new Map(rows.map((r) => [String(r.k), r.name]));
    },
  };
  return {
    area,
    level,
    name: row?.name ?? area.root,
    scope,
    caseSql,
    divisionSql: (alias) => areaRule.replaceAll('d.', `${alias}.`),
    child,
  };
}

/** Start of a China calendar day as the stored UTC ISO string (registration times are stored in UTC). */
export function chinaDayStartIso(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** [from 00:00, to+1 00:00) in China time, as stored UTC strings. */
export function isoRange(from: string, to: string): [string, string] {
  return [chinaDayStartIso(from), chinaDayStartIso(addCalendarDays(to, 1))];
}

/** The date `months` calendar months after `day` (day of month clamped: 03-31 − 1 month = 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const isMonthStart = (day: string) => day.endsWith('-01');
const isMonthEnd = (day: string) => addCalendarDays(day, 1).endsWith('-01');

/**
 * The period just before [from, to]: whole months shift by whole months (Q3 → Q2, a year → the year
 * before), any other range by its length in days.
 */
export function previousPeriod(from: string, to: string): [string, string] {
  if (isMonthStart(from) && isMonthEnd(to)) {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty, tm] = to.split('-').map(Number) as [number, number];
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = addMonths(from, -months);
    return [start, addCalendarDays(from, -1)];
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return [addCalendarDays(from, -days), addCalendarDays(from, -1)];
}

/** The same period a year earlier (a month end stays a month end: 2020-02-29 for 2021-02-28). */
export function lastYearPeriod(from: string, to: string): [string, string] {
  const shiftedTo = addMonths(to, -12);
  return [addMonths(from, -12), isMonthEnd(to) ? addCalendarDays(addMonths(addCalendarDays(to, 1), -12), -1) : shiftedTo];
}

/** The period key of a China calendar day ('2021-07-15' → '2021-07', '2021-Q3', '2021'). */
export function periodOf(month: string, granularity: 'month' | 'quarter' | 'year'): string {
  if (granularity === 'month') return month;
  const year = month.slice(0, 4);
  if (granularity === 'year') return year;
  return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every period key from `from` to `to`, in order (empty periods included, for charts). */
export function periodsBetween(from: string, to: string, granularity: 'month' | 'quarter' | 'year'): string[] {
  const out: string[] = [];
  for (let day = `${from.slice(0, 7)}-01`; day <= to; day = addMonths(day, 1)) {
    const key = periodOf(day.slice(0, 7), granularity);
    if (out[out.length - 1] !== key) out.push(key);
  }
  return out;
}
