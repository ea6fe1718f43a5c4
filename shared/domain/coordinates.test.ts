import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  distanceKm,
  gcj02GeometryToWgs84,
  gcj02ToWgs84,
  geometryArea,
  geometryAreaKm2,
  geometryBbox,
  pointInPolygon,
  ringSignedArea,
  roundCoordinate,
  wgs84ToGcj02,
  type LonLat,
} from './coordinates';

describe('GCJ-02 ↔ WGS-84', () => {
  it('moves a point in Yiyang by a few hundred metres, and back', () => {
    const gcj: LonLat = [112.355042, 28.553909];
    const wgs = gcj02ToWgs84(gcj);
    const offset = distanceKm(gcj, wgs);
    expect(offset).toBeGreaterThan(0.3);
    expect(offset).toBeLessThan(0.8);
    // In Hunan the GCJ-02 point lies east and south of the true one.
    expect(wgs[0]).toBeLessThan(gcj[0]);
    expect(wgs[1]).toBeGreaterThan(gcj[1]);
    const back = wgs84ToGcj02(wgs);
    expect(distanceKm(back, gcj)).toBeLessThan(0.001);
  });

  it('converts a geometry vertex by vertex, rounded, so shared vertices stay shared', () => {
    const a: Polygon = { type: 'Polygon', coordinates: [[[112, 28], [112.1, 28], [112.1, 28.1], [112, 28]]] };
    const b: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[112.1, 28], [112.2, 28], [112.1, 28.1], [112.1, 28]]]] };
    const wa = gcj02GeometryToWgs84(a);
    const wb = gcj02GeometryToWgs84(b);
    expect(wa.type).toBe('Polygon');
    expect(wb.type).toBe('MultiPolygon');
    expect(wa.coordinates[0]![1]).toEqual(wb.coordinates[0]![0]![0]);
    for (const v of wa.coordinates[0]!) expect(roundCoordinate(v[0]!)).toBe(v[0]);
  });
});

describe('planar helpers', () => {
  const square = (x: number, y: number, s: number): LonLat[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] };

  it('computes signed ring areas (counter-clockwise positive) and areas with holes', () => {
    expect(ringSignedArea(square(0, 0, 2))).toBe(4);
    expect(ringSignedArea(square(0, 0, 2).reverse())).toBe(-4);
    expect(geometryArea(withHole)).toBe(96);
  });

  it('tests points against exteriors and holes of polygons and multipolygons', () => {
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 5], withHole)).toBe(false);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(pointInPolygon([5.5, 5.5], multi)).toBe(true);
    expect(pointInPolygon([3, 3], multi)).toBe(false);
  });

  it('bbox, distances and km² are sane at Yiyang latitude', () => {
    expect(geometryBbox(withHole)).toEqual([0, 0, 10, 10]);
    expect(distanceKm([112, 28.5], [112, 29.5])).toBeCloseTo(111.2, 0);
    const cell: Polygon = { type: 'Polygon', coordinates: [square(112, 28.5, 0.01)] };
    // 0.01° × 0.01° at 28.5°N ≈ 1.113 km × 0.978 km
    expect(geometryAreaKm2(cell)).toBeCloseTo(1.088, 2);
  });
});
