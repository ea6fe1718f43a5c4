import kinks from '@turf/kinks';
import { gcj02GeometryToWgs84, roundCoordinate } from '../../../shared/domain/coordinates';
import { inChina, mapGeometry, type AreaGeometry } from '../../../shared/domain/geometry';

export type GeometryVerdict =
  | { ok: true; geometry: AreaGeometry }
  | { ok: false; kind: 'invalid_geometry' | 'self_intersection'; message: string };

/**
 * A file's geometry → a stored (Multi)Polygon in WGS-84, or why not: wrong type, rings that are not closed
 * or too short, coordinates that are not numbers or not in China (a swapped lat/lon, projected metres),
 * or edges that cross each other (@turf/kinks).
 */
export function checkGeometry(raw: unknown, crs: 'wgs84' | 'gcj02'): GeometryVerdict {
  if (typeof raw !== 'object' || raw === null) return { ok: false, kind: 'invalid_geometry', message: '缺少几何图形' };
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { ok: false, kind: 'invalid_geometry', message: `几何类型须为 Polygon 或 MultiPolygon（实际为 ${String(g.type)}）` };
  }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return { ok: false, kind: 'invalid_geometry', message: '坐标为空' };
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return { ok: false, kind: 'invalid_geometry', message: '多边形没有环' };
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4) return { ok: false, kind: 'invalid_geometry', message: '多边形的环至少需要4个点（首尾相同）' };
      for (const p of ring) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          return { ok: false, kind: 'invalid_geometry', message: '坐标不是数字' };
        }
        if (!inChina(p[0], p[1])) return { ok: false, kind: 'invalid_geometry', message: `坐标 (${p[0]}, ${p[1]}) 不在中国范围内：请确认为经纬度（经度在前）` };
      }
      const a = ring[0] as number[];
      const b = ring[ring.length - 1] as number[];
      if (a[0] !== b[0] || a[1] !== b[1]) return { ok: false, kind: 'invalid_geometry', message: '多边形的环未闭合（首尾点不同）' };
    }
  }
  // Checked above: every position holds a longitude and a latitude.
  const typed = { type: g.type, coordinates: g.coordinates } as AreaGeometry;
  const wgs = crs === 'gcj02' ? gcj02GeometryToWgs84(typed) : mapGeometry(typed, ([lon, lat]) => [roundCoordinate(lon), roundCoordinate(lat)]);
  const crossings = kinks(wgs).features;
  if (crossings.length > 0) {
    const [x, y] = crossings[0]!.geometry.coordinates;
    return { ok: false, kind: 'self_intersection', message: `边界自相交（${crossings.length} 处，如 ${x?.toFixed(6)}, ${y?.toFixed(6)}）` };
  }
  return { ok: true, geometry: wgs };
}
