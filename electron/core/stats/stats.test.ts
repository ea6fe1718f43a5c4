import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../../../shared/domain/disputeStatus';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';
import { verifyAuditChain } from '../audit/auditLog';
import type { HandlerContext } from '../context';
import { recountSql, ROLLUPS } from '../db/migrations/0011_stats_rollups';
import { accountQuery, toAccount, type AccountRow } from '../session/sessions';
import { addMonths } from './area';
import { statsOverview } from './overview';

/**
 * Statistics and sweeps on the small test world: figures always equal a recount of the rows (whatever
 * wrote them, in any order), and sweeps are recorded by the roles that sweep, in their own area, audited.
 */
describe('sweeps (排查)', () => {
  let w: DisputeWorld;
  beforeAll(async () => {
    w = await disputeWorld();
  });
  afterAll(() => w?.cleanup());

  it('lets a grid worker record a sweep of their own grid, audited and counted by the statistics', async () => {
    const before = await w.call('leader', 'stats.overview', { from: '2021-10-01', to: '2021-10-31' });
    const s = await w.call('gridworker', 'sweeps.record', {
      sweptOn: '2021-10-20',
      villageCode: '999901001201',
      gridIds: [w.gridId],
      participants: '郑网格',
      findings: '走访农户，未发现纠纷苗头',
    });
    expect(s).toMatchObject({ sweptOn: '2021-10-20', villageName: '东村', gridIds: [w.gridId], disputesFound: 0, caseIds: [], recordedBy: 'grid_worker' });
    const audit = await w.core.db('audit_log').where({ action: 'sweeps.record', entity_id: String(s.id) }).first();
    expect(audit).toBeTruthy();
    expect((await verifyAuditChain(w.core.db)).ok).toBe(true);
    const after = await w.call('leader', 'stats.overview', { from: '2021-10-01', to: '2021-10-31' });
    expect(after.totals.swept).toBe(before.totals.swept + 1);
    expect(after.series.find((p) => p.period === '2021-10')!.swept).toBe(before.totals.swept + 1);
    // Another county's figures do not count it.
    const other = await w.call('leader', 'stats.overview', { divisionCode: '999902000000', from: '2021-10-01', to: '2021-10-31' });
    expect(other.totals.swept).toBe(0);
    const listed = await w.call('director', 'sweeps.list', { divisionCode: '999901001000' });
    expect(listed.rows.map((r) => r.id)).toContain(s.id);
  });

  it('links the cases a sweep opened, only cases the recorder can see', async () => {
    const c = await w.call('gridworker', 'disputes.intake', intakeInput(w, { source: 'grid_patrol' }));
    const s = await w.call('gridworker', 'sweeps.record', {
      sweptOn: '2021-10-29',
      villageCode: '999901001201',
      gridIds: [w.gridId],
      participants: '郑网格',
      findings: '发现纠纷一起，已登记',
      disputesFound: 1,
      caseIds: [c.id],
    });
    expect(s.caseIds).toEqual([c.id]);
    const foreign: Array<{ id: number }> = await w.core.db('disputes').where({ case_no: 'T-3' }).select('id');
    const refused = await w.attempt('gridworker', 'sweeps.record', {
      sweptOn: '2021-10-29',
      villageCode: '999901001201',
      participants: '郑网格',
      findings: '—',
      disputesFound: 1,
      caseIds: [foreign[0]!.id],
    });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'caseIds' });
  });

  it('refuses a grid worker\'s sweep of someone else\'s grid, a grid outside the village, and the roles that do not sweep', async () => {
    const base = { sweptOn: '2021-10-20', villageCode: '999901001201', participants: '郑网格', findings: '—' };
    expect(await w.attempt('gridworker', 'sweeps.record', { ...base, gridIds: [w.otherGridId] })).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'gridIds' });
    const south: Array<{ id: number }> = await w.core.db('grids').where({ village_code: '999902001201' }).select('id');
    expect(await w.attempt('mediator', 'sweeps.record', { ...base, gridIds: [south[0]!.id] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'gridIds' });
    expect(await w.attempt('mediator', 'sweeps.record', { ...base, villageCode: '999901001000' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'villageCode' });
    expect((await w.attempt('mediator', 'sweeps.record', base)).ok).toBe(true);
    expect(await w.attempt('leader', 'sweeps.record', base)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('wall', 'sweeps.record', base)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('wall', 'sweeps.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

interface RandomCase {
  village: string;
  category: string;
  source: string;
  /** ms after 2020-06-01 China time */
  at: number;
  end: 'open' | 'agreement' | 'failed';
  warning: 'none' | 'blue' | 'yellow' | 'red';
  satisfaction: number | null;
  /** Generated cases only: their case number, and whether a later write deleted them. */
  no?: string;
  deleted?: boolean;
}

/** A later write to an earlier generated case, as a workflow step, a correction or a removal would make. */
interface LaterWrite {
  pick: number;
  kind: 'agreement' | 'failed' | 'warning' | 'move' | 'category' | 'delete' | 'mediator';
  warning: RandomCase['warning'];
  village: string;
  category: string;
  referral: 'litigation' | 'arbitration' | 'other' | null;
  /** A deadline this many days after registration (concluded ones then count for on-time closure). */
  deadlineDays: number;
}

const VILLAGES = ['999901001201', '999901001202', '999902001201'];
const SPAN_MS = 500 * 86_400_000;
const T0 = Date.parse('2020-06-01T00:00:00+08:00');
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const monthEnd = (day: string) => new Date(Date.parse(`${addMonths(`${day.slice(0, 7)}-01`, 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const laterWrite = fc.record<LaterWrite>({
  pick: fc.nat(),
  kind: fc.constantFrom('agreement', 'failed', 'warning', 'move', 'category', 'delete', 'mediator'),
  warning: fc.constantFrom('none', 'blue', 'yellow', 'red'),
  village: fc.constantFrom(...VILLAGES),
  category: fc.constantFrom(...DISPUTE_CATEGORIES),
  referral: fc.constantFrom('litigation', 'arbitration', 'other', null),
  deadlineDays: fc.integer({ min: -5, max: 60 }),
});

/** Rows of a query, as sorted JSON (for comparing a table with its recount). */
const rowSet = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)))).sort();

const randomCase = fc.record<RandomCase>({
  village: fc.constantFrom(...VILLAGES),
  category: fc.constantFrom(...DISPUTE_CATEGORIES),
  source: fc.constantFrom(...DISPUTE_SOURCES),
  at: fc.integer({ min: 0, max: SPAN_MS }),
  end: fc.constantFrom('open', 'agreement', 'failed'),
  warning: fc.constantFrom('none', 'blue', 'yellow', 'red'),
  satisfaction: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
});

/** A handler context on the node's database, for calling the overview with the rollups switched off. */
async function directContext(w: DisputeWorld, username: string): Promise<HandlerContext> {
  const row: AccountRow = await accountQuery(w.core.db).where('accounts.username', username).first();
  return { db: w.core.db, node: w.core.node, account: toAccount(row), now: new Date('2021-10-29T09:00:00+08:00'), session: null } as unknown as HandlerContext;
}

describe('statistics equal a recount of the rows', () => {
  let w: DisputeWorld;
  let seq = 0;
  let seeded = 0;
  const written: RandomCase[] = [];
  beforeAll(async () => {
    w = await disputeWorld();
    // The seeded cases count too: read them back as the recount's starting rows.
    const rows: Array<{ village_code: string; category: string; source: string; registered_at: string; outcome: string | null; warning: string; satisfaction: number | null }> =
      await w.core.db('disputes').select('village_code', 'category', 'source', 'registered_at', 'outcome', 'warning', 'satisfaction');
    for (const r of rows) {
      written.push({
        village: r.village_code,
        category: r.category,
        source: r.source,
        at: Date.parse(r.registered_at) - T0,
        // Handled means an outcome: a seeded case closed without one counts like an open one here.
        end: r.outcome === 'agreement' ? 'agreement' : r.outcome === 'failed' ? 'failed' : 'open',
        warning: r.warning as RandomCase['warning'],
        satisfaction: r.satisfaction,
      });
    }
    seeded = written.length;
  });
  afterAll(() => w?.cleanup());

  it('after any batch of writes (new cases, later outcomes), for any division and range', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomCase, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: SPAN_MS }),
        fc.integer({ min: 0, max: 420 * 86_400_000 }),
        fc.constantFrom(undefined, '999901000000', '999901001000', '999901001202', '999902000000'),
        fc.nat(),
        fc.array(laterWrite, { maxLength: 6 }),
        fc.boolean(),
        async (batch, start, length, division, pick, later, wholeMonths) => {
          // Writes the way any writer (sync, import, the demo) makes them: straight to the table.
          await w.core.db.transaction(async (trx) => {
            for (const c of batch) {
              seq++;
              c.no = `R-${seq}`;
              const registered = new Date(T0 + c.at).toISOString();
              await trx('disputes').insert({
                case_no: `R-${seq}`,
                source: c.source,
                category: c.category,
                status: c.end === 'open' ? 'mediating' : 'closed',
                warning: c.warning,
                county_code: c.village.slice(0, 6) + '000000',
                township_code: c.village.slice(0, 9) + '000',
                village_code: c.village,
                summary: '随机',
                registered_at: registered,
                outcome: c.end === 'open' ? null : c.end,
                concluded_at: c.end === 'open' ? null : registered,
                satisfaction: c.satisfaction,
                updated_at: registered,
              });
              written.push(c);
            }
            // Change one earlier case's outcome, as a later step of its workflow would.
            const victim = pick % written.length;
            const c = written[victim]!;
            if (c.no && !c.deleted && c.end === 'open') {
              c.end = 'agreement';
              await trx('disputes').where({ case_no: c.no }).update({ outcome: 'agreement', status: 'closed' });
            }
            // More later writes: outcomes with referrals and deadlines, warnings, moves, corrections, removals.
            for (const l of later) {
              const live = written.slice(seeded).filter((x) => !x.deleted);
              const target = live[l.pick % Math.max(1, live.length)];
              if (!target?.no) continue;
              const row = trx('disputes').where({ case_no: target.no });
              const registered = new Date(T0 + target.at);
              if (l.kind === 'agreement' || l.kind === 'failed') {
                target.end = l.kind;
                const deadline = chinaDay(registered.getTime() + l.deadlineDays * 86_400_000);
                await row.update({ outcome: l.kind, status: 'closed', referral: l.kind === 'failed' ? l.referral : null, deadline, concluded_at: new Date(registered.getTime() + 3 * 86_400_000).toISOString() });
              } else if (l.kind === 'warning') {
                target.warning = l.warning;
                await row.update({ warning: l.warning });
              } else if (l.kind === 'move') {
                target.village = l.village;
                await row.update({ village_code: l.village, township_code: l.village.slice(0, 9) + '000', county_code: l.village.slice(0, 6) + '000000' });
              } else if (l.kind === 'category') {
                target.category = l.category;
                await row.update({ category: l.category });
              } else if (l.kind === 'mediator') {
                await row.update({ mediator_id: l.pick % 2 ? w.mediatorId : w.otherMediatorId });
              } else {
                target.deleted = true;
                await row.delete();
              }
            }
          });
          // The rollups the triggers kept equal a recount of the rows.
          for (const table of new Set(ROLLUPS.map((r) => r.table))) {
            const kept: Array<Record<string, unknown>> = await w.core.db.raw(`SELECT * FROM ${table}`);
            const recount: Array<Record<string, unknown>> = await w.core.db.raw(ROLLUPS.filter((r) => r.table === table).map(recountSql).join(' UNION ALL '));
            expect(rowSet(kept)).toEqual(rowSet(recount));
          }
          let from = chinaDay(T0 + start);
          let to = chinaDay(T0 + start + length);
          if (wholeMonths) {
            from = `${from.slice(0, 7)}-01`;
            to = monthEnd(to);
          }
          const o = await w.call('leader', 'stats.overview', { divisionCode: division, from, to, granularity: 'month' });
          const inRange = written.filter((c) => {
            const day = chinaDay(T0 + c.at);
            return !c.deleted && day >= from && day <= to && (!division || c.village.startsWith(division.replace(/0+$/, '')));
          });
          const count = (f: (c: RandomCase) => boolean) => inRange.filter(f).length;
          expect(o.totals.registered).toBe(inRange.length);
          expect(o.totals.handled).toBe(count((c) => c.end === 'agreement' || c.end === 'failed'));
          expect(o.totals.successful).toBe(count((c) => c.end === 'agreement'));
          expect(o.series.reduce((s, p) => s + p.registered, 0)).toBe(inRange.length);
          for (const cat of DISPUTE_CATEGORIES) {
            expect(o.byCategory.find((r) => r.key === cat)?.registered ?? 0).toBe(count((c) => c.category === cat));
          }
          for (const colour of ['blue', 'yellow', 'red'] as const) {
            expect(o.warnings.find((x) => x.colour === colour)!.count).toBe(count((c) => c.warning === colour));
          }
          expect(o.satisfaction.visited).toBe(count((c) => c.satisfaction !== null));
          for (const p of o.series) expect(p.period).toMatch(/^\d{4}-\d{2}$/);
          expect(o.series.map((p) => p.period)).toEqual([...new Set(o.series.map((p) => p.period))].sort());
          // Every figure read through the rollups equals the same figure counted from the cases.
          for (const who of ['leader', 'director', 'mediator'] as const) {
            const input = { divisionCode: who === 'leader' ? division : undefined, from, to, granularity: 'month' as const };
            const rolled = await w.call(who, 'stats.overview', input);
            const counted = await statsOverview(input, await directContext(w, who), { rollups: false });
            expect(rolled).toEqual(counted);
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});
