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

/** Planar distance (degrees) from a point to the nearest edge of an area's rings. */
export function distanceToBoundary(lon: number, lat: number, geometry: AreaGeometry): number {
  let best = Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1]!;
        const [bx, by] = ring[i]!;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((lon - ax) * dx + (lat - ay) * dy) / len2));
        const d = Math.hypot(lon - (ax + t * dx), lat - (ay + t * dy));
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** Do two segments cross at a single interior point (not merely touch or run along each other)? */
export function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

export function outerRings(geometry: AreaGeometry): Ring[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((p) => p[0] ?? []);
}

/**
 * Do two areas overlap (share interior)? Cheap and sufficient for grids that should only touch: an edge
 * of one properly crosses an edge of the other, a vertex of one lies strictly inside the other, or (for
 * identical shapes, which have neither) an interior point of one lies inside the other.
 */
export function areasOverlap(a: AreaGeometry, b: AreaGeometry): boolean {
  const ra = outerRings(a);
  const rb = outerRings(b);
  for (const r1 of ra) for (const p of r1) if (placeInArea(p[0], p[1], b) === 'in') return true;
  for (const r2 of rb) for (const p of r2) if (placeInArea(p[0], p[1], a) === 'in') return true;
  for (const r1 of ra) {
    for (const r2 of rb) {
      for (let i = 1; i < r1.length; i++) {
        for (let j = 1; j < r2.length; j++) if (segmentsCross(r1[i - 1]!, r1[i]!, r2[j - 1]!, r2[j]!)) return true;
      }
    }
  }
  const probe = interiorProbe(a);
  return probe !== null && placeInArea(probe[0], probe[1], b) === 'in';
}

/** Some point strictly inside an area (centroid of the first ear that works), or null for a degenerate one. */
export function interiorProbe(geometry: AreaGeometry): Position | null {
  for (const ring of outerRings(geometry)) {
    for (let i = 2; i < ring.length; i++) {
      const p: Position = [(ring[i - 2]![0] + ring[i - 1]![0] + ring[i]![0]) / 3, (ring[i - 2]![1] + ring[i - 1]![1] + ring[i]![1]) / 3];
      if (placeInArea(p[0], p[1], geometry) === 'in') return p;
    }
  }
  return null;
}
