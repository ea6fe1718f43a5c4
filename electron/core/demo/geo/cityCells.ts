import type { AreaGeometry, LonLat } from '../../../../shared/domain/geometry';
import type { Rng } from '../random';
import { buildCells, components, type CellGraph } from './cells';
import { densityField, type CityPlan, type DensityPeak, type GrownCounties } from './cityPlan';
import { makeContiguous, powerPartition } from './partition';
import { projectionAt, toKm, type KmRing, type Projection } from './projection';
import { areaAt, placeSeeds, type SeedArea, type SeedLayout } from './seeds';

/**
 * Step one of the geography: the city's grid cells and which county each belongs to. Either counties are
 * grown inside a synthetic outline, or they follow real county outlines (with outline-less units carved out
 * of their hosts).
 */
export interface OutlinedCounties {
  kind: 'outlined';
  /** Per county of the plan, in plan order: its outline, or null when the file has none. */
  outlines: (AreaGeometry | null)[];
  seats: (LonLat | null)[];
}

export type CountyShape = GrownCounties | OutlinedCounties;

export interface CityCells {
  graph: CellGraph;
  projection: Projection;
  /** County index (plan order) of every cell. */
  countyOf: Int32Array;
}

/**
 * Where an outline-less county-level unit sits, by code. 大通湖管理区 (430971) was formed from lake-side
 * land between 南县 and 沅江市, so it is carved around the middle of their shared border; 益阳高新区 (430972)
 * adjoins the city's core in 赫山区, so it is carved halfway between 赫山区's seat and its middle. Anything else
 * without an outline is carved from the largest county at that county's middle.
 */
const CARVE_HINTS: Record<string, { between: [string, string] } | { nearSeatOf: string }> = {
  '430971000000': { between: ['430921000000', '430981000000'] },
  '430972000000': { nearSeatOf: '430903000000' },
};

function geometryToKm(g: AreaGeometry, proj: Projection): KmRing[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rings: KmRing[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const km: KmRing = [];
      // GeoJSON rings repeat the first vertex at the end; the km rings are open.
      for (let i = 0; i < ring.length - 1; i++) km.push(...toKm(proj, ring[i]![0]!, ring[i]![1]!));
      rings.push(km);
    }
  }
  return rings;
}

function bboxOf(rings: readonly KmRing[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      b[0] = Math.min(b[0], r[i]!);
      b[1] = Math.min(b[1], r[i + 1]!);
      b[2] = Math.max(b[2], r[i]!);
      b[3] = Math.max(b[3], r[i + 1]!);
    }
  }
  return b;
}

/**
 * Voronoi cells for the seeds; if some real cells are cut off from the rest (a narrow neck of an outline),
 * their seeds move next to seeds of the main body and the cells are rebuilt, so the city is one piece.
 */
function connectedCells(layout: SeedLayout, areas: readonly SeedArea[], projection: Projection, rng: Rng): CellGraph {
  for (let attempt = 0; attempt < 8; attempt++) {
    const graph = buildCells(layout, projection);
    const comps = components(graph);
    if (comps.length === 1) return graph;
    const main = comps[0]!;
    for (const stray of comps.slice(1)) {
      for (const c of stray) {
        for (;;) {
          const host = main[Math.floor(rng.next() * main.length)]!;
          const s = Math.sqrt(graph.areaKm2[host]!);
          const x = graph.kx[host]! + (rng.next() - 0.5) * 0.6 * s;
          const y = graph.ky[host]! + (rng.next() - 0.5) * 0.6 * s;
          const area = areaAt(areas, x, y);
          if (area < 0) continue;
          layout.points[2 * c] = x;
          layout.points[2 * c + 1] = y;
          layout.areaOf[c] = area;
          break;
        }
      }
    }
  }
  throw new Error('buildCityCells: could not make the city one connected piece');
}

export function buildCityCells(plan: CityPlan, shape: CountyShape, peaks: DensityPeak[], gridCount: number, rng: Rng, projection: Projection): CityCells {
  const { density, max } = densityField(peaks);
  if (shape.kind === 'grown') {
    const rings = [shape.outline];
    const areas: SeedArea[] = [{ rings, bbox: bboxOf(rings) }];
    const layout = placeSeeds({ areas, density, densityMax: max, count: gridCount }, rng);
    const graph = connectedCells(layout, areas, projection, rng);
    const countyOf = powerPartition(graph, shape.anchors, shape.targets, rng);
    return { graph, projection, countyOf };
  }

  // Real outlines: one seed area per county that has one.
  const withOutline: number[] = [];
  const areas: SeedArea[] = [];
  shape.outlines.forEach((g, i) => {
    if (!g) return;
    const rings = geometryToKm(g, projection);
    withOutline.push(i);
    areas.push({ rings, bbox: bboxOf(rings) });
  });
  if (areas.length === 0) throw new Error('buildCityCells: no county outline');
  const layout = placeSeeds({ areas, density, densityMax: max, count: gridCount }, rng);
  const graph = connectedCells(layout, areas, projection, rng);
  const countyOf = new Int32Array(graph.count);
  for (let c = 0; c < graph.count; c++) countyOf[c] = withOutline[layout.areaOf[c]!]!;

  // An outline-less unit takes the cells nearest its anchor until it covers a third of its "fair" share of the
  // land (by its number of townships): such units (a lake farm district, a high-tech zone) are smaller
  // than ordinary counties.
  const totalTownships = plan.counties.reduce((s, c) => s + c.townships.length, 0);
  let cityArea = 0;
  for (let c = 0; c < graph.count; c++) cityArea += graph.areaKm2[c]!;
  plan.counties.forEach((county, i) => {
    if (shape.outlines[i]) return;
    const targetArea = (0.35 * cityArea * county.townships.length) / totalTownships;
    const [ax, ay, hosts] = carveAnchor(plan, shape, i, projection, countyOf, graph);
    const candidates: number[] = [];
    for (let c = 0; c < graph.count; c++) if (hosts.includes(countyOf[c]!)) candidates.push(c);
    candidates.sort((a, b) => Math.hypot(graph.kx[a]! - ax, graph.ky[a]! - ay) - Math.hypot(graph.kx[b]! - ax, graph.ky[b]! - ay) || a - b);
    let area = 0;
    let taken = 0;
    for (const c of candidates) {
      if (area >= targetArea && taken >= county.townships.length * 3) break;
      countyOf[c] = i;
      area += graph.areaKm2[c]!;
      taken++;
    }
  });
  makeContiguous(graph, countyOf, plan.counties.length);
  return { graph, projection, countyOf };
}

function carveAnchor(plan: CityPlan, shape: OutlinedCounties, county: number, proj: Projection, countyOf: Int32Array, graph: CellGraph): [number, number, number[]] {
  const indexOf = (code: string) => plan.counties.findIndex((c) => c.code === code);
  const hint = CARVE_HINTS[plan.counties[county]!.code];
  if (hint && 'between' in hint) {
    const [a, b] = hint.between.map(indexOf) as [number, number];
    const ga = a >= 0 ? shape.outlines[a] : null;
    const gb = b >= 0 ? shape.outlines[b] : null;
    if (ga && gb) {
      const ringA = ga.type === 'Polygon' ? ga.coordinates[0]! : ga.coordinates[0]![0]!;
      const ringsB = gb.type === 'Polygon' ? [gb.coordinates[0]!] : gb.coordinates.map((p) => p[0]!);
      const inB = new Set(ringsB.flat().map((p) => `${p[0]},${p[1]}`));
      const shared = ringA.filter((p) => inB.has(`${p[0]},${p[1]}`));
      if (shared.length > 0) {
        const mid = shared[Math.floor(shared.length / 2)]!;
        return [...toKm(proj, mid[0]!, mid[1]!), [a, b]];
      }
    }
  }
  if (hint && 'nearSeatOf' in hint) {
    const host = indexOf(hint.nearSeatOf);
    const seat = host >= 0 ? shape.seats[host] : null;
    if (seat) {
      const [sx, sy] = toKm(proj, seat[0], seat[1]);
      const [mx, my] = middleOf(graph, countyOf, host);
      return [sx + 0.5 * (mx - sx), sy + 0.5 * (my - sy), [host]];
    }
  }
  const sizes = plan.counties.map((_, i) => countyOf.filter((c) => c === i).length);
  const largest = sizes.indexOf(Math.max(...sizes));
  return [...middleOf(graph, countyOf, largest), [largest]];
}

function middleOf(graph: CellGraph, countyOf: Int32Array, county: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let c = 0; c < graph.count; c++) {
    if (countyOf[c] !== county) continue;
    sx += graph.kx[c]!;
    sy += graph.ky[c]!;
    n++;
  }
  return [sx / n, sy / n];
}

/** The projection origin: the middle of the real outlines, or the synthetic center. */
export function projectionFor(shape: CountyShape, fallback: { lon: number; lat: number }): Projection {
  if (shape.kind === 'grown') return projectionAt(fallback.lon, fallback.lat);
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const g of shape.outlines) {
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) {
      for (const pos of p[0]!) {
        minLon = Math.min(minLon, pos[0]!);
        minLat = Math.min(minLat, pos[1]!);
        maxLon = Math.max(maxLon, pos[0]!);
        maxLat = Math.max(maxLat, pos[1]!);
      }
    }
  }
  return projectionAt((minLon + maxLon) / 2, (minLat + maxLat) / 2);
}

