import type { Knex } from 'knex';
import { OPEN_STATUSES } from '../../../shared/domain/disputeStatus';
import { hashPassword } from '../accounts/passwords';
import { appendAudit } from '../audit/auditLog';
import { catchUpSearchIndex } from '../disputes/searchIndex';
import { setMeta } from '../meta';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';
import { DEMO_NOW_MS, DEMO_TODAY } from './demoCalendar';
import { draftCases } from './disputeDrafts';
import { DEMO_DEADLINE_RULES, buildCases, type DemoCase } from './disputes';
import { buildGeography, type RealDataPaths } from './geo/geography';
import type { DemoGeography } from './geo/hierarchy';
import { gridFigures } from './gridFigures';
import { insertRecords } from './insert';
import { buildNetwork, type DemoNetwork } from './people';
import { PersonFactory } from './personFactory';
import { Places } from './places';
import { Rng } from './random';
import { DEMO_CREATED_AT, caseRows, divisionRows, gridRows, gridWorkerRows, orgRows, peopleRows, servicePointRows, type Row } from './rows';
import { buildServicePoints } from './servicePoints';
import { buildSweeps } from './sweeps';

export const DEFAULT_DEMO_SEED = 20211029;

export interface DemoOptions {
  /** Same seed, same data, byte for byte (except the accounts' salted password hashes). */
  seed?: number;
  /** Real city/county/township names and codes (and county outlines), read in place; villages and grids stay synthetic. */
  real?: RealDataPaths;
  /** Time of the audit entry; defaults to the demo's "today", 2021-10-29 09:00 China time. */
  now?: Date;
  /** Told the phase and the share of the whole done (0–100), for a first start's progress bar. */
  onProgress?: (phase: DemoPhase, percent: number) => void;
}

export const DEMO_PHASES = ['geography', 'people', 'servicePoints', 'disputes', 'passwords', 'insert', 'searchIndex'] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];

/** Each phase's share of the wall time (%, measured on the demo), so the progress bar moves evenly. */
const PHASE_SHARE: Record<DemoPhase, number> = { geography: 17, people: 1, servicePoints: 1, disputes: 11, passwords: 1, insert: 57, searchIndex: 12 };

/** Report `fraction` of `phase` done as a share of the whole generation. */
function progressReporter(onProgress: DemoOptions['onProgress']): (phase: DemoPhase, fraction?: number) => void {
  return (phase, fraction = 0) => {
    if (!onProgress) return;
    let before = 0;
    for (const p of DEMO_PHASES) {
      if (p === phase) break;
      before += PHASE_SHARE[p];
    }
    onProgress(phase, before + PHASE_SHARE[phase] * Math.min(1, Math.max(0, fraction)));
  };
}

export interface DemoSummary {
  seed: number;
  cityCode: string;
  cityName: string;
  synthetic: boolean;
  counts: Record<string, number>;
  /** Wall time of each phase, ms (for the bench). */
  timingsMs: Record<DemoPhase, number>;
  /** Of the insert phase: ms per table. */
  insertMs: Record<string, number>;
  totalMs: number;
}

/** Tables the demo fills; it only runs on a node where they are all empty. */
const MUST_BE_EMPTY = ['divisions', 'grids', 'mediation_orgs', 'people', 'service_points', 'disputes'] as const;

async function refuseUnlessEmpty(db: Knex): Promise<void> {
  for (const table of MUST_BE_EMPTY) {
    const row = await db(table).count({ n: '*' }).first();
    if (Number(row?.n ?? 0) > 0) {
      throw new Error(
        table === 'divisions'
          ? '演示数据只能生成到空数据库：divisions 表已有区划数据（请使用新的数据目录或先删除数据库）'
          : `演示数据只能生成到空数据库：${table} 表已有数据`,
      );
    }
  }
  const taken: { username: string }[] = await db('accounts').whereIn('username', DEMO_ACCOUNTS.map((a) => a.username)).select('username');
  if (taken.length > 0) throw new Error(`演示账号已存在：${taken.map((t) => t.username).join(', ')}`);
}

/** The columns a table has in this database (later migrations add some; a missing optional table yields an empty set). */
async function columnsOf(trx: Knex.Transaction, table: string): Promise<Set<string>> {
  const rows: unknown = await trx.raw(`PRAGMA table_info(${table})`);
  if (!Array.isArray(rows)) return new Set();
  return new Set(rows.map((r: { name?: unknown }) => String(r.name)));
}

/** Insert row objects, keeping the columns the table has; a required column missing from the schema is a bug. */
async function insertObjects(trx: Knex.Transaction, table: string, rows: Row[], required: readonly string[] = [], timings?: Record<string, number>): Promise<number> {
  if (rows.length === 0) return 0;
  const t0 = performance.now();
  const have = await columnsOf(trx, table);
  if (have.size === 0) return 0; // an optional table this database does not have
  for (const c of required) if (!have.has(c)) throw new Error(`generateDemo: ${table}.${c} missing from the schema`);
  const columns = Object.keys(rows[0]!).filter((c) => have.has(c));
  await insertRecords(trx, table, columns, rows);
  if (timings) timings[table] = Math.round(performance.now() - t0);
  return rows.length;
}

/** The mediator behind the 'mediator' account: a full-time mediator of the city seat's township committee. */
function pickDemoMediator(geo: DemoGeography, network: DemoNetwork): { personId: number; township: number; org: number } {
  const seatGrid = geo.grids[geo.gridOfCell[geo.city.seatCell]!]!;
  const org = network.townshipOrgs[seatGrid.township]![0]!;
  const ids = network.orgs[org]!.mediatorIds;
  return { personId: ids[Math.min(2, ids.length - 1)]!, township: seatGrid.township, org };
}

/** The grid worker behind the 'gridworker' account: the busiest grid (open cases) of that same township. */
function pickDemoGridWorker(geo: DemoGeography, network: DemoNetwork, cases: DemoCase[], township: number): number {
  const open = new Map<number, number>();
  for (const c of cases) {
    if (c.draft.spot.township !== township || !(OPEN_STATUSES as readonly string[]).includes(c.status)) continue;
    open.set(c.draft.spot.grid, (open.get(c.draft.spot.grid) ?? 0) + 1);
  }
  let best = geo.gridOfCell[geo.townships[township]!.seatCell]!;
  for (const [grid, n] of open) if (n > (open.get(best) ?? 0) || (n === (open.get(best) ?? 0) && grid < best)) best = grid;
  return network.gridWorkers.find(([grid]) => grid === best)![1];
}

/**
 * Fill an empty, migrated database with the demo: a Yiyang-scale city (8 county-level units, 98 townships,
 * 1,447 villages, 5,816 grids), its mediation network and service points, 17,452 concluded Jan–Sep 2021
 * cases reproducing the source report's figures, ~1,500 open October cases, one account per role, and
 * demo mode in `meta`. Everything is computed first; the writes are one transaction.
 */
export async function generateDemo(db: Knex, opts: DemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const started = performance.now();
  const timingsMs = Object.fromEntries(DEMO_PHASES.map((p) => [p, 0])) as Record<DemoPhase, number>;
  let mark = started;
  const lap = (phase: DemoPhase) => {
    const now = performance.now();
    timingsMs[phase] += Math.round(now - mark);
    mark = now;
  };

  const progress = progressReporter(opts.onProgress);
  await refuseUnlessEmpty(db);
  lap('insert');

  progress('geography');
  const geo = buildGeography(seed, opts.real);
  const figures = gridFigures(geo, new Rng(seed, 'grid figures'));
  lap('geography');

  progress('people');
  const persons = new PersonFactory(new Rng(seed, 'people'));
  const network = buildNetwork(geo, figures, persons, new Rng(seed, 'network'));
  lap('people');

  progress('servicePoints');
  const points = buildServicePoints(geo, figures, persons, new Rng(seed, 'service points'));
  lap('servicePoints');

  progress('disputes');
  const disputeRng = new Rng(seed, 'disputes');
  const places = new Places(geo, disputeRng);
  const demoMediator = pickDemoMediator(geo, network);
  const cases = buildCases(draftCases(geo, figures, places, disputeRng), { geo, network, persons, places, rng: disputeRng, demoMediator });
  const demoGridWorker = pickDemoGridWorker(geo, network, cases, demoMediator.township);
  const caseTables = caseRows(geo, cases);
  // Its own random stream: adding sweeps changed nothing else the demo draws.
  const sweepTables = buildSweeps(geo, network, caseTables.disputes, new Rng(seed, 'sweeps'));
  lap('disputes');

  progress('passwords');
  // One scrypt hash for all demo accounts: hashing seven times would cost ~0.3 s for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  lap('passwords');

  const counts: Record<string, number> = {};
  const insertMs: Record<string, number> = {};
  progress('insert');
  const nodeTables = {
    divisions: divisionRows(geo),
    grids: gridRows(geo, figures),
    orgs: orgRows(network),
    people: peopleRows(network),
    gridWorkers: gridWorkerRows(network),
    servicePoints: servicePointRows(geo, points),
  };
  // Progress through the one transaction by rows written (every table's size is known up front).
  const totalRows = [...Object.values(nodeTables), ...Object.values(caseTables), ...Object.values(sweepTables)].reduce((n, rows) => n + rows.length, 0);
  let rowsDone = 0;
  await db.transaction(async (trx) => {
    const put = async (table: string, rows: Row[], required: readonly string[] = []) => {
      const n = await insertObjects(trx, table, rows, required, insertMs);
      rowsDone += n;
      progress('insert', rowsDone / totalRows);
      return n;
    };
    await refuseUnlessEmpty(trx);
    counts.divisions = await put('divisions', nodeTables.divisions, ['code', 'outline']);
    counts.grids = await put('grids', nodeTables.grids, ['polygon', 'wechat_members']);
    counts.mediationOrgs = await put('mediation_orgs', nodeTables.orgs, ['specialty']);
    counts.people = await put('people', nodeTables.people, ['org_id', 'id_number']);
    counts.gridWorkers = await put('grid_workers', nodeTables.gridWorkers, ['grid_id', 'person_id']);
    const linkedPerson = (role: string): number | null => (role === 'mediator' ? demoMediator.personId : role === 'grid_worker' ? demoGridWorker : null);
    const nameOf = (personId: number | null) => (personId === null ? undefined : nodeTables.people.find((p) => p.id === personId)?.name);
    counts.accounts = await put(
      'accounts',
      DEMO_ACCOUNTS.map((a) => ({
        username: a.username,
        display_name: nameOf(linkedPerson(a.role)) ?? a.displayName,
        role: a.role,
        division_code: geo.city.code,
        person_id: linkedPerson(a.role),
        password_hash: passwordHash,
        disabled: 0,
        failed_attempts: 0,
        locked_until: null,
        created_at: DEMO_CREATED_AT,
        updated_at: DEMO_CREATED_AT,
      })),
      ['username', 'password_hash', 'person_id'],
    );
    counts.servicePoints = await put('service_points', nodeTables.servicePoints, ['category', 'grid_id']);
    counts.disputes = await put('disputes', caseTables.disputes, ['case_no', 'outcome', 'deadline']);
    counts.disputeParties = await put('dispute_parties', caseTables.parties, ['id_number']);
    counts.disputeEvents = await put('dispute_events', caseTables.events, ['kind', 'to_status']);
    counts.mediationRecords = await put('dispute_mediation_records', caseTables.records);
    counts.agreements = await put('dispute_agreements', caseTables.agreements);
    counts.followups = await put('dispute_followups', caseTables.followups);
    counts.sweeps = await put('sweeps', sweepTables.sweeps);
    counts.sweepDisputes = await put('sweep_disputes', sweepTables.links);
    const rules = await columnsOf(trx, 'dispute_deadline_rules');
    if (rules.size > 0 && Number((await trx('dispute_deadline_rules').count({ n: '*' }).first())?.n ?? 0) === 0) {
      await insertObjects(
        trx,
        'dispute_deadline_rules',
        DEMO_DEADLINE_RULES.map((r) => ({ category: r.category, warning: r.warning, days: r.days, working_days: r.workingDays ? 1 : 0 })),
      );
    }
    await setMeta(trx, 'node_division_code', geo.city.code);
    await setMeta(trx, 'demo', '1');
    await setMeta(trx, 'demo_today', DEMO_TODAY);
    await appendAudit(trx, opts.now ?? new Date(DEMO_NOW_MS), {
      actorId: null,
      actorName: '演示数据生成器',
      action: 'demo.generate',
      entity: 'node',
      entityId: geo.city.code,
      detail: { seed, real: opts.real ? { divisionsCsv: true, countiesGeojson: !!opts.real.countiesGeojson } : false, counts },
    });
  });
  lap('insert');
  progress('searchIndex');
  // Index the cases for quick search now, so the first search on a fresh demo is as fast as any other.
  await catchUpSearchIndex(db, (indexed) => progress('searchIndex', indexed / Math.max(1, cases.length)));
  lap('searchIndex');
  return {
    seed,
    cityCode: geo.city.code,
    cityName: geo.city.name,
    synthetic: geo.plan.synthetic,
    counts,
    timingsMs,
    insertMs,
    totalMs: Math.round(performance.now() - started),
  };
}
