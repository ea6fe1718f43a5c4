import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';
import { attemptAs, callAs, type Attempt, type Call } from '../../../tests/support/call';
import { decodeBoundaryLayer, decodePointLayer } from '../../../shared/domain/mapLayers';
import { decodeCodes } from '../../../shared/domain/mapEncoding';

describe('map handlers', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const as = (who: string): Call => callAs(core, tokens[who] ?? null);
  const attempt = (who: string, name: string, input: unknown): Promise<Attempt> => attemptAs(core, tokens[who] ?? null, name, input);

  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    for (const u of ['admin', 'director', 'wall', 'mediator', 'gridworker']) tokens[u] = await loginAs(core, u);
    await core.db('disputes').update({ grid_id: 1, lon: 112.005, lat: 28.005 }).where({ case_no: 'T-1' });
    await core.db('disputes').update({ warning: 'red' }).where({ case_no: 'T-1' });
  });
  afterAll(() => cleanup());

  it('sends the grids as a topology whose decoded shapes match the stored squares', async () => {
    const layer = await as('director')('map.boundaries', { level: 'grid', zoom: 16 });
    expect(decodeCodes(layer.codes)).toEqual(['999901001201001', '999901001201002', '999901001202001', '999902001201001']);
    expect(layer.count).toBe(4);
    const features = decodeBoundaryLayer(layer);
    const first = features[0]!.polygons[0]![0]!;
    const xs = first.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(112.0, 6);
    expect(Math.max(...xs)).toBeCloseTo(112.01, 6);
  });

  it('keeps the shared edge of two neighbouring grids identical at every zoom', async () => {
    for (const zoom of [8, 11, 13, 16]) {
      const layer = await as('director')('map.boundaries', { level: 'grid', zoom });
      const [a, b] = decodeBoundaryLayer(layer);
      // Quantized per zoom, the border is no longer at exactly 112.01: take A's east side and B's west side.
      const side = (ring: Array<[number, number]>, pick: (xs: number[]) => number) => {
        const x = pick(ring.map((p) => p[0]));
        return ring.filter((p) => p[0] === x).map((p) => `${p[0]},${p[1]}`);
      };
      const edgeA = side(a!.polygons[0]![0]!, (xs) => Math.max(...xs));
      const edgeB = side(b!.polygons[0]![0]!, (xs) => Math.min(...xs));
      expect(edgeA.length).toBeGreaterThanOrEqual(2);
      expect(new Set(edgeA)).toEqual(new Set(edgeB));
    }
  });

  it('counts open disputes and red warnings per grid in SQL', async () => {
    const m = await as('director')('map.measures', { level: 'grid' });
    const i = m.codes.indexOf('999901001201001');
    expect(m.openDisputes[i]).toBe(1);
    expect(m.redWarnings[i]).toBe(1);
    expect(m.population[i]).toBe(400);
    const v = await as('director')('map.measures', { level: 'village' });
    expect(v.openDisputes[v.codes.indexOf('999902001201')]).toBe(1);
  });

  it('draws disputes with their warning level and category, filtered like the queue', async () => {
    const layer = await as('director')('map.disputes', {});
    const pts = decodePointLayer(layer);
    expect(pts).toHaveLength(1);
    expect(pts[0]).toMatchObject({ kind: 'red', subKind: '邻里' });
    expect(pts[0]!.lon).toBeCloseTo(112.005, 5);
    expect(layer.withoutLocation).toBe(1);
    const none = await as('director')('map.disputes', { warnings: ['blue'] });
    expect(none.count).toBe(0);
    expect(decodePointLayer(none)).toEqual([]);
  });

  it('finds 2-character names by substring and grid codes by prefix', async () => {
    const byName = await as('director')('map.search', { q: '东村' });
    expect(byName.hits.some((h) => h.kind === 'division' && h.key === '999901001201')).toBe(true);
    const byCode = await as('director')('map.search', { q: '999901001201' });
    expect(byCode.hits.filter((h) => h.kind === 'grid').map((h) => h.key)).toContain('999901001201002');
    const point = await as('wall')('map.search', { q: '工作站' });
    expect(point.hits[0]).toMatchObject({ kind: 'servicePoint', name: '甲一镇公共法律服务工作站' });
    const bad = await attempt('director', 'map.search', { q: '' });
    expect(bad.message).toContain('请输入');
  });

  it('locates a point with its names, and refuses bad coordinates', async () => {
    const { grid } = await as('director')('map.locate', { lon: 112.015, lat: 28.001 });
    expect(grid).toMatchObject({ gridCode: '999901001201002', villageName: '东村', townshipName: '甲一镇' });
    const bad = await attempt('director', 'map.locate', { lon: 200, lat: 28 });
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('shows mediators only their own cases and grid workers only their grids', async () => {
    const now = '2021-10-01T00:00:00Z';
    const [mediatorPerson] = await core.db('people').insert({ kind: 'mediator', name: '调解员甲', division_code: '999901001000', created_at: now });
    const [workerPerson] = await core.db('people').insert({ kind: 'grid_worker', name: '网格员乙', division_code: '999902001201', created_at: now });
    await core.db('accounts').where({ username: 'mediator' }).update({ person_id: mediatorPerson });
    await core.db('accounts').where({ username: 'gridworker' }).update({ person_id: workerPerson });
    await core.db('grid_workers').insert({ grid_id: 4, person_id: workerPerson });
    await core.db('disputes').where({ case_no: 'T-3' }).update({ grid_id: 4, lon: 112.105, lat: 28.005 });
    tokens.gridworker = await loginAs(core, 'gridworker');
    expect((await as('mediator')('map.disputes', {})).count).toBe(0);
    await core.db('disputes').where({ case_no: 'T-1' }).update({ mediator_id: mediatorPerson });
    expect(decodePointLayer(await as('mediator')('map.disputes', {})).map((p) => p.lon)).toEqual([112.005]);
    expect(decodePointLayer(await as('gridworker')('map.disputes', {})).map((p) => p.lon)).toEqual([112.105]);
    expect((await as('director')('map.disputes', {})).count).toBe(2);
    expect((await as('director')('map.disputes', { countyCode: '999902000000' })).count).toBe(1);
  });

  it('lists service points by category and division, and refuses unknown categories', async () => {
    await core.db('service_points').update({ lon: 112.003, lat: 28.003 });
    const all = decodePointLayer(await as('wall')('map.servicePoints', {}));
    expect(all.map((p) => p.kind).sort()).toEqual(['legal_point', 'legal_station']);
    const stations = await as('wall')('map.servicePoints', { category: ['legal_station'] });
    expect(stations.count).toBe(1);
    const elsewhere = await as('wall')('map.servicePoints', { divisionCode: '999902000000' });
    expect(elsewhere.count).toBe(0);
    const bad = await attempt('wall', 'map.servicePoints', { category: ['bank'] });
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('refuses a level the schema does not know and a division outside the account', async () => {
    const bad = await attempt('director', 'map.boundaries', { level: 'street' });
    expect(bad.field).toBe('level');
    const now = new Date().toISOString();
    const { password_hash: hash } = await core.db('accounts').where({ username: 'director' }).first('password_hash');
    await core.db('accounts').insert({ username: 'countydir', display_name: '甲县主任', role: 'director', division_code: '999901000000', password_hash: hash, created_at: now, updated_at: now });
    tokens.countydir = await loginAs(core, 'countydir');
    const other = await attempt('countydir', 'map.boundaries', { level: 'grid', parentCode: '999902000000' });
    expect(other.code).toBe('FORBIDDEN');
    const own = await as('countydir')('map.boundaries', { level: 'grid' });
    expect(own.count).toBe(3);
    expect(await attemptAs(core, null, 'map.boundaries', { level: 'grid' })).toMatchObject({ code: 'NO_SESSION' });
  });
});
