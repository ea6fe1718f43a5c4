import type { Knex } from 'knex';
import type { ParsedInputOf } from '../../../shared/contract';
import type { StatRow, StatTotals, StatsOverview } from '../../../shared/contract/stats';
import { DUE_SOON_DAYS } from '../../../shared/domain/deadlines';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { addCalendarDays } from '../../../shared/domain/workingDays';
import { chinaDate } from '../clock';
import type { HandlerContext } from '../context';
import { isoRange, lastYearPeriod, periodOf, periodsBetween, previousPeriod, statsArea, type StatsArea } from './area';

/**
 * The 成绩单 (stats.overview). Every figure is an aggregate over the rows as they are now. The cases
 * registered in the range are read in ONE pass over disputes_stats_cover (migration 0008), grouped by
 * category × source × child division × month and folded here into the totals, the breakdowns and the series;
 * the few other figures are small queries of their own.
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

/** The headline totals of a period (for the comparisons). */
export async function periodTotals(db: Knex, a: StatsArea, from: string, to: string): Promise<StatTotals> {
  const [lo, hi] = isoRange(from, to);
  const rows: Array<Record<string, unknown>> = await db.raw(
    `SELECT ${COUNT_COLUMNS} FROM disputes d WHERE d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql}`,
    [lo, hi],
  );
  const c = counts(rows[0] ?? {});
  const swept = [...(await sweepsByMonth(db, a, from, to)).values()].reduce((s, x) => s + x, 0);
  return { from, to, swept, registered: c.registered, handled: c.handled, successful: c.successful, failed: c.failed, successRate: rate(c.successful, c.handled) };
}

function sortedRows(map: Map<string, Counts>, names?: Map<string, string>): StatRow[] {
  return [...map.entries()]
    .map(([key, c]) => ({ key, name: names?.get(key) ?? null, ...c }))
    .sort((x, y) => y.registered - x.registered || x.key.localeCompare(y.key));
}

export async function statsOverview(input: ParsedInputOf<'stats.overview'>, ctx: HandlerContext): Promise<StatsOverview> {
  const { db } = ctx;
  const a = await statsArea(ctx, input.divisionCode);
  const { from, to, granularity } = input;
  const [lo, hi] = isoRange(from, to);
  const today = chinaDate(ctx.now);
  const where = `d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql}`;

  // The one pass over the range's cases.
  const cube: Array<Record<string, unknown>> = await db.raw(
    `SELECT d.category cat, d.source src, ${a.child.column} child, ${MONTH_SQL} m, ${COUNT_COLUMNS}
       FROM disputes d WHERE ${where} GROUP BY cat, src, child, m`,
    [lo, hi],
  );
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
  for (const r of cube) {
    const c = counts(r);
    add(total, c);
    bump(byCategory, String(r.cat), c);
    bump(bySource, String(r.src), c);
    if (r.child !== null) bump(byChild, String(r.child), c);
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

  // Mediators: figures for staff only (the wall never receives names).
  let byMediator: StatRow[] = [];
  if (ctx.account.role !== 'wall') {
    const rows: Array<Record<string, unknown>> = await db.raw(
      `SELECT d.mediator_id k, p.name name, ${COUNT_COLUMNS}
         FROM disputes d JOIN people p ON p.id = d.mediator_id
        WHERE ${where} AND d.mediator_id IS NOT NULL GROUP BY d.mediator_id ORDER BY handled DESC, d.mediator_id LIMIT 20`,
      [lo, hi],
    );
    byMediator = rows.map((r) => ({ key: String(r.k), name: String(r.name), ...counts(r) }));
  }

  // Warnings and follow-up satisfaction of the range's cases: one small grouped pass.
  const ends: Array<{ w: string; o: string | null; open: number; s: number | null; c: number }> = await db.raw(
    `SELECT d.warning w, d.outcome o, d.status IN ${OPEN_STATUSES_SQL} open, d.satisfaction s, count(*) c
       FROM disputes d WHERE ${where} GROUP BY w, o, open, s`,
    [lo, hi],
  );
  const warnings = (['blue', 'yellow', 'red'] as const).map((colour) => ({ colour, count: 0, agreement: 0, failed: 0, open: 0 }));
  const satisfaction = { visited: 0, satisfied: 0, basic: 0, dissatisfied: 0, rate: null as number | null };
  const referralRows: Array<{ k: string | null; c: number }> = await db.raw(
    `SELECT d.referral k, count(*) c FROM disputes d WHERE ${where} AND d.outcome = 'failed' GROUP BY k`,
    [lo, hi],
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
  satisfaction.rate = rate(satisfaction.satisfied + satisfaction.basic, satisfaction.visited);

  // Today's queue (the queue's own overdue / due-soon rules: shared/domain/deadlines, queueSql).
  const soon = addCalendarDays(today, DUE_SOON_DAYS);
  const queueRows: Array<Record<string, unknown>> = await db.raw(
    `SELECT count(*) open, sum(d.deadline < ?) overdue, sum(d.deadline BETWEEN ? AND ?) due_soon, sum(d.warning = 'red') red
       FROM disputes d WHERE d.status IN ${OPEN_STATUSES_SQL} AND ${a.caseSql}`,
    [today, today, soon],
  );
  const q = queueRows[0] ?? {};

  // On-time closure: cases concluded in the range that had a deadline.
  const onTimeRows: Array<Record<string, unknown>> = await db.raw(
    `SELECT count(*) concluded, sum(date(d.concluded_at, '+8 hours') <= d.deadline) on_time
       FROM disputes d WHERE d.concluded_at IS NOT NULL AND d.concluded_at >= ? AND d.concluded_at < ? AND d.deadline IS NOT NULL AND ${a.caseSql}`,
    [lo, hi],
  );
  const ot = onTimeRows[0] ?? {};

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
    previous: await periodTotals(db, a, pFrom, pTo),
    lastYear: await periodTotals(db, a, yFrom, yTo),
    referrals: Object.fromEntries(referralRows.map((r) => [r.k ?? 'unknown', n(r.c)])),
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
