import type { Knex } from 'knex';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { DEMO_TODAY } from './demoCalendar';

/**
 * The demo's headline figures read back from the database (the source report's table): what the
 * tests check and what `npm run demo` prints. Jan–Sep means registered 2021-01-01 … 2021-09-30 (China time).
 */
export interface DemoFigures {
  divisions: Record<string, number>;
  grids: number;
  gridsWithoutWorker: number;
  population: number;
  wechatGroups: number;
  wechatMembers: number;
  orgs: Record<string, number>;
  mediators: number;
  mediatorsWithoutOrg: number;
  /** category → level → count */
  servicePoints: Record<string, Record<string, number>>;
  janSep: {
    cases: number;
    agreement: number;
    failed: number;
    notConcluded: number;
    /** agreement / cases, rounded to 0.1% */
    successRate: number;
    wxg: number;
    /** Sweeps (排查) recorded Jan–Sep (China days). */
    sweeps: number;
    /** category → colour → count */
    warnings: Record<string, Record<string, number>>;
  };
  october: { cases: number; open: number; byStatus: Record<string, number>; overdue: number; red: number };
}

// Registration times are stored in UTC; 2021-01-01 00:00 in China is 2020-12-31T16:00Z.
const JAN_SEP = ['2020-12-31T16:00:00.000Z', '2021-09-30T16:00:00.000Z'] as const;
const OCTOBER = ['2021-09-30T16:00:00.000Z', '2021-10-31T16:00:00.000Z'] as const;

type CountRow = { k: string | null; k2?: string | null; n: number | string };

function tally(rows: CountRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

function tally2(rows: CountRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[String(r.k)] ??= {})[String(r.k2)] = Number(r.n);
  return out;
}

export async function describeDemo(db: Knex): Promise<DemoFigures> {
  const one = async (sql: string, bindings: readonly (string | number)[] = []): Promise<number> => {
    const rows: { n: number | string | null }[] = await db.raw(sql, bindings);
    return Number(rows[0]?.n ?? 0);
  };
  const many = (sql: string, bindings: readonly (string | number)[] = []): Promise<CountRow[]> => db.raw(sql, bindings);

  const janSepWhere = `registered_at >= ? AND registered_at < ?`;
  const janSepCases = await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere}`, JAN_SEP);
  const agreement = await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND outcome = 'agreement'`, JAN_SEP);
  return {
    divisions: tally(await many(`SELECT level k, count(*) n FROM divisions GROUP BY level`)),
    grids: await one(`SELECT count(*) n FROM grids`),
    gridsWithoutWorker: await one(`SELECT count(*) n FROM grids g WHERE NOT EXISTS (SELECT 1 FROM grid_workers w JOIN people p ON p.id = w.person_id AND p.kind = 'grid_worker' WHERE w.grid_id = g.id)`),
    population: await one(`SELECT sum(population) n FROM grids`),
    wechatGroups: await one(`SELECT sum(wechat_groups) n FROM grids`),
    wechatMembers: await one(`SELECT sum(wechat_members) n FROM grids`),
    orgs: tally(await many(`SELECT type k, count(*) n FROM mediation_orgs GROUP BY type`)),
    mediators: await one(`SELECT count(*) n FROM people WHERE kind = 'mediator'`),
    mediatorsWithoutOrg: await one(`SELECT count(*) n FROM people WHERE kind = 'mediator' AND org_id IS NULL`),
    servicePoints: tally2(await many(`SELECT category k, level k2, count(*) n FROM service_points GROUP BY category, level`)),
    janSep: {
      cases: janSepCases,
      agreement,
      failed: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND outcome = 'failed'`, JAN_SEP),
      notConcluded: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND concluded_at IS NULL`, JAN_SEP),
      successRate: janSepCases ? Math.round((1000 * agreement) / janSepCases) / 1000 : 0,
      wxg: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND source = 'wxg_app'`, JAN_SEP),
      sweeps: await one(`SELECT count(*) n FROM sweeps WHERE swept_on BETWEEN '2021-01-01' AND '2021-09-30'`),
      warnings: tally2(await many(`SELECT category k, warning k2, count(*) n FROM disputes WHERE ${janSepWhere} AND warning <> 'none' GROUP BY category, warning`, JAN_SEP)),
    },
    october: {
      cases: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere}`, OCTOBER),
      open: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND status IN ${OPEN_STATUSES_SQL}`, OCTOBER),
      byStatus: tally(await many(`SELECT status k, count(*) n FROM disputes WHERE ${janSepWhere} GROUP BY status`, OCTOBER)),
      overdue: await one(`SELECT count(*) n FROM disputes WHERE status IN ${OPEN_STATUSES_SQL} AND deadline < ?`, [DEMO_TODAY]),
      red: await one(`SELECT count(*) n FROM disputes WHERE ${janSepWhere} AND warning = 'red'`, OCTOBER),
    },
  };
}
