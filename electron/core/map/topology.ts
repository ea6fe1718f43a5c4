import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { encodeArcs, encodeCodes, encodeShapes, type ArcRefs } from '../../../shared/domain/mapEncoding';

/**
 * Boundaries of one level as a topology: neighbours reference the same arc for their common border, so
 * simplifying an arc moves both sides together and no gap or overlap can open between them. The expensive
 * part (finding shared arcs, ranking every vertex by its visual weight) is done once per data version;
 * each zoom tier then only filters by weight, quantizes and encodes.
 */
export interface AreaFeatureInput {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** A vertex: lon, lat, and the area of the triangle it spans when removed (Visvalingam weight). */
type WeightedPoint = [number, number, number];

export interface PreparedTopology {
  codes: string[];
  names: string[];
  arcs: WeightedPoint[][];
  shapes: ArcRefs[];
  bbox: [number, number, number, number] | null;
}

export function prepareTopology(features: readonly AreaFeatureInput[]): PreparedTopology {
  const fc: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: features.map((f, i): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', id: i, properties: null, geometry: f.geometry })),
  };
  // No quantization here: arcs are found on the stored coordinates (exact shared vertices); each tier
  // quantizes for its own zoom afterwards.
  const topo = topology({ layer: fc });
  // presimplify returns the arcs as [lon, lat, weight] (its typings say plain positions).
  const pre = presimplify(topo as Parameters<typeof presimplify>[0]) as unknown as Topology & { arcs: WeightedPoint[][] };
  const layer = topo.objects.layer as GeometryCollection;
  const shapes: ArcRefs[] = features.map(() => []);
  for (const g of layer.geometries as GeometryObject[]) {
    const idx = Number(g.id);
    if (g.type === 'Polygon') shapes[idx] = [g.arcs];
    else if (g.type === 'MultiPolygon') shapes[idx] = g.arcs;
  }
  let bbox: PreparedTopology['bbox'] = null;
  if (topo.bbox && features.length > 0) bbox = [topo.bbox[0]!, topo.bbox[1]!, topo.bbox[2]!, topo.bbox[3]!];
  return { codes: features.map((f) => f.code), names: features.map((f) => f.name), arcs: pre.arcs, shapes, bbox };
}

/** Degrees per screen pixel at a zoom (256-px Web Mercator tiles, at the equator: an upper bound). */
export function degreesPerPixel(zoom: number): number {
  return 360 / (256 * 2 ** zoom);
}

export const FULL_DETAIL = 'full' as const;
export type DetailTier = number | typeof FULL_DETAIL;

/** Few tiers, so a pan across zooms reuses cached layers: city, county, township, village, full. */
export function tierForZoom(zoom: number): DetailTier {
  if (zoom <= 9) return 9;
  if (zoom <= 11) return 11;
  if (zoom <= 13) return 13;
  if (zoom <= 15) return 15;
  return FULL_DETAIL;
}

export interface EncodedLayer {
  detail: DetailTier;
  quantization: { scale: [number, number]; translate: [number, number] };
  arcs: string;
  count: number;
  codes: string;
  names: string[];
  shapes: string;
  bbox: [number, number, number, number] | null;
  vertices: number;
}

/**
 * Keep the vertices that matter at this tier (a triangle of less than one square pixel changes no pixel's colour),
 * snap to a grid a quarter pixel fine, and encode. Closed arcs (an island, a ring with no neighbour) keep
 * at least four points so they stay polygons.
 */
export function encodeTier(prep: PreparedTopology, detail: DetailTier): EncodedLayer {
  const px = detail === FULL_DETAIL ? 0 : degreesPerPixel(detail);
  const minWeight = px * px;
  const step = detail === FULL_DETAIL ? 1e-6 : px / 4;
  const tx = prep.bbox ? prep.bbox[0] : 0;
  const ty = prep.bbox ? prep.bbox[1] : 0;
  let vertices = 0;
  const quantized = prep.arcs.map((arc) => {
    let kept = minWeight > 0 ? arc.filter((p) => p[2] >= minWeight) : arc;
    const closed = arc.length > 3 && arc[0]![0] === arc[arc.length - 1]![0] && arc[0]![1] === arc[arc.length - 1]![1];
    if (closed && kept.length < 4) kept = keepHeaviest(arc, 4);
    const out: Array<[number, number]> = [];
    for (const p of kept) {
      const q: [number, number] = [Math.round((p[0] - tx) / step), Math.round((p[1] - ty) / step)];
      const last = out[out.length - 1];
      if (last && last[0] === q[0] && last[1] === q[1]) continue;
      out.push(q);
    }
    // Both ends must survive: they are the junctions neighbours share.
    const endQ: [number, number] = [Math.round((arc[arc.length - 1]![0] - tx) / step), Math.round((arc[arc.length - 1]![1] - ty) / step)];
    if (out.length < 2) out.push(endQ);
    vertices += out.length;
    return out;
  });
  return {
    detail,
    quantization: { scale: [step, step], translate: [tx, ty] },
    arcs: encodeArcs(quantized),
    count: prep.codes.length,
    codes: encodeCodes(prep.codes),
    names: prep.names,
    shapes: encodeShapes(prep.shapes),
    bbox: prep.bbox,
    vertices,
  };
}

function keepHeaviest(arc: WeightedPoint[], n: number): WeightedPoint[] {
  const ranked = arc.map((p, i) => ({ i, w: p[2] })).sort((a, b) => b.w - a.w).slice(0, n);
  return ranked.map((r) => r.i).sort((a, b) => a - b).map((i) => arc[i]!);
}
