/**
 * Plain geometry on decoded boundary features ([lon, lat] rings): bounding boxes and a label point that
 * lies inside the shape (a centroid can fall outside a crescent-shaped village).
 */
import type { BoundaryFeature } from '../../../../shared/domain/mapLayers';
import type { LonLat } from '../../../../shared/domain/mapEncoding';

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function ringsBbox(polygons: LonLat[][][]): Bbox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons)
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

export function unionBbox(boxes: Iterable<Bbox | null>): Bbox | null {
  let out: Bbox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

function ringArea(ring: LonLat[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(a / 2);
}

/**
 * Where to write a feature's name: on a horizontal line through the middle of its largest polygon, the
 * midpoint of the widest stretch inside it. Always inside the outer ring.
 */
export function labelPoint(feature: BoundaryFeature): LonLat | null {
  let best: LonLat[] | null = null;
  let bestArea = -1;
  for (const rings of feature.polygons) {
    const outer = rings[0];
    if (!outer) continue;
    const a = ringArea(outer);
    if (a > bestArea) {
      bestArea = a;
      best = outer;
    }
  }
  if (!best) return null;
  const box = ringsBbox([[best]])!;
  const y = (box[1] + box[3]) / 2;
  const xs: number[] = [];
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [x1, y1] = best[j]!;
    const [x2, y2] = best[i]!;
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let mid = (box[0] + box[2]) / 2;
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > widest) {
      widest = w;
      mid = (xs[i]! + xs[i + 1]!) / 2;
    }
  }
  return [mid, y];
}

/** [lon, lat] rings → Leaflet's [lat, lng] nesting, for L.polygon. */
export function toLatLngs(polygons: LonLat[][][]): [number, number][][][] {
  return polygons.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => [lat, lon] as [number, number])));
}
