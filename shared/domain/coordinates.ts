import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Coordinates are stored as WGS-84 (≈ CGCS2000 at map scale) longitude/latitude, rounded to 6 decimals
 * (about 0.1 m). Chinese web maps and many exported boundary files use GCJ-02, an obfuscated offset of a few
 * hundred metres: convert such input once, where it enters.
 */
export type LonLat = [lon: number, lat: number];
export type AreaGeometry = Polygon | MultiPolygon;

export const COORDINATE_DIGITS = 6;

export function roundCoordinate(value: number, digits = COORDINATE_DIGITS): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function gcj02ToWgs84(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}

export function wgs84ToGcj02(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02);
  return [lon, lat];
}

function mapRings(rings: Position[][], fn: (p: LonLat) => LonLat): LonLat[][] {
  return rings.map((ring) => ring.map((pos) => fn([pos[0]!, pos[1]!])));
}

/** Apply a position transform to every vertex of a (Multi)Polygon, keeping its shape. */
export function mapGeometry<G extends AreaGeometry>(g: G, fn: (p: LonLat) => LonLat): G {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: mapRings(g.coordinates, fn) } as Polygon as G;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => mapRings(poly, fn)) } as MultiPolygon as G;
}

/**
 * GCJ-02 boundary → WGS-84, rounded. Each vertex is converted independently and deterministically, so two
 * outlines that shared a vertex before the conversion still share it after.
 */
export function gcj02GeometryToWgs84<G extends AreaGeometry>(g: G, digits = COORDINATE_DIGITS): G {
  return mapGeometry(g, (p) => {
    const [lon, lat] = gcj02ToWgs84(p);
    return [roundCoordinate(lon, digits), roundCoordinate(lat, digits)];
  });
}

/** Shoelace area in square degrees: positive for a counter-clockwise ring (GeoJSON's exterior order). */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Relative to the first vertex: keeps the products small, so the sum stays exact enough at 1e-6°.
  const x0 = ring[0]![0]!;
  const y0 = ring[0]![1]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum / 2;
}

/** Planar area (square degrees) of a (Multi)Polygon: exteriors minus holes. */
export function geometryArea(g: AreaGeometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Even-odd test; a point exactly on an edge may fall either way. */
export function pointInRing(p: readonly number[], ring: readonly Position[]): boolean {
  const x = p[0]!;
  const y = p[1]!;
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside one of the polygons' exteriors and in none of its holes. */
export function pointInPolygon(p: readonly number[], g: AreaGeometry): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const [outer, ...holes] of polys) {
    if (outer && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h))) return true;
  }
  return false;
}

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function geometryBbox(g: AreaGeometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polys) {
    for (const pos of rings[0] ?? []) {
      box[0] = Math.min(box[0], pos[0]!);
      box[1] = Math.min(box[1], pos[1]!);
      box[2] = Math.max(box[2], pos[0]!);
      box[3] = Math.max(box[3], pos[1]!);
    }
  }
  return box;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (for "nearest service points" and the like). */
export function distanceKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Approximate area in km² (equirectangular at the geometry's mean latitude; fine at city scale). */
export function geometryAreaKm2(g: AreaGeometry): number {
  const box = geometryBbox(g);
  const midLat = ((box[1] + box[3]) / 2) * (Math.PI / 180);
  const kmPerDegLat = (Math.PI * EARTH_RADIUS_KM) / 180;
  return geometryArea(g) * kmPerDegLat * kmPerDegLat * Math.cos(midLat);
}
