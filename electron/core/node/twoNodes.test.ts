import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../index';
import { placePoints } from '../grids/gridIndex';
import { seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import type { Call } from '../../../tests/support/call';

/**
 * Two nodes in one process — as in tests, or a county node holding a township's replica — each with its
 * own data folder and different data. Every cache lives in its core's NodeState, so what one node
 * computed is never served by the other, in either order, and closing one leaves the other working.
 */
describe('two cores in one process', () => {
  let a: { core: Core; cleanup: () => Promise<void>; director: Call };
  let b: { core: Core; cleanup: () => Promise<void>; director: Call };
  /** A grid only node B has, far from the small world's grids, and three more cases there. */
  const FAR = { lon: 112.505, lat: 28.505 };

  beforeAll(async () => {
    const open = async () => {
      const { core, cleanup } = await tempCore();
      await seedSmallWorld(core);
      return { core, cleanup, director: await signIn(core, 'director') };
    };
    a = await open();
    b = await open();
    const ring = [[112.5, 28.5], [112.51, 28.5], [112.51, 28.51], [112.5, 28.51], [112.5, 28.5]];
    const now = new Date('2021-10-01T00:00:00Z').toISOString();
    await b.core.db('grids').insert({
      code: '999902001201002', name: '远方网格', village_code: '999902001201', township_code: '999902001000', county_code: '999902000000',
      polygon: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), center_lon: FAR.lon, center_lat: FAR.lat,
      min_lon: 112.5, min_lat: 28.5, max_lon: 112.51, max_lat: 28.51, created_at: now, updated_at: now,
    });
    await b.core.db('service_points').insert({
      name: '远方法律服务点', category: 'legal_point', level: 'village', division_code: '999902001201', township_code: '999902001000',
      county_code: '999902000000', lon: FAR.lon, lat: FAR.lat, created_at: now, updated_at: now,
    });
    for (const n of [1, 2, 3]) {
      await b.core.db('disputes').insert({
        case_no: `B-${n}`, source: 'walk_in', category: '邻里', status: 'registered', county_code: '999902000000', township_code: '999902001000',
        village_code: '999902001201', summary: `乙县独有的纠纷，当事人欧阳远${n}`, registered_at: now, updated_at: now,
      });
    }
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
  });

  it('keeps queue totals apart', async () => {
    const view = { filter: {}, startRow: 0, endRow: 100 };
    expect((await a.director('disputes.query', view)).total).toBe(3);
    expect((await b.director('disputes.query', view)).total).toBe(6);
    expect((await a.director('disputes.query', view)).total).toBe(3);
    expect(a.core.node.queue.cachedTotals()).toEqual([3]);
    expect(b.core.node.queue.cachedTotals()).toEqual([6]);
  });

  it('keeps the search index state apart', async () => {
    const search = { filter: { text: '欧阳远' }, startRow: 0, endRow: 10 };
    expect((await b.director('disputes.query', search)).total).toBe(3);
    expect((await a.director('disputes.query', search)).total).toBe(0);
    expect(await b.core.db('dispute_search_dirty').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('keeps map layers apart', async () => {
    const grids = { level: 'grid', parentCode: '999900000000', zoom: 12 } as const;
    const inA = await a.director('map.boundaries', grids);
    const inB = await b.director('map.boundaries', grids);
    expect(inA.count).toBe(4);
    expect(inB.count).toBe(5);
    expect((await a.director('map.boundaries', grids)).codes).toEqual(inA.codes);
    expect(a.core.node.boundaries.tiers.size).toBe(1);
    expect(b.core.node.boundaries.tiers.size).toBe(1);
  });

  it('keeps the grid index and the nearby-places index apart', async () => {
    expect((await placePoints(b.core.node.gridIndex, b.core.db, [[FAR.lon, FAR.lat]]))[0]?.gridCode).toBe('999902001201002');
    expect((await placePoints(a.core.node.gridIndex, a.core.db, [[FAR.lon, FAR.lat]]))[0]).toBeNull();
    const near = { lon: FAR.lon, lat: FAR.lat, limit: 5 };
    expect((await b.director('directory.whoCanHelp', near)).points.map((p) => p.name)).toEqual(['远方法律服务点']);
    expect((await a.director('directory.whoCanHelp', near)).points).toEqual([]);
  });

  it('closes one without touching the other', async () => {
    await a.cleanup();
    expect((await b.director('disputes.query', { filter: {}, startRow: 0, endRow: 10 })).total).toBe(6);
    expect((await b.director('map.boundaries', { level: 'grid', parentCode: '999900000000', zoom: 12 })).count).toBe(5);
  });
});
