import { Delaunay } from 'd3-delaunay';
import { pointInKmRings, type KmRing } from './projection';
import type { Rng } from '../random';

/**
 * Where the grid cells' Voronoi seeds go. Real seeds (one per grid) fill the areas with a density that is
 * high in towns and low in the countryside; "ghost" seeds outside make the city's edge. Along every area
 * boundary, seeds are placed in mirrored pairs (one each side, half a spacing from the line): the Voronoi
 * edge between a pair is the perpendicular bisector, i.e. the boundary itself, so the union of the real
 * cells follows the given outline closely instead of a staircase. No clipping is ever needed, so every cell
 * stays a whole Voronoi cell and neighbours share their vertices exactly.
 */
export interface SeedArea {
  /** Even-odd rings in km. */
  rings: KmRing[];
  bbox: [number, number, number, number];
}

export interface SeedPlan {
  areas: SeedArea[];
  /** Relative density of grids (≥ 1 in the countryside, higher in towns). */
  density: (x: number, y: number) => number;
  densityMax: number;
  /** How many real seeds (grids). */
  count: number;
}

export interface SeedLayout {
  /** [x0, y0, x1, y1, …] km; the first `realCount` are real seeds, the rest ghosts. */
  points: Float64Array;
  realCount: number;
  /** The area each real seed lies in. */
  areaOf: Int32Array;
  /** Expected cell spacing (km) at a point. */
  spacing: (x: number, y: number) => number;
  bounds: [number, number, number, number];
}

class PointHash {
  private readonly cells = new Map<number, number[]>();
  constructor(private readonly size: number) {}
  private key(ix: number, iy: number): number {
    return (ix + 50000) * 100000 + (iy + 50000);
  }
  add(x: number, y: number): void {
    const k = this.key(Math.floor(x / this.size), Math.floor(y / this.size));
    const list = this.cells.get(k);
    if (list) list.push(x, y);
    else this.cells.set(k, [x, y]);
  }
  /** Whether a stored point lies within r (r must not exceed the hash cell size). */
  anyWithin(x: number, y: number, r: number): boolean {
    const ix = Math.floor(x / this.size);
    const iy = Math.floor(y / this.size);
    const r2 = r * r;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(this.key(ix + dx, iy + dy));
        if (!list) continue;
        for (let i = 0; i < list.length; i += 2) {
          const ex = list[i]! - x;
          const ey = list[i + 1]! - y;
          if (ex * ex + ey * ey < r2) return true;
        }
      }
    }
    return false;
  }
}

const HASH_KM = 3;

export function areaAt(areas: readonly SeedArea[], x: number, y: number): number {
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i]!;
    if (x < a.bbox[0] || y < a.bbox[1] || x > a.bbox[2] || y > a.bbox[3]) continue;
    if (pointInKmRings(x, y, a.rings)) return i;
  }
  return -1;
}

export function placeSeeds(plan: SeedPlan, rng: Rng): SeedLayout {
  const { areas, density, densityMax, count } = plan;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of areas) {
    box[0] = Math.min(box[0], a.bbox[0]);
    box[1] = Math.min(box[1], a.bbox[1]);
    box[2] = Math.max(box[2], a.bbox[2]);
    box[3] = Math.max(box[3], a.bbox[3]);
  }
  const w = box[2] - box[0];
  const h = box[3] - box[1];

  // ∫density over the areas (Monte Carlo) fixes the expected cell area anywhere: area(p) = ∫ρ / (N ρ(p)).
  const probes = 40_000;
  let mass = 0;
  for (let i = 0; i < probes; i++) {
    const x = box[0] + rng.next() * w;
    const y = box[1] + rng.next() * h;
    if (areaAt(areas, x, y) >= 0) mass += density(x, y);
  }
  const unitArea = ((mass / probes) * w * h) / count;
  const spacing = (x: number, y: number) => Math.sqrt(unitArea / density(x, y));

  const real: number[] = [];
  const realArea: number[] = [];
  const ghosts: number[] = [];
  const boundaryLine = new PointHash(HASH_KM);
  const realHash = new PointHash(HASH_KM);
  const ghostHash = new PointHash(HASH_KM);

  // Mirrored pairs along every boundary.
  const FINE = 0.2;
  areas.forEach((area, areaIndex) => {
    for (const ring of area.rings) {
      const n = ring.length / 2;
      let carried = 0;
      for (let i = 0; i < n; i++) {
        const x0 = ring[2 * i]!;
        const y0 = ring[2 * i + 1]!;
        const x1 = ring[2 * ((i + 1) % n)]!;
        const y1 = ring[2 * ((i + 1) % n) + 1]!;
        const len = Math.hypot(x1 - x0, y1 - y0);
        if (len === 0) continue;
        const tx = (x1 - x0) / len;
        const ty = (y1 - y0) / len;
        for (let d = 0; d < len; d += FINE) {
          const px = x0 + tx * d;
          const py = y0 + ty * d;
          boundaryLine.add(px, py);
          carried += FINE;
          const s = spacing(px, py);
          if (carried < s) continue;
          carried = 0;
          // Which side is inside: probe rather than trust the ring's orientation.
          let nx = -ty;
          let ny = tx;
          if (areaAt(areas, px + nx * 0.05, py + ny * 0.05) !== areaIndex) {
            nx = -nx;
            ny = -ny;
            if (areaAt(areas, px + nx * 0.05, py + ny * 0.05) !== areaIndex) continue;
          }
          const ix = px + (nx * s) / 2;
          const iy = py + (ny * s) / 2;
          if (areaAt(areas, ix, iy) === areaIndex && !realHash.anyWithin(ix, iy, Math.min(0.6 * s, HASH_KM))) {
            real.push(ix, iy);
            realArea.push(areaIndex);
            realHash.add(ix, iy);
          }
          // Only the city's outer edge gets a ghost twin; inside, the neighbouring area's own pairs face these.
          const outside = [0.25, 0.5, 1].every((f) => areaAt(areas, px - nx * s * f, py - ny * s * f) < 0);
          const gx = px - (nx * s) / 2;
          const gy = py - (ny * s) / 2;
          if (outside && !ghostHash.anyWithin(gx, gy, Math.min(0.6 * s, HASH_KM))) {
            ghosts.push(gx, gy);
            ghostHash.add(gx, gy);
          }
        }
      }
    }
  });
  if (real.length / 2 >= count) throw new Error(`placeSeeds: ${real.length / 2} boundary seeds leave no room for ${count} grids`);

  // Interior seeds by rejection sampling from the density, kept off the boundary pairs.
  const interiorStart = real.length / 2;
  const drawInterior = (): [number, number, number] => {
    for (let tries = 0; tries < 1_000_000; tries++) {
      const x = box[0] + rng.next() * w;
      const y = box[1] + rng.next() * h;
      if (rng.next() * densityMax > density(x, y)) continue;
      const a = areaAt(areas, x, y);
      if (a < 0) continue;
      const s = Math.min(spacing(x, y), HASH_KM);
      if (boundaryLine.anyWithin(x, y, 0.5 * s) || realHash.anyWithin(x, y, 0.5 * s)) continue;
      return [x, y, a];
    }
    throw new Error('placeSeeds: the areas are too small for the requested density');
  };
  while (real.length / 2 < count) {
    const [x, y, a] = drawInterior();
    real.push(x, y);
    realArea.push(a);
  }

  // Ghosts fill the rest of the box (so no real cell is unbounded), and a far frame holds the convex hull.
  const G = 2.5;
  for (let gx = box[0] - 8; gx <= box[2] + 8; gx += G) {
    for (let gy = box[1] - 8; gy <= box[3] + 8; gy += G) {
      const x = gx + (rng.next() - 0.5) * 0.6 * G;
      const y = gy + (rng.next() - 0.5) * 0.6 * G;
      if (areaAt(areas, x, y) >= 0) continue;
      if (boundaryLine.anyWithin(x, y, Math.min(Math.max(0.9 * spacing(x, y), 1.2), HASH_KM))) continue;
      ghosts.push(x, y);
    }
  }
  const F = 30;
  for (let x = box[0] - F; x <= box[2] + F; x += 10) ghosts.push(x, box[1] - F, x + 5, box[3] + F);
  for (let y = box[1] - F; y <= box[3] + F; y += 10) ghosts.push(box[0] - F, y, box[2] + F, y + 5);
  const bounds: [number, number, number, number] = [box[0] - F - 10, box[1] - F - 10, box[2] + F + 10, box[3] + F + 10];

  const points = new Float64Array(real.length + ghosts.length);
  points.set(real, 0);
  points.set(ghosts, real.length);
  const layout: SeedLayout = { points, realCount: count, areaOf: Int32Array.from(realArea), spacing, bounds };
  relax(layout, areas, interiorStart, boundaryLine);
  return layout;
}

/**
 * Two Lloyd steps for the interior seeds (each moves to its cell's centroid; the boundary pairs stay put): evens out the cell shapes
 * without losing the town/countryside contrast. A move that would leave the seed's area or crowd the
 * boundary pairs is not taken.
 */
function relax(layout: SeedLayout, areas: readonly SeedArea[], interiorStart: number, boundaryLine: PointHash): void {
  const { points, areaOf, spacing } = layout;
  for (let iter = 0; iter < 2; iter++) {
    const voronoi = new Delaunay(points).voronoi(layout.bounds);
    for (let i = interiorStart; i < layout.realCount; i++) {
      const poly = voronoi.cellPolygon(i);
      if (!poly) continue;
      let a2 = 0;
      let cx = 0;
      let cy = 0;
      for (let k = 0; k < poly.length - 1; k++) {
        const [ax, ay] = poly[k]!;
        const [bx, by] = poly[k + 1]!;
        const cross = ax * by - bx * ay;
        a2 += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
      }
      if (a2 === 0) continue;
      const nx = cx / (3 * a2);
      const ny = cy / (3 * a2);
      if (areaAt(areas, nx, ny) !== areaOf[i]) continue;
      if (boundaryLine.anyWithin(nx, ny, Math.min(0.45 * spacing(nx, ny), HASH_KM))) continue;
      points[2 * i] = nx;
      points[2 * i + 1] = ny;
    }
  }
}
