import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../shared/domain/disputeStatus';
import { decodePointLayer } from '../../../shared/domain/mapLayers';
import { attemptAs, callAs, type Call } from '../../../tests/support/call';
import { tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';
import { DEMO_PASSWORD } from '../demo/demoAccounts';
import { generateDemo } from '../demo/generateDemo';

/**
 * The source report's figures (益阳, Jan–Sep 2021) read back through the statistics handlers on the demo:
 * the same numbers a leader sees in the 成绩单 and a county receives in the 排查情况表.
 */
describe('statistics on the demo city', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  let core: Core;
  const tokens: Record<string, string> = {};
  const as = (user: string): Call => callAs(core, tokens[user]!);

  beforeAll(async () => {
    env = await tempCore();
    core = env.core;
    await generateDemo(core.db, {});
    for (const u of ['leader', 'director', 'dispatcher', 'mediator', 'gridworker', 'wall']) {
      tokens[u] = (await callAs(core, null)('session.login', { username: u, password: DEMO_PASSWORD })).token;
    }
  }, 240_000);
  afterAll(() => env?.cleanup());

  it('gives the source report\'s Jan–Sep figures: 3,268 sweeps, 17,452 handled, 17,084 successful = 97.9%, 926 from 网小格', async () => {
    const o = await as('leader')('stats.overview', { from: '2021-01-01', to: '2021-09-30', granularity: 'quarter' });
    expect(o.area.level).toBe('city');
    expect(o.totals).toMatchObject({ swept: 3268, registered: 17_452, handled: 17_452, successful: 17_084, failed: 368 });
    expect(Math.round(o.totals.successRate! * 1000) / 10).toBe(97.9);
    expect(o.bySource.find((r) => r.key === 'wxg_app')!.registered).toBe(926);
    expect(o.byCategory.find((r) => r.key === '婚姻家庭')).toMatchObject({ blue: 428, yellow: 280, red: 30 });
    // Every failed mediation says where it was referred.
    expect(Object.values(o.referrals).reduce((a, b) => a + b, 0)).toBe(368);
    expect(o.series.map((p) => p.period)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3']);
    expect(o.series.reduce((s, p) => s + p.handled, 0)).toBe(17_452);
    expect(o.series.reduce((s, p) => s + p.swept, 0)).toBe(3268);
    // The breakdowns add up to the totals.
    for (const rows of [o.byCategory, o.bySource, o.byDivision]) expect(rows.reduce((s, r) => s + r.successful, 0)).toBe(17_084);
    expect(o.byDivision).toHaveLength(8);
    expect(o.byDivision.every((r) => r.name && r.name.length > 1)).toBe(true);
  });

  it('gives the mediation network, service points and grids of the report: 7,497 mediators, 45/102/1,434 committees, 5,816 grids all staffed', async () => {
    const o = await as('leader')('stats.overview', { from: '2021-01-01', to: '2021-09-30' });
    expect(o.network).toEqual({ mediators: 7497, committees: { industry: 45, township: 102, village: 1434 } });
    expect(o.grids).toMatchObject({ grids: 5816, withWorker: 5816, coverage: 1 });
    expect(o.grids.population).toBeGreaterThan(3_800_000);
    const points = (cat: string) => o.servicePoints.filter((p) => p.category === cat).reduce((s, p) => s + p.count, 0);
    expect(points('governance_center')).toBe(1 + 8 + 98 + 1447);
    expect(points('patrol_team')).toBe(512);
    expect(o.satisfaction.visited).toBeGreaterThan(16_000);
    expect(o.satisfaction.rate).toBeGreaterThan(0.95);
  });

  it('compares with the previous period and the same period last year (none in 2020 on the demo)', async () => {
    const q3 = await as('leader')('stats.overview', { from: '2021-07-01', to: '2021-09-30' });
    expect(q3.previous.from).toBe('2021-04-01');
    expect(q3.previous.to).toBe('2021-06-30');
    expect(q3.lastYear).toMatchObject({ from: '2020-07-01', to: '2020-09-30', registered: 0, successRate: null });
    const q2 = await as('leader')('stats.overview', { from: '2021-04-01', to: '2021-06-30' });
    expect(q3.previous).toEqual({ ...q2.totals });
    expect(q3.totals.registered + q2.totals.registered).toBeLessThan(17_452);
  });

  it('answers today\'s queue figures exactly as the queue counts them', async () => {
    const o = await as('director')('stats.overview', { from: '2021-10-01', to: '2021-10-31' });
    const count = async (filter: Record<string, unknown>) =>
      (await as('director')('disputes.query', { filter, sort: { field: 'registered_at', dir: 'desc' }, startRow: 0, endRow: 1 })).total;
    expect(o.queue.open).toBe(await count({ statuses: [...OPEN_STATUSES] }));
    expect(o.queue.overdue).toBe(await count({ overdue: true }));
    expect(o.queue.dueSoon).toBe(await count({ dueSoon: true }));
    expect(o.queue.red).toBe(await count({ statuses: [...OPEN_STATUSES], warnings: ['red'] }));
    expect(o.queue.open).toBe(1500);
  });

  it('narrows to a county the caller covers, and refuses one it does not', async () => {
    const city = await as('leader')('stats.overview', { from: '2021-01-01', to: '2021-09-30' });
    const county = city.byDivision[0]!;
    const c = await as('leader')('stats.overview', { divisionCode: county.key, from: '2021-01-01', to: '2021-09-30' });
    expect(c.totals.registered).toBe(county.registered);
    expect(c.byDivision.reduce((s, r) => s + r.registered, 0)).toBe(county.registered);
    expect((await attemptAs(core, tokens.leader!, 'stats.overview', { divisionCode: '430900000000', from: '2021-01-01', to: '2021-09-30' })).code).toBe('FORBIDDEN');
  });

  it('gives a mediator figures of their own cases only', async () => {
    const mine = await as('mediator')('stats.overview', { from: '2021-01-01', to: '2021-10-31' });
    const all = await as('leader')('stats.overview', { from: '2021-01-01', to: '2021-10-31' });
    expect(mine.totals.registered).toBeGreaterThan(0);
    expect(mine.totals.registered).toBeLessThan(100);
    expect(mine.byMediator).toHaveLength(1);
    expect(all.byMediator).toHaveLength(20);
  });

  it('gives the wall figures without a single name, and nothing of the staff\'s tables', async () => {
    const o = await as('wall')('stats.overview', { from: '2021-01-01', to: '2021-09-30' });
    expect(o.totals.successful).toBe(17_084);
    expect(o.byMediator).toEqual([]);
    for (const name of ['stats.sweepTable', 'stats.sweepTableXlsx', 'stats.workbench', 'sweeps.list']) {
      expect((await attemptAs(core, tokens.wall!, name, { year: 2021, month: 9 })).code, name).toMatch(/FORBIDDEN|INVALID_INPUT/);
    }
    expect((await attemptAs(core, tokens.wall!, 'stats.workbench', {})).code).toBe('FORBIDDEN');
  });

  it('fills the 矛盾纠纷排查情况表 per quarter, adding up to the nine months, and writes it as a printable A4 landscape .xlsx', async () => {
    let handled = 0;
    let successful = 0;
    let sweeps = 0;
    for (const quarter of [1, 2, 3]) {
      const t = await as('director')('stats.sweepTable', { year: 2021, quarter });
      const sum = t.rows.at(-1)!;
      expect(sum.category).toBe('合计');
      expect(sum.total).toBe(sum.county + sum.township + sum.village);
      expect(t.rows.slice(0, -1).reduce((s, r) => s + r.total, 0)).toBe(sum.total);
      handled += sum.handled;
      successful += sum.successful;
      sweeps += t.sweeps;
    }
    expect({ handled, successful, sweeps }).toEqual({ handled: 17_452, successful: 17_084, sweeps: 3268 });

    const sept = await as('director')('stats.sweepTable', { year: 2021, month: 9 });
    expect(sept.title).toContain('2021年9月');
    const file = await as('director')('stats.sweepTableXlsx', { year: 2021, month: 9 });
    expect(file.fileName).toMatch(/排查情况表.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.getCell('A1').value).toBe(sept.title);
    expect(ws.getCell('B4').value).toBe('县级');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(6).value).toBe(sept.rows.at(-1)!.handled);
  });

  it('gives each role its 工作台 figures, each the exact count of its queue link', async () => {
    for (const user of ['director', 'dispatcher', 'mediator', 'gridworker', 'leader']) {
      const wb = await as(user)('stats.workbench', {});
      expect(wb.tiles.length, user).toBeGreaterThan(2);
      for (const tile of wb.tiles) {
        const q = await as(user)('disputes.query', { filter: tile.filter, sort: { field: 'registered_at', dir: 'desc' }, startRow: 0, endRow: 1 });
        expect(q.total, `${user} ${tile.key}`).toBe(tile.count);
      }
      for (const row of wb.ranking) {
        const q = await as(user)('disputes.query', { filter: row.filter, sort: { field: 'registered_at', dir: 'desc' }, startRow: 0, endRow: 1 });
        expect(q.total, `${user} ${row.name}`).toBe(row.open);
      }
    }
    const director = await as('director')('stats.workbench', {});
    expect(director.ranking).toHaveLength(10);
    const mediator = await as('mediator')('stats.workbench', {});
    expect(mediator.tiles.find((t) => t.key === 'mineOpen')!.count).toBeGreaterThanOrEqual(5);
    expect(mediator.tiles.find((t) => t.key === 'mineOpen')!.count).toBeLessThan(100);
  });

  it('gives the wall only aggregates per grid — never a case id, a case\'s point, a case number or a name — and staff their dots', async () => {
    const byGrid: Array<{ id: number; lon: number; lat: number; n: number; rank: number }> = await core.db.raw(
      `SELECT g.id, g.center_lon lon, g.center_lat lat, count(*) n, max(d.warning_rank) rank FROM disputes d JOIN grids g ON g.id = d.grid_id
        WHERE d.status IN ('registered','accepted','assigned','mediating','escalated') GROUP BY g.id`,
    );
    const wallDots = decodePointLayer(await as('wall')('map.disputes', {}));
    expect(wallDots.length).toBe(byGrid.length);
    const grid = new Map(byGrid.map((g) => [g.id, g]));
    for (const dot of wallDots) {
      const g = grid.get(dot.id);
      expect(g, `dot ${dot.id} is a grid`).toBeTruthy();
      expect(dot.lon).toBeCloseTo(g!.lon, 4);
      expect(dot.lat).toBeCloseTo(g!.lat, 4);
      expect(dot.kind).toBe(['none', 'blue', 'yellow', 'red'][g!.rank]);
      expect(dot.subKind).toBeNull();
    }
    // The same handler gives the dispatcher the cases themselves.
    const caseDots = decodePointLayer(await as('dispatcher')('map.disputes', {}));
    expect(caseDots.length).toBe(1500);
    const caseIds: Array<{ id: number }> = await core.db.raw(`SELECT id FROM disputes WHERE status IN ('registered','accepted','assigned','mediating','escalated')`);
    expect(new Set(caseDots.map((d) => d.id))).toEqual(new Set(caseIds.map((c) => c.id)));

    const feed = await as('wall')('stats.wall', {});
    expect(feed.grids.reduce((s, g) => s + g.open, 0)).toBe(byGrid.reduce((s, g) => s + g.n, 0));
    expect(feed.ticker.some((x) => x.kind === 'red')).toBe(true);
    expect(feed.ticker.some((x) => x.kind === 'overdue' && x.daysOverdue! > 0)).toBe(true);
    const text = JSON.stringify(feed);
    expect(text).not.toMatch(/2021-\d{9}-\d{5}/); // no case number
    const names: Array<{ name: string }> = await core.db.raw(`SELECT DISTINCT name FROM dispute_parties LIMIT 2000`);
    expect(names.filter((p) => text.includes(p.name))).toEqual([]);
    for (const key of ['caseId', 'caseNo', 'id', 'name', 'phone']) expect(text).not.toContain(`"${key}"`);
  });
});
