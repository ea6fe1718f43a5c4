import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { isValidIdNumber } from '../../../shared/domain/idNumber';
import { isServicePhone, isMobile } from '../../../shared/domain/phoneNumbers';
import { DISPUTE_CATEGORIES, OPEN_STATUSES, type DisputeCategory, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { mediationDeadline, pickRule, type DeadlineRule } from '../../../shared/domain/deadlines';
import { levelOfCode, parentOfCode } from '../../../shared/domain/divisionCodes';
import { verifyPassword } from '../accounts/passwords';
import { verifyAuditChain } from '../audit/auditLog';
import { getMeta } from '../meta';
import { tempCore } from '../../../tests/support/tempCore';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';
import { describeDemo, type DemoFigures } from './describeDemo';
import { generateDemo, type DemoSummary } from './generateDemo';
import { placementProblems, tilingProblems } from './verifyDemo';

/** sha256 over a table's rows in id/code order: equal hashes, equal contents. */
async function tableHash(db: Knex, table: string, order: string): Promise<string> {
  const rows: unknown[] = await db(table).select('*').orderBy(order);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const HASHED_TABLES: [string, string][] = [
  ['divisions', 'code'],
  ['grids', 'id'],
  ['mediation_orgs', 'id'],
  ['people', 'id'],
  ['service_points', 'id'],
  ['disputes', 'id'],
  ['dispute_parties', 'id'],
  ['dispute_events', 'id'],
  ['sweeps', 'id'],
  ['sweep_disputes', 'sweep_id'],
];

describe('the demo (synthetic city, seed 20211029)', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  let db: Knex;
  let summary: DemoSummary;
  let figures: DemoFigures;
  const progress: Array<[string, number]> = [];

  beforeAll(async () => {
    env = await tempCore();
    db = env.core.db;
    summary = await generateDemo(db, { seed: 20211029, onProgress: (phase, percent) => progress.push([phase, percent]) });
    figures = await describeDemo(db);
  });
  afterAll(() => env?.cleanup());

  it('reports its progress phase by phase, never backwards, up to 100% (a first start shows it on the login page)', () => {
    expect([...new Set(progress.map(([phase]) => phase))]).toEqual(['geography', 'people', 'servicePoints', 'disputes', 'passwords', 'insert', 'searchIndex']);
    const percents = progress.map(([, percent]) => percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBeCloseTo(100, 5);
    // The one long transaction reports as it goes, not only at its end.
    expect(progress.filter(([phase]) => phase === 'insert').length).toBeGreaterThan(10);
  });

  it('has Yiyang\'s divisions and grids, with fictional codes under 4399', async () => {
    expect(figures.divisions).toEqual({ city: 1, county: 8, township: 98, village: 1447 });
    expect(figures.grids).toBe(5816);
    expect(summary.cityCode).toBe('439900000000');
    const codes: { code: string; level: string; parent_code: string | null }[] = await db('divisions').select('code', 'level', 'parent_code');
    for (const d of codes) {
      expect(d.code.startsWith('4399')).toBe(true);
      expect(levelOfCode(d.code)).toBe(d.level);
      if (d.level !== 'city') expect(d.parent_code).toBe(parentOfCode(d.code));
    }
    // Communities are numbered 001–199, villages from 200.
    const villages: { code: string; name: string }[] = await db('divisions').where('level', 'village').select('code', 'name');
    for (const v of villages) expect(Number(v.code.slice(9)) >= 200).toBe(v.name.endsWith('村'));
    const gridCodes: { code: string; village_code: string }[] = await db('grids').select('code', 'village_code');
    for (const g of gridCodes) expect(g.code).toMatch(new RegExp(`^${g.village_code}\\d{3}$`));
  });

  it('has the report\'s grid figures and a named, reachable worker in every grid', async () => {
    expect(figures.wechatGroups).toBe(6017);
    expect(figures.wechatMembers).toBe(1_285_854);
    expect(figures.population).toBeGreaterThan(3_800_000);
    expect(figures.population).toBeLessThan(3_900_000);
    expect(figures.gridsWithoutWorker).toBe(0);
    const over: { n: number }[] = await db.raw('SELECT count(*) n FROM grids WHERE wechat_members > 500 * wechat_groups OR wechat_groups < 1 OR wechat_members > population');
    expect(over[0]!.n).toBe(0);
  });

  it('has the mediation network of the report: 45 + 102 + 1,434 committees and 7,497 mediators', () => {
    expect(figures.orgs).toEqual({ industry: 45, township: 102, village: 1434 });
    expect(figures.mediators).toBe(7497);
    expect(figures.mediatorsWithoutOrg).toBe(0);
  });

  it('has every service point the report counts, at the right levels', () => {
    const sp = figures.servicePoints;
    expect(sp.governance_center).toEqual({ city: 1, county: 8, township: 98, village: 1447 });
    expect(sp.legal_center).toEqual({ county: 8 });
    expect(sp.legal_station).toEqual({ township: 92 });
    expect(sp.legal_point).toEqual({ village: 1379 });
    expect(sp.legal_volunteer).toEqual({ grid: 13_910 });
    expect(Object.values(sp.counseling_room!).reduce((a, b) => a + b, 0)).toBe(230);
    expect(sp.grid_counseling).toEqual({ grid: 938 });
    expect(sp.patrol_team).toEqual({ village: 512 });
    expect(sp.police_room).toEqual({ village: 300 });
  });

  it('reproduces the Jan–Sep dispute figures exactly: 17,452 cases, 97.9% mediated, 738 warnings in marriage cases, 926 from 网小格', () => {
    const j = figures.janSep;
    expect(j.cases).toBe(17_452);
    expect(j.agreement).toBe(17_084);
    expect(j.failed).toBe(368);
    expect(j.notConcluded).toBe(0);
    expect(j.successRate).toBe(0.979);
    expect(j.warnings['婚姻家庭']).toEqual({ blue: 428, yellow: 280, red: 30 });
    expect(j.wxg).toBe(926);
  });

  it('holds the report\'s 3,268 sweeps (排查) of Jan–Sep, a part of them linked to the grid-patrol cases they opened', async () => {
    expect(figures.janSep.sweeps).toBe(3268);
    const linked: { n: number; wrong: number }[] = await db.raw(
      `SELECT count(*) n, sum(d.source <> 'grid_patrol' OR s.swept_on <> date(d.registered_at, '+8 hours') OR json_extract(s.grid_ids, '$[0]') <> d.grid_id) wrong
         FROM sweep_disputes l JOIN sweeps s ON s.id = l.sweep_id JOIN disputes d ON d.id = l.dispute_id`,
    );
    expect(linked[0]!.n).toBeGreaterThan(1000);
    expect(linked[0]!.wrong).toBe(0);
  });

  it('has most Jan–Sep cases closed after a follow-up visit, the latest still waiting for it', async () => {
    const rows: { status: string; n: number }[] = await db.raw(
      `SELECT status, count(*) n FROM disputes WHERE registered_at < '2021-09-30T16:00:00.000Z' GROUP BY status`,
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.keys(byStatus).sort()).toEqual(['agreed', 'closed', 'failed', 'followed_up'].filter((s) => byStatus[s]).sort());
    expect(byStatus.closed).toBeGreaterThan(16_000);
    expect(byStatus.agreed).toBeGreaterThan(0);
    const satisfied: { n: number }[] = await db.raw(`SELECT count(*) n FROM disputes WHERE status = 'closed' AND outcome = 'agreement' AND satisfaction IS NOT NULL`);
    expect(satisfied[0]!.n / byStatus.closed!).toBeGreaterThan(0.95);
    const waiting: { latest: string }[] = await db.raw(`SELECT min(concluded_at) latest FROM disputes WHERE status IN ('agreed', 'failed') AND registered_at < '2021-09-30T16:00:00.000Z'`);
    expect(waiting[0]!.latest > '2021-10-01').toBe(true);
  });

  it('has a realistic category mix with family and neighbour disputes the largest', async () => {
    const rows: { category: string; n: number }[] = await db.raw('SELECT category, count(*) n FROM disputes GROUP BY category ORDER BY n DESC');
    expect(rows.map((r) => r.category).slice(0, 2).sort()).toEqual(['婚姻家庭', '邻里'].sort());
    for (const r of rows) expect(DISPUTE_CATEGORIES).toContain(r.category);
    expect(rows).toHaveLength(DISPUTE_CATEGORIES.length);
  });

  it('has a live October queue: about 1,500 open cases with deadlines, some overdue, some due soon, a few red', async () => {
    const o = figures.october;
    expect(o.cases).toBe(1500);
    expect(o.open).toBe(1500);
    for (const s of OPEN_STATUSES) expect(o.byStatus[s] ?? 0).toBeGreaterThan(0);
    expect(o.overdue).toBeGreaterThan(10);
    expect(o.red).toBeGreaterThan(2);
    const dueSoon: { n: number }[] = await db.raw(`SELECT count(*) n FROM disputes WHERE status IN ('accepted','assigned','mediating','escalated') AND deadline BETWEEN '2021-10-29' AND '2021-11-01'`);
    expect(dueSoon[0]!.n).toBeGreaterThan(5);
    const missing: { n: number }[] = await db.raw(`SELECT count(*) n FROM disputes WHERE status <> 'registered' AND (deadline IS NULL OR deadline NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`);
    expect(missing[0]!.n).toBe(0);
    // Deadlines are what the app itself computes from the demo's stored rules (30 days unless a rule says less).
    const rules: DeadlineRule[] = (await db('dispute_deadline_rules').select('*')).map((r: { category: string | null; warning: string | null; days: number; working_days: number }) => ({
      category: r.category as DeadlineRule['category'],
      warning: r.warning as DeadlineRule['warning'],
      days: r.days,
      workingDays: !!r.working_days,
    }));
    expect(rules.length).toBeGreaterThan(0);
    const accepted: { category: DisputeCategory; warning: WarningLevel; accepted_at: string; deadline: string }[] = await db('disputes').whereNotNull('accepted_at').select('category', 'warning', 'accepted_at', 'deadline');
    const wrong = accepted.filter((c) => c.deadline !== mediationDeadline(new Date(new Date(c.accepted_at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10), pickRule(rules, c.category, c.warning)));
    expect(wrong).toEqual([]);
  });

  it('tiles every village, township, county and the city exactly with its grids', async () => {
    expect(await tilingProblems(db)).toEqual([]);
  });

  it('places every grid center, case, service point and committee inside its grid and division', async () => {
    expect(await placementProblems(db)).toEqual([]);
  });

  it('keeps every case\'s dates in order and its timeline consistent with its status', async () => {
    const cases: Record<string, string | number | null>[] = await db('disputes').select('*');
    const events: { dispute_id: number; at: string; kind: string; from_status: string | null; to_status: string | null; actor_name: string }[] = await db('dispute_events').orderBy('id');
    const byCase = new Map<number, typeof events>();
    for (const e of events) {
      const list = byCase.get(e.dispute_id) ?? [];
      list.push(e);
      byCase.set(e.dispute_id, list);
    }
    const now = '2021-10-29T01:00:00.000Z';
    const day = (iso: unknown) => (typeof iso === 'string' ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');
    // Problems are collected, not asserted one by one: 150,000 expect() calls would dominate the test's time.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, c: Record<string, unknown>) => {
      if (!ok && problems.length < 20) problems.push(`${String(c.case_no)}: ${what}`);
    };
    for (const c of cases) {
      const steps = [c.registered_at, c.accepted_at, c.concluded_at].filter((x): x is string => typeof x === 'string');
      check(steps.every((s, i) => i === 0 || s >= steps[i - 1]!), 'registered ≤ accepted ≤ concluded', c);
      if (c.followup_at) {
        check(String(c.followup_at) >= day(c.concluded_at), 'follow-up after conclusion', c);
        if (c.closed_at) check(day(c.closed_at) >= String(c.followup_at), 'closed after follow-up', c);
      }
      if (c.status === 'closed' || c.status === 'followed_up') check(c.followup_at !== null, 'closed without follow-up', c);
      if (c.satisfaction !== null) check([1, 2, 3].includes(Number(c.satisfaction)), 'satisfaction 1–3', c);
      check(String(c.updated_at) <= now, 'nothing after "now"', c);
      const timeline = byCase.get(Number(c.id)) ?? [];
      check(timeline.every((e, i) => i === 0 || e.at >= timeline[i - 1]!.at), 'timeline in time order', c);
      check(timeline[0]?.at === c.registered_at && timeline[timeline.length - 1]!.at === c.updated_at, 'timeline spans registration to last change', c);
      const transitions = timeline.filter((e) => e.to_status !== null);
      check(transitions[0]?.kind === 'registered', 'starts with registration', c);
      check(transitions.every((e, i) => i === 0 || e.from_status === transitions[i - 1]!.to_status), 'each transition starts where the last ended', c);
      check(transitions[transitions.length - 1]?.to_status === c.status, 'last transition is the status', c);
      check(timeline.every((e) => e.actor_name.length > 1), 'every event has an actor', c);
    }
    expect(problems).toEqual([]);
  });

  it('gives people valid ID numbers and phones, and 1–3 parties a side', async () => {
    const people: { id_number: string; phone: string }[] = await db('people').select('id_number', 'phone');
    expect(people.filter((p) => !isValidIdNumber(p.id_number, '2021-10-29') || !isMobile(p.phone))).toEqual([]);
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    const parties: { id_number: string | null; phone: string }[] = await db('dispute_parties').select('id_number', 'phone');
    expect(parties.filter((p) => (p.id_number !== null && !isValidIdNumber(p.id_number, '2021-10-29')) || !isServicePhone(p.phone))).toEqual([]);
    expect(parties.filter((p) => p.id_number !== null).length / parties.length).toBeGreaterThan(0.8);
    const sides: { n: number }[] = await db.raw(`SELECT count(*) n FROM (SELECT dispute_id, side, count(*) c FROM dispute_parties GROUP BY dispute_id, side) WHERE c NOT BETWEEN 1 AND 3`);
    expect(sides[0]!.n).toBe(0);
    const oneSided: { n: number }[] = await db.raw(`SELECT count(*) n FROM disputes d WHERE (SELECT count(DISTINCT side) FROM dispute_parties p WHERE p.dispute_id = d.id) <> 2`);
    expect(oneSided[0]!.n).toBe(0);
    const points: { phone: string }[] = await db('service_points').select('phone');
    expect(points.filter((p) => !isServicePhone(p.phone))).toEqual([]);
  });

  it('has one account per role with the demo password, the mediator and grid worker linked to people with open cases', async () => {
    const accounts: { username: string; role: string; division_code: string; person_id: number | null; password_hash: string }[] = await db('accounts').select('*');
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    for (const a of accounts) expect(a.division_code).toBe('439900000000');
    expect(new Set(accounts.map((a) => a.password_hash)).size).toBe(1);
    expect(await verifyPassword(DEMO_PASSWORD, accounts[0]!.password_hash)).toBe(true);
    const mediator = accounts.find((a) => a.username === 'mediator')!;
    const person = await db('people').where('id', mediator.person_id!).first();
    expect(person.kind).toBe('mediator');
    const open: { n: number }[] = await db.raw(`SELECT count(*) n FROM disputes WHERE mediator_id = ? AND status IN ('assigned','mediating','escalated')`, [mediator.person_id!]);
    expect(open[0]!.n).toBeGreaterThanOrEqual(5);
    const worker = accounts.find((a) => a.username === 'gridworker')!;
    const gridOpen: { n: number }[] = await db.raw(
      `SELECT count(*) n FROM disputes d JOIN grid_workers w ON w.grid_id = d.grid_id WHERE w.person_id = ? AND d.status IN ('registered','accepted','assigned','mediating','escalated')`,
      [worker.person_id!],
    );
    expect(gridOpen[0]!.n).toBeGreaterThan(0);
  });

  it('marks the node as the demo city and audits the generation', async () => {
    expect(await getMeta(db, 'node_division_code')).toBe('439900000000');
    expect(await getMeta(db, 'demo')).toBe('1');
    expect(await getMeta(db, 'demo_today')).toBe('2021-10-29');
    const entry = await db('audit_log').where('action', 'demo.generate').first();
    expect(entry.entity).toBe('node');
    expect(JSON.parse(entry.detail).counts.disputes).toBe(18_952);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses a node that already has divisions, and changes nothing', async () => {
    const before = await tableHash(db, 'disputes', 'id');
    await expect(generateDemo(db, { seed: 1 })).rejects.toThrow(/divisions/);
    expect(await tableHash(db, 'disputes', 'id')).toBe(before);
  });

  it('is deterministic: the same seed gives identical tables', async () => {
    const other = await tempCore();
    try {
      await generateDemo(other.core.db, { seed: 20211029 });
      for (const [table, order] of HASHED_TABLES) {
        expect(await tableHash(other.core.db, table, order), table).toBe(await tableHash(db, table, order));
      }
    } finally {
      await other.cleanup();
    }
    // A second whole demo: ~10 s on a quiet machine, over a minute on a loaded 2-core one (seen on a fresh clone).
  }, 240_000);
});
