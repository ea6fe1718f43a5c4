import { describe, expect, it } from 'vitest';
import {
  areasOverlap,
  bboxContains,
  bboxesMeet,
  inChina,
  distanceKm,
  geometryArea,
  geometryAreaKm2,
  geometryBbox,
  placeInArea,
  pointInPolygon,
  polygonsBbox,
  ringSignedArea,
  segmentsCross,
  unionBbox,
  type AreaGeometry,
  type LonLat,
  type MultiPolygonGeometry,
  type PolygonGeometry,
} from './geometry';

describe('placement and overlap', () => {
  const square: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 1], [0.5, 0.5]]] };
  it('places points inside, on edges, in holes and outside', () => {
    expect(placeInArea(1.5, 1.5, square)).toBe('in');
    expect(placeInArea(2, 1, square)).toBe('on');
    expect(placeInArea(0.75, 0.75, square)).toBe('out');
    expect(placeInArea(0.5, 0.75, square)).toBe('on');
    expect(placeInArea(3, 1, square)).toBe('out');
  });
  it('tells touching areas from overlapping ones', () => {
    const a: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const touching: AreaGeometry = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
    const cross: AreaGeometry = { type: 'Polygon', coordinates: [[[0.5, -1], [0.6, -1], [0.6, 2], [0.5, 2], [0.5, -1]]] };
    expect(areasOverlap(a, touching)).toBe(false);
    expect(areasOverlap(a, cross)).toBe(true);
    expect(areasOverlap(a, a)).toBe(true);
    expect(segmentsCross([0, 0], [1, 1], [0, 1], [1, 0])).toBe(true);
    expect(segmentsCross([0, 0], [1, 0], [1, 0], [2, 0])).toBe(false);
  });
});

describe('planar helpers', () => {
  const square = (x: number, y: number, s: number): LonLat[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] };

  it('computes signed ring areas (counter-clockwise positive) and areas with holes', () => {
    expect(ringSignedArea(square(0, 0, 2))).toBe(4);
    expect(ringSignedArea(square(0, 0, 2).reverse())).toBe(-4);
    expect(geometryArea(withHole)).toBe(96);
  });

  it('tests points against exteriors and holes of polygons and multipolygons', () => {
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 5], withHole)).toBe(false);
    const multi: MultiPolygonGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(pointInPolygon([5.5, 5.5], multi)).toBe(true);
    expect(pointInPolygon([3, 3], multi)).toBe(false);
  });

  it('bbox, distances and km² are sane at Yiyang latitude', () => {
    expect(geometryBbox(withHole)).toEqual([0, 0, 10, 10]);
    expect(distanceKm([112, 28.5], [112, 29.5])).toBeCloseTo(111.2, 0);
    const cell: PolygonGeometry = { type: 'Polygon', coordinates: [square(112, 28.5, 0.01)] };
    // 0.01° × 0.01° at 28.5°N ≈ 1.113 km × 0.978 km
    expect(geometryAreaKm2(cell)).toBeCloseTo(1.088, 2);
  });
});

describe('boxes', () => {
  it('boxes outlines, unions boxes, and tells meeting boxes from touching ones', () => {
    expect(polygonsBbox([])).toBeNull();
    expect(polygonsBbox([[[[1, 2], [3, 2], [3, 5], [1, 2]]]])).toEqual([1, 2, 3, 5]);
    expect(unionBbox([[0, 0, 1, 1], null, [2, -1, 3, 0.5]])).toEqual([0, -1, 3, 1]);
    expect(unionBbox([null])).toBeNull();
    expect(bboxContains([0, 0, 1, 1], 1, 0.5)).toBe(true);
    expect(bboxContains([0, 0, 1, 1], 1.01, 0.5)).toBe(false);
    expect(bboxesMeet([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
    expect(bboxesMeet([0, 0, 1, 1], [1, 0, 2, 1])).toBe(false);
  });
  it('knows where a Chinese coordinate can be (a swapped pair is not)', () => {
    expect(inChina(112.35, 28.55)).toBe(true);
    expect(inChina(28.55, 112.35)).toBe(false);
    expect(inChina(500000, 3100000)).toBe(false);
  });
});
