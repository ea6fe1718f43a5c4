import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGridForPoint } from './pointToGrid';
import { seedSmallWorld, tempCore } from '../testing/tempCore';
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
