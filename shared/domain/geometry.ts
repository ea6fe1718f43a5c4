/**
 * The one geometry module: areas (grids, divisions) and points on WGS-84 longitude/latitude degrees.
 * Point-in-area with holes and an exact on-edge test, bounding boxes, areas, overlap, and great-circle
 * distance. Grids are a few hundred metres across, so treating degrees as a plane inside one polygon is
 * exact enough; distances use the haversine formula. Datum conversion (GCJ-02) is coordinates.ts's.
 */

/** A position: longitude first, as GeoJSON. */
export type LonLat = [lon: number, lat: number];
export type Ring = LonLat[];
/** A polygon's rings: the first is the outline, the others are holes (GeoJSON). */
export type PolygonCoords = Ring[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoords;
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}
/** A GeoJSON Polygon or MultiPolygon with [lon, lat] positions. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Where a point in China can lie: outside this box a coordinate is a typo, or longitude and latitude swapped. */
export const CHINA_BOUNDS = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export function inChina(lon: number, lat: number): boolean {
  return lon >= CHINA_BOUNDS.minLon && lon <= CHINA_BOUNDS.maxLon && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat;
}

/** [minLon, minLat, maxLon, maxLat], as the contract carries it. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Where a point lies relative to a ring or polygon. 'on' = on an edge or vertex. */
export type Placement = 'in' | 'on' | 'out';

function polygonsOf(g: AreaGeometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Apply a position transform to every vertex of an area, keeping its shape. */
export function mapGeometry<G extends AreaGeometry>(g: G, fn: (p: LonLat) => LonLat): G {
  const rings = (poly: PolygonCoords) => poly.map((ring) => ring.map(fn));
  return (g.type === 'Polygon' ? { ...g, coordinates: rings(g.coordinates) } : { ...g, coordinates: g.coordinates.map(rings) }) as G;
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

// ---------------------------------------------------------------- point in area

/** Ray casting, plus an exact on-edge test: a point on a shared edge must not vanish between two grids. */
export function placeInRing(lon: number, lat: number, ring: readonly LonLat[]): Placement {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[j]!;
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

/** First ring is the outline, the others are holes. A point on a hole's edge is 'on'. */
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

/** Inside the area or on its edge (not in a hole): the yes/no form of placeInArea. */
export function pointInPolygon(p: LonLat, geometry: AreaGeometry): boolean {
  return placeInArea(p[0], p[1], geometry) !== 'out';
}

// ---------------------------------------------------------------- boxes

/** The box of the polygons' outlines; null when there are none. */
export function polygonsBbox(polygons: readonly PolygonCoords[]): Bbox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** The box of an area (an empty one gives the inverted infinite box, which contains and meets nothing). */
export function geometryBbox(g: AreaGeometry): Bbox {
  return polygonsBbox(polygonsOf(g)) ?? [Infinity, Infinity, -Infinity, -Infinity];
}

export function unionBbox(boxes: Iterable<Bbox | null>): Bbox | null {
  let out: Bbox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

export function bboxContains(box: Bbox, lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

/** Do two boxes share interior (touching edges do not count)? */
export function bboxesMeet(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

// ---------------------------------------------------------------- areas and distances

/** Shoelace area in square degrees: positive for a counter-clockwise ring (GeoJSON's exterior order). */
export function ringSignedArea(ring: readonly LonLat[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Relative to the first vertex: keeps the products small, so the sum stays exact enough at 1e-6°.
  const [x0, y0] = ring[0]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return sum / 2;
}

/** Planar area (square degrees) of an area: outlines minus holes. */
export function geometryArea(g: AreaGeometry): number {
  let total = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine): "nearest service points" and the like. */
export function distanceKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Approximate area in km² (equirectangular at the area's mean latitude; fine at city scale). */
export function geometryAreaKm2(g: AreaGeometry): number {
  const box = geometryBbox(g);
  const midLat = ((box[1] + box[3]) / 2) * (Math.PI / 180);
  const kmPerDegLat = (Math.PI * EARTH_RADIUS_KM) / 180;
  return geometryArea(g) * kmPerDegLat * kmPerDegLat * Math.cos(midLat);
}

/** Planar distance (degrees) from a point to the nearest edge of an area's rings. */
export function distanceToBoundary(lon: number, lat: number, geometry: AreaGeometry): number {
  let best = Infinity;
  for (const poly of polygonsOf(geometry)) {
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

// ---------------------------------------------------------------- overlap

/** Do two segments cross at a single interior point (not merely touch or run along each other)? */
export function segmentsCross(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const o = (p: LonLat, q: LonLat, r: LonLat) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

export function outerRings(geometry: AreaGeometry): Ring[] {
  return polygonsOf(geometry).map((p) => p[0] ?? []);
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
export function interiorProbe(geometry: AreaGeometry): LonLat | null {
  for (const ring of outerRings(geometry)) {
    for (let i = 2; i < ring.length; i++) {
      const p: LonLat = [(ring[i - 2]![0] + ring[i - 1]![0] + ring[i]![0]) / 3, (ring[i - 2]![1] + ring[i - 1]![1] + ring[i]![1]) / 3];
      if (placeInArea(p[0], p[1], geometry) === 'in') return p;
    }
  }
  return null;
}
