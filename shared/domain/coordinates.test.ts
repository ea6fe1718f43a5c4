import { describe, expect, it } from 'vitest';
import { gcj02GeometryToWgs84, gcj02ToWgs84, roundCoordinate, wgs84ToGcj02 } from './coordinates';
import { distanceKm, type LonLat, type MultiPolygonGeometry, type PolygonGeometry } from './geometry';

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
    const a: PolygonGeometry = { type: 'Polygon', coordinates: [[[112, 28], [112.1, 28], [112.1, 28.1], [112, 28]]] };
    const b: MultiPolygonGeometry = { type: 'MultiPolygon', coordinates: [[[[112.1, 28], [112.2, 28], [112.1, 28.1], [112.1, 28]]]] };
    const wa = gcj02GeometryToWgs84(a);
    const wb = gcj02GeometryToWgs84(b);
    expect(wa.type).toBe('Polygon');
    expect(wb.type).toBe('MultiPolygon');
    expect(wa.coordinates[0]![1]).toEqual(wb.coordinates[0]![0]![0]);
    for (const v of wa.coordinates[0]!) expect(roundCoordinate(v[0]!)).toBe(v[0]);
  });
});
