import type { Knex } from 'knex';
import type { ParsedInputOf } from '../../../shared/contract';
import type { StatRow, StatTotals, StatsOverview } from '../../../shared/contract/stats';
import { DUE_SOON_DAYS } from '../../../shared/domain/deadlines';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { addCalendarDays } from '../../../shared/domain/workingDays';
import { chinaDate } from '../clock';
import type { HandlerContext } from '../context';
import { addMonths, isoRange, lastYearPeriod, periodOf, periodsBetween, previousPeriod, statsArea, type StatsArea } from './area';

/**
 * The 成绩单 (stats.overview). Every figure is an aggregate over the rows as they are now. The whole months
 * of the range are read from the rollups the database keeps in step with the cases (migration 0011:
 * triggers, equal to a recount — stats.test.ts); the days of a partly covered first or last month, and the
 * callers whose scope is not a division (a mediator's own cases, a grid worker's grids) or a village, from
 * the cases themselves over disputes_stats_cover (migration 0008). Both give rows of the same shape,
 * folded here into the totals, the breakdowns and the series. Figures of "now" (today's queue) are
 * indexed queries.
 */

const n = (v: unknown) => Number(v ?? 0);
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Registration month in China time, from the stored UTC ISO string. */
const MONTH_SQL = `substr(datetime(d.registered_at, '+8 hours'), 1, 7)`;

type Counts = Omit<StatRow, 'key' | 'name'>;
const zero = (): Counts => ({ registered: 0, handled: 0, successful: 0, failed: 0, open: 0, blue: 0, yellow: 0, red: 0 });
function add(into: Counts, from: Counts): void {
  into.registered += from.registered;
  into.handled += from.handled;
  into.successful += from.successful;
  into.failed += from.failed;
  into.open += from.open;
  into.blue += from.blue;
  into.yellow += from.yellow;
  into.red += from.red;
}

const COUNT_COLUMNS = `count(*) registered,
  sum(d.outcome IS NOT NULL) handled,
  sum(d.outcome = 'agreement') successful,
  sum(d.outcome = 'failed') failed,
  sum(d.status IN ${OPEN_STATUSES_SQL}) open,
  sum(d.warning = 'blue') blue,
  sum(d.warning = 'yellow') yellow,
  sum(d.warning = 'red') red`;

function counts(r: Record<string, unknown>): Counts {
  return {
    registered: n(r.registered),
    handled: n(r.handled),
    successful: n(r.successful),
    failed: n(r.failed),
    open: n(r.open),
    blue: n(r.blue),
    yellow: n(r.yellow),
    red: n(r.red),
  };
}

/** Sweeps recorded in the area in [from, to] (China days), optionally grouped by month. */
async function sweepsByMonth(db: Knex, a: StatsArea, from: string, to: string): Promise<Map<string, number>> {
  const rows: Array<{ m: string; c: number }> = await db.raw(
    `SELECT substr(s.swept_on, 1, 7) m, count(*) c FROM sweeps s WHERE s.swept_on BETWEEN ? AND ? AND ${a.divisionSql('s')} GROUP BY m`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.m, n(r.c)]));
}

export interface OverviewOptions {
  /** Read the rollups where they apply (default). False: every figure from the cases (the tests' reference). */
  rollups?: boolean;
}

const ROLLED_COUNTS = `sum(r.registered) registered, sum(r.handled) handled, sum(r.successful) successful, sum(r.failed) failed,
  sum(r.open) open, sum(r.blue) blue, sum(r.yellow) yellow, sum(r.red) red`;

/**
 * Where a range's figures come from: `months` (first and last 'YYYY-MM', both whole) from the rollups, the
 * `edges` ([from, to] days) from the cases. Without rollups, or when no month is whole, all edges.
 */
interface Plan {
  months: [string, string] | null;
  edges: Array<[string, string]>;
  /** The area's rule over a rollup row (alias r), when the area is one the rollups are keyed by. */
  area: string;
  /** The case rollup to read: by county for a city or province, else by township. */
  table: string;
}

function planOf(a: StatsArea, from: string, to: string, opts: OverviewOptions): Plan {
  const divisional = a.scope.role !== 'mediator' && a.scope.role !== 'grid_worker';
  const keyed = a.level === 'province' || a.level === 'city' || a.level === 'county' || a.level === 'township';
  const direct: Plan = { months: null, edges: [[from, to]], area: '', table: '' };
  if (opts.rollups === false || !divisional || !keyed) return direct;
  const first = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  const last = addCalendarDays(to, 1).endsWith('-01') ? to : addCalendarDays(`${to.slice(0, 7)}-01`, -1);
  if (first > last) return direct;
  const edges: Array<[string, string]> = [];
  if (first > from) edges.push([from, addCalendarDays(first, -1)]);
  if (last < to) edges.push([addCalendarDays(last, 1), to]);
  const table = a.level === 'province' || a.level === 'city' ? 'stats_counties_monthly' : 'stats_cases_monthly';
  return { months: [first.slice(0, 7), last.slice(0, 7)], edges, area: a.divisionSql('r'), table };
}

/**
 * The mediator rollups' periods for whole months m1..m2, fewest keys first: a whole calendar year ('2021'),
 * a whole quarter ('2021-Q3'), else the month.
 */
export function mediatorPeriods(m1: string, m2: string): string[] {
  const out: string[] = [];
  for (let day = `${m1}-01`; day.slice(0, 7) <= m2; ) {
    const y = day.slice(0, 4);
    const m = Number(day.slice(5, 7));
    if (m === 1 && `${y}-12` <= m2) {
      out.push(y);
      day = addMonths(day, 12);
    } else if (m % 3 === 1 && addMonths(day, 2).slice(0, 7) <= m2) {
      out.push(`${y}-Q${(m + 2) / 3}`);
      day = addMonths(day, 3);
    } else {
      out.push(day.slice(0, 7));
      day = addMonths(day, 1);
    }
  }
  return out;
}

/** Rows of the case cube (category × source × child division × month) for a plan. */
async function cubeRows(db: Knex, a: StatsArea, plan: Plan): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  if (plan.months) {
    const child = a.level === 'county' ? 'r.township_code' : a.level === 'township' ? 'NULL' : 'r.county_code';
    out.push(
      ...((await db.raw(
        `SELECT r.category cat, r.source src, ${child} child, r.month m, ${ROLLED_COUNTS}
           FROM ${plan.table} r WHERE r.month BETWEEN ? AND ? AND ${plan.area} GROUP BY cat, src, child, m`,
        plan.months,
      )) as Array<Record<string, unknown>>),
    );
    if (a.level === 'township') {
      // A township's villages: their own rollup (only the division breakdown reads it).
      const villages: Array<Record<string, unknown>> = await db.raw(
        `SELECT NULL cat, NULL src, nullif(r.village_code, '') child, NULL m, ${ROLLED_COUNTS}
           FROM stats_villages_monthly r WHERE r.township_code = ? AND r.month BETWEEN ? AND ? GROUP BY child`,
        [a.area.root, ...plan.months],
      );
      out.push(...villages.map((v) => ({ ...v, childOnly: true })));
    }
  }
  for (const [from, to] of plan.edges) {
    out.push(
      ...((await db.raw(
        `SELECT d.category cat, d.source src, ${a.child.column} child, ${MONTH_SQL} m, ${COUNT_COLUMNS}
           FROM disputes d WHERE d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql} GROUP BY cat, src, child, m`,
        isoRange(from, to),
      )) as Array<Record<string, unknown>>),
    );
  }
  return out;
}

/** The headline totals of a period (for the comparisons): sums only, no breakdown. */
export async function periodTotals(db: Knex, a: StatsArea, from: string, to: string, opts: OverviewOptions = {}): Promise<StatTotals> {
  const plan = planOf(a, from, to, opts);
  const c = zero();
  if (plan.months) {
    const rows: Array<Record<string, unknown>> = await db.raw(`SELECT ${ROLLED_COUNTS} FROM ${plan.table} r WHERE r.month BETWEEN ? AND ? AND ${plan.area}`, plan.months);
    add(c, counts(rows[0] ?? {}));
  }
  for (const range of plan.edges) {
    const rows: Array<Record<string, unknown>> = await db.raw(
      `SELECT ${COUNT_COLUMNS} FROM disputes d WHERE d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql}`,
      isoRange(...range),
    );
    add(c, counts(rows[0] ?? {}));
  }
  const swept = [...(await sweepsByMonth(db, a, from, to)).values()].reduce((s, x) => s + x, 0);
  return { from, to, swept, registered: c.registered, handled: c.handled, successful: c.successful, failed: c.failed, successRate: rate(c.successful, c.handled) };
}

function sortedRows(map: Map<string, Counts>, names?: Map<string, string>): StatRow[] {
  return [...map.entries()]
    .map(([key, c]) => ({ key, name: names?.get(key) ?? null, ...c }))
    .sort((x, y) => y.registered - x.registered || x.key.localeCompare(y.key));
}

export async function statsOverview(input: ParsedInputOf<'stats.overview'>, ctx: HandlerContext, opts: OverviewOptions = {}): Promise<StatsOverview> {
  const { db } = ctx;
  const a = await statsArea(ctx, input.divisionCode);
  const { from, to, granularity } = input;
  const today = chinaDate(ctx.now);
  const plan = planOf(a, from, to, opts);
  const edgeWhere = `d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql}`;

  const total = zero();
  const byCategory = new Map<string, Counts>();
  const bySource = new Map<string, Counts>();
  const byChild = new Map<string, Counts>();
  const periods = periodsBetween(from, to, granularity);
  const series = new Map(periods.map((p) => [p, { period: p, swept: 0, registered: 0, handled: 0, successful: 0 }]));
  const bump = (map: Map<string, Counts>, key: string, c: Counts) => {
    let into = map.get(key);
    if (!into) map.set(key, (into = zero()));
    add(into, c);
  };
  for (const r of await cubeRows(db, a, plan)) {
    const c = counts(r);
    if (r.child !== null) bump(byChild, String(r.child), c);
    if (r.childOnly) continue;
    add(total, c);
    bump(byCategory, String(r.cat), c);
    bump(bySource, String(r.src), c);
    const point = series.get(periodOf(String(r.m), granularity));
    if (point) {
      point.registered += c.registered;
      point.handled += c.handled;
      point.successful += c.successful;
    }
  }
  const sweeps = await sweepsByMonth(db, a, from, to);
  let swept = 0;
  for (const [m, c] of sweeps) {
    swept += c;
    const point = series.get(periodOf(m, granularity));
    if (point) point.swept += c;
  }

  // Mediators: figures for staff only (the wall never receives names). The top 20 over the rollup's
  // periods and the edge days together; a township's mediators from the cases (the rollup is by county).
  let byMediator: StatRow[] = [];
  if (ctx.account.role !== 'wall') {
    const medPlan = a.level === 'township' ? { ...plan, months: null, edges: [[from, to]] as Array<[string, string]> } : plan;
    const parts: string[] = [];
    const params: string[] = [];
    if (medPlan.months) {
      const keys = mediatorPeriods(...medPlan.months);
      // The caller's whole node (every case is inside the area): the rollup without the county.
      const wholeNode = a.caseSql === '1';
      parts.push(
        `SELECT r.mediator_id k, r.registered, r.handled, r.successful, r.failed, r.open, r.blue, r.yellow, r.red
           FROM ${wholeNode ? 'stats_mediators_node' : 'stats_mediators'} r
          WHERE r.period IN (${keys.map(() => '?').join(', ')}) AND ${wholeNode ? '1' : medPlan.area}`,
      );
      params.push(...keys);
    }
    for (const [f, t] of medPlan.edges) {
      parts.push(`SELECT d.mediator_id k, ${COUNT_COLUMNS} FROM disputes d WHERE ${edgeWhere} AND d.mediator_id IS NOT NULL GROUP BY d.mediator_id`);
      params.push(...isoRange(f, t));
    }
    const rows: Array<Record<string, unknown>> = await db.raw(
      `SELECT k, ${ROLLED_COUNTS} FROM (${parts.join(' UNION ALL ')}) r GROUP BY k ORDER BY handled DESC, k LIMIT 20`,
      params,
    );
    const names = new Map<number, string>();
    if (rows.length) {
      const people: Array<{ id: number; name: string }> = await db('people').whereIn('id', rows.map((r) => n(r.k))).select('id', 'name');
      for (const p of people) names.set(p.id, p.name);
    }
    byMediator = rows.filter((r) => names.has(n(r.k))).map((r) => ({ key: String(r.k), name: names.get(n(r.k))!, ...counts(r) }));
  }

  // Warnings, how they ended, follow-up satisfaction and referrals of the range's cases.
  const warnings = (['blue', 'yellow', 'red'] as const).map((colour) => ({ colour, count: 0, agreement: 0, failed: 0, open: 0 }));
  const satisfaction = { visited: 0, satisfied: 0, basic: 0, dissatisfied: 0, rate: null as number | null };
  const referrals = new Map<string, number>();
  const refer = (k: string, c: number) => referrals.set(k, (referrals.get(k) ?? 0) + c);
  if (plan.months) {
    const cols = warnings.flatMap(({ colour: c }) => [`sum(r.${c}) ${c}`, `sum(r.${c}_agreement) ${c}_agreement`, `sum(r.${c}_failed) ${c}_failed`, `sum(r.${c}_open) ${c}_open`]);
    const sums: Array<Record<string, unknown>> = await db.raw(
      `SELECT ${cols.join(', ')}, sum(r.sat_visited) visited, sum(r.sat_satisfied) satisfied, sum(r.sat_basic) basic, sum(r.sat_dissatisfied) dissatisfied
         FROM ${plan.table} r WHERE r.month BETWEEN ? AND ? AND ${plan.area}`,
      plan.months,
    );
    const t = sums[0] ?? {};
    for (const w of warnings) {
      w.count += n(t[w.colour]);
      w.agreement += n(t[`${w.colour}_agreement`]);
      w.failed += n(t[`${w.colour}_failed`]);
      w.open += n(t[`${w.colour}_open`]);
    }
    satisfaction.visited += n(t.visited);
    satisfaction.satisfied += n(t.satisfied);
    satisfaction.basic += n(t.basic);
    satisfaction.dissatisfied += n(t.dissatisfied);
    const refs: Array<{ k: string; c: number }> = await db.raw(
      `SELECT r.ref k, sum(r.failed) c FROM ${plan.table} r WHERE r.month BETWEEN ? AND ? AND ${plan.area} AND r.ref <> '' GROUP BY k`,
      plan.months,
    );
    for (const r of refs) if (n(r.c)) refer(r.k, n(r.c));
  }
  for (const range of plan.edges) {
    const ends: Array<{ w: string; o: string | null; open: number; s: number | null; c: number }> = await db.raw(
      `SELECT d.warning w, d.outcome o, d.status IN ${OPEN_STATUSES_SQL} open, d.satisfaction s, count(*) c
         FROM disputes d WHERE ${edgeWhere} GROUP BY w, o, open, s`,
      isoRange(...range),
    );
    for (const r of ends) {
      const c = n(r.c);
      const w = warnings.find((x) => x.colour === r.w);
      if (w) {
        w.count += c;
        if (r.o === 'agreement') w.agreement += c;
        else if (r.o === 'failed') w.failed += c;
        if (n(r.open)) w.open += c;
      }
      if (r.s !== null) {
        satisfaction.visited += c;
        if (n(r.s) >= 3) satisfaction.satisfied += c;
        else if (n(r.s) === 2) satisfaction.basic += c;
        else satisfaction.dissatisfied += c;
      }
    }
    const refs: Array<{ k: string | null; c: number }> = await db.raw(
      `SELECT d.referral k, count(*) c FROM disputes d WHERE ${edgeWhere} AND d.outcome = 'failed' GROUP BY k`,
      isoRange(...range),
    );
    for (const r of refs) refer(r.k ?? 'unknown', n(r.c));
  }
  satisfaction.rate = rate(satisfaction.satisfied + satisfaction.basic, satisfaction.visited);

  // Today's queue (the queue's own overdue / due-soon rules: shared/domain/deadlines, queueSql).
  const soon = addCalendarDays(today, DUE_SOON_DAYS);
  const queueRows: Array<Record<string, unknown>> = await db.raw(
    `SELECT count(*) open, sum(d.deadline < ?) overdue, sum(d.deadline BETWEEN ? AND ?) due_soon, sum(d.warning = 'red') red
       FROM disputes d WHERE d.status IN ${OPEN_STATUSES_SQL} AND ${a.caseSql}`,
    [today, today, soon],
  );
  const q = queueRows[0] ?? {};

  // On-time closure: cases concluded in the range that had a deadline (the rollup by conclusion month).
  const ot = { concluded: 0, on_time: 0 };
  if (plan.months) {
    const rows: Array<Record<string, unknown>> = await db.raw(
      `SELECT sum(r.concluded) concluded, sum(r.on_time) on_time FROM stats_concluded_monthly r WHERE r.month BETWEEN ? AND ? AND ${plan.area}`,
      plan.months,
    );
    ot.concluded += n(rows[0]?.concluded);
    ot.on_time += n(rows[0]?.on_time);
  }
  for (const range of plan.edges) {
    const rows: Array<Record<string, unknown>> = await db.raw(
      `SELECT count(*) concluded, sum(date(d.concluded_at, '+8 hours') <= d.deadline) on_time
         FROM disputes d WHERE d.concluded_at IS NOT NULL AND d.concluded_at >= ? AND d.concluded_at < ? AND d.deadline IS NOT NULL AND ${a.caseSql}`,
      isoRange(...range),
    );
    ot.concluded += n(rows[0]?.concluded);
    ot.on_time += n(rows[0]?.on_time);
  }

  // The area's standing figures (not dated): service points, the mediation network, grids.
  const like = a.area.like;
  const points: Array<{ category: string; level: string; c: number }> = await db.raw(
    `SELECT category, level, count(*) c FROM service_points WHERE division_code LIKE ? GROUP BY category, level ORDER BY category, level`,
    [like],
  );
  const mediators: Array<{ c: number }> = await db.raw(`SELECT count(*) c FROM people WHERE kind = 'mediator' AND active = 1 AND division_code LIKE ?`, [like]);
  const orgs: Array<{ type: string; c: number }> = await db.raw(`SELECT type, count(*) c FROM mediation_orgs WHERE division_code LIKE ? GROUP BY type`, [like]);
  const grids: Array<Record<string, unknown>> = await db.raw(
    `SELECT count(*) grids, sum(population) population, sum(households) households,
            sum(EXISTS (SELECT 1 FROM grid_workers w WHERE w.grid_id = g.id)) with_worker
       FROM grids g WHERE g.code LIKE ?`,
    [like],
  );
  const g = grids[0] ?? {};

  const [pFrom, pTo] = previousPeriod(from, to);
  const [yFrom, yTo] = lastYearPeriod(from, to);
  const childNames = await a.child.names(db);

  return {
    area: { code: a.area.root, name: a.name, level: a.level },
    granularity,
    today,
    totals: { from, to, swept, registered: total.registered, handled: total.handled, successful: total.successful, failed: total.failed, successRate: rate(total.successful, total.handled) },
    previous: await periodTotals(db, a, pFrom, pTo, opts),
    lastYear: await periodTotals(db, a, yFrom, yTo, opts),
    referrals: Object.fromEntries(referrals),
    byCategory: sortedRows(byCategory),
    bySource: sortedRows(bySource),
    byDivision: sortedRows(byChild, childNames),
    byMediator,
    series: [...series.values()],
    queue: { open: n(q.open), overdue: n(q.overdue), dueSoon: n(q.due_soon), red: n(q.red) },
    onTime: { concluded: n(ot.concluded), onTime: n(ot.on_time), rate: rate(n(ot.on_time), n(ot.concluded)) },
    warnings,
    satisfaction,
    servicePoints: points.map((p) => ({ category: p.category, level: p.level, count: n(p.c) })),
    network: { mediators: n(mediators[0]?.c), committees: Object.fromEntries(orgs.map((o) => [o.type, n(o.c)])) },
    grids: {
      grids: n(g.grids),
      withWorker: n(g.with_worker),
      coverage: rate(n(g.with_worker), n(g.grids)),
      population: n(g.population),
      households: n(g.households),
    },
  };
}
