import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGridForPoint } from './pointToGrid';
import { gridIndex, placePoints } from './gridIndex';
import { seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';

// seedSmallWorld: 0.01° squares at lat 28, lon 112.00 / 112.01 / 112.02 / 112.10.
describe('findGridForPoint', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
  });
  afterAll(() => cleanup());

  it('places a point inside a grid with its village, township and county', async () => {
    const hit = await findGridForPoint(core.db, 112.005, 28.005);
    expect(hit).toMatchObject({ gridCode: '999901001201001', villageCode: '999901001201', townshipCode: '999901001000', countyCode: '999901000000' });
  });

  it('gives a point on the shared edge of two grids to exactly one of them, the lower code', async () => {
    const hit = await findGridForPoint(core.db, 112.01, 28.005);
    expect(hit?.gridCode).toBe('999901001201001');
  });

  it('returns null outside every grid and for non-numbers', async () => {
    expect(await findGridForPoint(core.db, 112.05, 28.005)).toBeNull();
    expect(await findGridForPoint(core.db, 112.005, 27.9)).toBeNull();
    expect(await findGridForPoint(core.db, Number.NaN, 28)).toBeNull();
  });
});

describe('placePoints (in-memory index)', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
  });
  afterAll(() => cleanup());

  it('agrees with findGridForPoint inside, on edges, on corners and outside', async () => {
    const pts: Array<[number, number]> = [];
    for (let x = 111.995; x <= 112.035; x += 0.0025) for (let y = 27.995; y <= 28.015; y += 0.0025) pts.push([x, y]);
    pts.push([112.01, 28.0], [112.02, 28.01], [112.0, 28.0]);
    const bulk = await placePoints(core.node.gridIndex, core.db, pts);
    for (let i = 0; i < pts.length; i++) {
      const one = await findGridForPoint(core.db, pts[i]![0], pts[i]![1]);
      expect(bulk[i]?.gridCode ?? null).toBe(one?.gridCode ?? null);
    }
  });

  it('respects holes, and rebuilds when a grid changes', async () => {
    const ring = (x0: number, y0: number, d: number) => [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]];
    const holed = { type: 'Polygon', coordinates: [ring(112.0, 28.0, 0.01), ring(112.004, 28.004, 0.002)] };
    await core.db('grids').where({ code: '999901001201001' }).update({ polygon: JSON.stringify(holed) });
    const [inHole, inRing] = await placePoints(core.node.gridIndex, core.db, [[112.005, 28.005], [112.001, 28.001]]);
    expect(inHole).toBeNull();
    expect(inRing?.gridCode).toBe('999901001201001');
    expect(await findGridForPoint(core.db, 112.005, 28.005)).toBeNull();
    // On the hole's edge counts as the grid's.
    expect((await placePoints(core.node.gridIndex, core.db, [[112.004, 28.005]]))[0]?.gridCode).toBe('999901001201001');
  });
});

describe('the grid index and transactions', () => {
  it('serves the cached index inside a transaction that has not touched the grids', async () => {
    const { core, cleanup } = await tempCore();
    try {
      await seedSmallWorld(core);
      const outside = await gridIndex(core.node.gridIndex, core.db);
      await core.db.transaction(async (trx) => {
        await trx('disputes').where({ case_no: 'T-1' }).update({ summary: '改过的摘要' });
        expect(await gridIndex(core.node.gridIndex, trx)).toBe(outside);
      });
      expect(await gridIndex(core.node.gridIndex, core.db)).toBe(outside);
    } finally {
      await cleanup();
    }
  });

  it('never keeps an index built from grids a rolled-back transaction wrote', async () => {
    const { core, cleanup } = await tempCore();
    try {
      await seedSmallWorld(core);
      const far = [[112.5, 28.5]] as Array<[number, number]>;
      expect((await placePoints(core.node.gridIndex, core.db, far))[0]).toBeNull();
      const ring = [[112.49, 28.49], [112.51, 28.49], [112.51, 28.51], [112.49, 28.51], [112.49, 28.49]];
      // The placement seen inside the transaction is asserted after it: an expect() thrown in there would
      // only roll it back like the planned error, and a catch-all would swallow the failure.
      let insideTransaction: string | undefined;
      await expect(
        core.db.transaction(async (trx) => {
          await trx('grids').where({ code: '999902001201001' }).update({ polygon: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), min_lon: 112.49, min_lat: 28.49, max_lon: 112.51, max_lat: 28.51 });
          insideTransaction = (await placePoints(core.node.gridIndex, trx, far))[0]?.gridCode;
          throw new Error('planned rollback');
        }),
      ).rejects.toThrow('planned rollback');
      expect(insideTransaction).toBe('999902001201001');
      expect((await placePoints(core.node.gridIndex, core.db, far))[0]).toBeNull();
      expect((await placePoints(core.node.gridIndex, core.db, [[112.105, 28.005]]))[0]?.gridCode).toBe('999902001201001');
    } finally {
      await cleanup();
    }
  });
});
