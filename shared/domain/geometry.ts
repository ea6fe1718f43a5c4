/**
 * Plane geometry on lon/lat (WGS-84 degrees) for grids and divisions: point-in-polygon with holes,
 * bounding boxes, and a metric distance. Grids are a few hundred metres across, so treating degrees as a
 * plane inside one polygon is exact enough; distances use the haversine formula.
 */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoords;
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Where a point lies relative to a ring or polygon. 'on' = on an edge or vertex. */
export type Placement = 'in' | 'on' | 'out';

/** Ray casting, plus an exact on-edge test: a point on a shared edge must not vanish between two grids. */
export function placeInRing(lon: number, lat: number, ring: Ring): Placement {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const ax = a[0], ay = a[1], bx = b[0], by = b[1];
    // On the segment? (collinear and within its box)
    const cross = (bx - ax) * (lat - ay) - (by - ay) * (lon - ax);
    if (
      Math.abs(cross) <= 1e-12 &&
      lon >= Math.min(ax, bx) && lon <= Math.max(ax, bx) &&
      lat >= Math.min(ay, by) && lat <= Math.max(ay, by)
    ) {
      return 'on';
    }
    if (ay > lat !== by > lat && lon < ((bx - ax) * (lat - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 'in' : 'out';
}

/** First ring is the outline, the others are holes (GeoJSON). A point on a hole's edge is 'on'. */
export function placeInPolygon(lon: number, lat: number, polygon: PolygonCoords): Placement {
  const outer = polygon[0];
  if (!outer) return 'out';
  const p = placeInRing(lon, lat, outer);
  if (p !== 'in') return p;
  for (let h = 1; h < polygon.length; h++) {
    const q = placeInRing(lon, lat, polygon[h]!);
    if (q === 'in') return 'out';
    if (q === 'on') return 'on';
  }
  return 'in';
}

export function placeInArea(lon: number, lat: number, geometry: AreaGeometry): Placement {
  if (geometry.type === 'Polygon') return placeInPolygon(lon, lat, geometry.coordinates);
  let on = false;
  for (const poly of geometry.coordinates) {
    const p = placeInPolygon(lon, lat, poly);
    if (p === 'in') return 'in';
    if (p === 'on') on = true;
  }
  return on ? 'on' : 'out';
}

export function bboxOfArea(geometry: AreaGeometry): BBox {
  const box: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < box.minLon) box.minLon = x;
      if (x > box.maxLon) box.maxLon = x;
      if (y < box.minLat) box.minLat = y;
      if (y > box.maxLat) box.maxLat = y;
    }
  }
  return box;
}

export function bboxContains(box: BBox, lon: number, lat: number): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Parse a stored GeoJSON geometry; null when it is not a (Multi)Polygon. */
export function parseAreaGeometry(json: string): AreaGeometry | null {
  const g: unknown = JSON.parse(json);
  if (typeof g !== 'object' || g === null) return null;
  const t = (g as { type?: unknown }).type;
  const c = (g as { coordinates?: unknown }).coordinates;
  if ((t === 'Polygon' || t === 'MultiPolygon') && Array.isArray(c)) return g as AreaGeometry;
  return null;
}
