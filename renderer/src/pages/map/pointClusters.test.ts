import { describe, expect, it } from 'vitest';
import { clusterPoints, type PointSet } from './pointClusters';

const set: PointSet = {
  // Two points close together, one far away, one of another category next to the first.
  xy: new Float64Array([10, 10, 10.01, 10.01, 200, 200, 10.02, 10]),
  kind: new Uint8Array([0, 0, 0, 1]),
  kinds: ['a', 'b'],
};

describe('clusterPoints', () => {
  it('bins points by screen cell at the zoom, counting each category', () => {
    const cs = clusterPoints(set, [true, true], 1, 60);
    expect(cs.map((c) => c.count).sort()).toEqual([1, 3]);
    const big = cs.find((c) => c.count === 3)!;
    expect([...big.byKind]).toEqual([2, 1]);
    expect(big.x).toBeCloseTo((10 + 10.01 + 10.02) / 3);
  });

  it('splits clusters as the zoom grows and leaves hidden categories out', () => {
    expect(clusterPoints(set, [true, true], 2 ** 14, 60).length).toBe(4);
    const onlyA = clusterPoints(set, [true, false], 1, 60);
    expect(onlyA.reduce((s, c) => s + c.count, 0)).toBe(3);
  });

  it('keeps every point apart without cells', () => {
    const cs = clusterPoints(set, [true, true], 1, 0);
    expect(cs.map((c) => c.first)).toEqual([0, 1, 2, 3]);
  });
});
