import { describe, expect, it } from 'vitest';
import { decodeArcs, decodeCodes, decodeInts, decodePoints, decodeShapes, encodeArcs, encodeCodes, encodeInts, encodePoints, encodeShapes, IntReader, IntWriter, ringFromArcs } from './mapEncoding';

describe('map encoding', () => {
  it('round-trips integers of every size and sign in URL-safe characters', () => {
    const values = [0, 1, -1, 15, -16, 16, 1023, -1024, 123456789, -987654321, 2 ** 40, -(2 ** 40)];
    const w = new IntWriter();
    values.forEach((v) => w.write(v));
    const s = w.toString();
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    const r = new IntReader(s);
    expect(values.map(() => r.read())).toEqual(values);
    expect(r.done).toBe(true);
    expect(() => new IntReader('*').read()).toThrow('编码无效');
  });

  it('round-trips arcs, shapes and points through the quantization', () => {
    const arcs = [[[0, 0], [10, 0], [10, 10]], [[10, 10], [0, 10], [0, 0]]] as Array<Array<[number, number]>>;
    const q = { scale: [0.001, 0.001] as [number, number], translate: [112, 28] as [number, number] };
    const decoded = decodeArcs(encodeArcs(arcs), q);
    expect(decoded[0]![1]![0]).toBeCloseTo(112.01, 9);
    const shapes = decodeShapes(encodeShapes([[[[0, 1]]], [[[~1, ~0]]]]), 2);
    expect(shapes).toEqual([[[[0, 1]]], [[[~1, ~0]]]]);
    const ring = ringFromArcs(shapes[0]![0]![0]!, decoded);
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(ringFromArcs(shapes[1]![0]![0]!, decoded)[1]).toEqual(ring[3]);
    expect(decodePoints(encodePoints([[5, 5], [3, 9]]), q)[1]![1]).toBeCloseTo(28.009, 9);
  });
});

describe('codes and id lists', () => {
  it('round-trips sorted 12- and 15-digit codes with leading zeros kept', () => {
    const grids = ['430902001201001', '430902001201002', '430902001202001', '430981104210013'];
    expect(decodeCodes(encodeCodes(grids))).toEqual(grids);
    const small = ['010100000000', '010200000000'];
    expect(decodeCodes(encodeCodes(small))).toEqual(small);
    expect(decodeCodes(encodeCodes([]))).toEqual([]);
    expect(() => encodeCodes(['12', '123'])).toThrow();
  });
  it('round-trips id lists in any order and index lists', () => {
    const ids = [17, 3, 19000, 4, 4];
    expect(decodeInts(encodeInts(ids, true), true)).toEqual(ids);
    expect(decodeInts(encodeInts([0, 8, 2], false), false)).toEqual([0, 8, 2]);
  });
});
