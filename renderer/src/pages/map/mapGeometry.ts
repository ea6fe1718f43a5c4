/**
 * Drawing helpers on decoded boundary features ([lon, lat] rings): a label point that lies inside the shape
 * (a centroid can fall outside a crescent-shaped village) and Leaflet's [lat, lng] nesting. The geometry
 * itself (boxes, areas) is shared/domain/geometry.ts's.
 */
import type { BoundaryFeature } from '../../../../shared/domain/mapLayers';
import { polygonsBbox, ringSignedArea, type LonLat } from '../../../../shared/domain/geometry';

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
    const a = Math.abs(ringSignedArea(outer));
    if (a > bestArea) {
      bestArea = a;
      best = outer;
    }
  }
  if (!best) return null;
  const box = polygonsBbox([[best]])!;
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
