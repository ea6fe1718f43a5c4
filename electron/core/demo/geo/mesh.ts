import type { AreaGeometry, LonLat, PolygonGeometry } from '../../../../shared/domain/geometry';
import type { Rng } from '../random';

/**
 * The demo's grid cells as a planar mesh in integer micro-degrees (1e-6°, the stored precision). Every
 * vertex is rounded once and shared by id, so neighbouring cells meet on identical edges and the outline of
 * any set of cells is found exactly by cancelling the edges that occur in both directions.
 */
export interface CellMesh {
  /** Vertex longitudes / latitudes in micro-degrees. */
  vx: number[];
  vy: number[];
  /** Each cell as vertex ids, counter-clockwise (GeoJSON exterior order), not closed. */
  rings: number[][];
}

export const MICRO = 1e6;

export function toDegrees(micro: number): number {
  // Division by 1e6 gives the double nearest to the 6-decimal value, so it prints as exactly that value.
  return micro / MICRO;
}

/** Twice the signed area of a ring of vertex ids, in µ°² (positive: counter-clockwise). */
export function ringArea2(mesh: CellMesh, ring: readonly number[]): number {
  const { vx, vy } = mesh;
  const x0 = vx[ring[0]!]!;
  const y0 = vy[ring[0]!]!;
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += (vx[a]! - x0) * (vy[b]! - y0) - (vx[b]! - x0) * (vy[a]! - y0);
  }
  return sum;
}

/** Area centroid of a ring, in micro-degrees (fractional). */
export function ringCentroid(mesh: CellMesh, ring: readonly number[]): [number, number] {
  const { vx, vy } = mesh;
  const x0 = vx[ring[0]!]!;
  const y0 = vy[ring[0]!]!;
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const ax = vx[ring[i]!]! - x0;
    const ay = vy[ring[i]!]! - y0;
    const bx = vx[ring[(i + 1) % ring.length]!]! - x0;
    const by = vy[ring[(i + 1) % ring.length]!]! - y0;
    const cross = ax * by - bx * ay;
    a2 += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [x0 + cx / (3 * a2), y0 + cy / (3 * a2)];
}

export type MicroBbox = [minX: number, minY: number, maxX: number, maxY: number];

export function ringsBbox(mesh: CellMesh, rings: readonly (readonly number[])[]): MicroBbox {
  const box: MicroBbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const v of ring) {
      const x = mesh.vx[v]!;
      const y = mesh.vy[v]!;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/**
 * The outline of a set of cells: rings of vertex ids, exteriors counter-clockwise and holes clockwise.
 * Interior edges occur once in each direction and cancel; what is left is the boundary, chained into rings.
 */
export function unionOutline(mesh: CellMesh, cells: Iterable<number>): number[][] {
  const n = mesh.vx.length;
  const edges = new Map<number, number>(); // key a*n+b → b
  for (const c of cells) {
    const ring = mesh.rings[c]!;
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      const reverse = b * n + a;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(a * n + b, b);
    }
  }
  // Outgoing boundary edges per vertex. A vertex with two (two rounded Voronoi vertices merged into one, or
  // a region touching itself at a corner) is resolved by taking the sharpest left turn, which keeps each
  // ring simple.
  const out = new Map<number, number[]>();
  for (const [key, b] of edges) {
    const a = (key - b) / n;
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  }
  const rings: number[][] = [];
  for (const [start, firstTargets] of out) {
    while (firstTargets.length > 0) {
      const ring: number[] = [start];
      let prev = start;
      let cur = firstTargets.shift()!;
      while (cur !== start) {
        ring.push(cur);
        const targets = out.get(cur);
        if (!targets || targets.length === 0) throw new Error('unionOutline: open boundary (the cells do not tile)');
        let pick = 0;
        if (targets.length > 1) pick = sharpestLeft(mesh, prev, cur, targets);
        prev = cur;
        cur = targets.splice(pick, 1)[0]!;
      }
      rings.push(ring);
    }
  }
  return rings;
}

function sharpestLeft(mesh: CellMesh, prev: number, cur: number, targets: readonly number[]): number {
  const { vx, vy } = mesh;
  const dx = vx[cur]! - vx[prev]!;
  const dy = vy[cur]! - vy[prev]!;
  let best = 0;
  let bestTurn = -Infinity;
  targets.forEach((t, i) => {
    const ex = vx[t]! - vx[cur]!;
    const ey = vy[t]! - vy[cur]!;
    const turn = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
    if (turn > bestTurn) {
      bestTurn = turn;
      best = i;
    }
  });
  return best;
}

function pointInIdRing(mesh: CellMesh, x: number, y: number, ring: readonly number[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = mesh.vx[ring[i]!]!;
    const yi = mesh.vy[ring[i]!]!;
    const xj = mesh.vx[ring[j]!]!;
    const yj = mesh.vy[ring[j]!]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function closedCoords(mesh: CellMesh, ring: readonly number[]): LonLat[] {
  const coords = ring.map((v): LonLat => [toDegrees(mesh.vx[v]!), toDegrees(mesh.vy[v]!)]);
  coords.push(coords[0]!);
  return coords;
}

/** GeoJSON for outline rings: a Polygon when there is one exterior, else a MultiPolygon with each hole under the exterior that holds it. */
export function outlineGeometry(mesh: CellMesh, rings: readonly number[][]): AreaGeometry {
  const exteriors = rings.filter((r) => ringArea2(mesh, r) > 0);
  const holes = rings.filter((r) => ringArea2(mesh, r) < 0);
  if (exteriors.length === 1) {
    return { type: 'Polygon', coordinates: [exteriors[0]!, ...holes].map((r) => closedCoords(mesh, r)) };
  }
  // Smallest exterior first, so a hole goes to the innermost exterior that contains it.
  const order = exteriors.map((r, i) => ({ r, i, a: ringArea2(mesh, r) })).sort((p, q) => p.a - q.a || p.i - q.i);
  const holesOf = exteriors.map((): number[][] => []);
  for (const hole of holes) {
    const onRing = new Set(hole);
    const home = order.find(({ r }) => {
      // Test a point just inside the hole's first edge; a hole vertex may lie on the exterior itself.
      const a = hole[0]!;
      const b = hole[1]!;
      const x = (mesh.vx[a]! + mesh.vx[b]!) / 2;
      const y = (mesh.vy[a]! + mesh.vy[b]!) / 2;
      return r.some((v) => !onRing.has(v)) && pointInIdRing(mesh, x, y, r);
    });
    if (!home) throw new Error('outlineGeometry: a hole outside every exterior');
    holesOf[home.i]!.push(hole);
  }
  return {
    type: 'MultiPolygon',
    coordinates: exteriors.map((r, i) => [r, ...holesOf[i]!].map((ring) => closedCoords(mesh, ring))),
  };
}

export function cellGeometry(mesh: CellMesh, cell: number): PolygonGeometry {
  return { type: 'Polygon', coordinates: [closedCoords(mesh, mesh.rings[cell]!)] };
}

/**
 * A random point well inside a (convex) cell, in integer micro-degrees: uniform over a triangle fan around
 * the centroid, pulled 15% towards it so that rounding can never push it across an edge.
 */
export function randomPointInCell(mesh: CellMesh, cell: number, rng: Rng): [number, number] {
  const ring = mesh.rings[cell]!;
  const [cx, cy] = ringCentroid(mesh, ring);
  const areas: number[] = [];
  let total = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const area = Math.abs((mesh.vx[a]! - cx) * (mesh.vy[b]! - cy) - (mesh.vx[b]! - cx) * (mesh.vy[a]! - cy));
    areas.push(area);
    total += area;
  }
  let pick = rng.next() * total;
  let k = 0;
  while (k < areas.length - 1 && pick >= areas[k]!) pick -= areas[k++]!;
  const a = ring[k]!;
  const b = ring[(k + 1) % ring.length]!;
  let u = rng.next();
  let v = rng.next();
  if (u + v > 1) {
    u = 1 - u;
    v = 1 - v;
  }
  const px = cx + u * (mesh.vx[a]! - cx) + v * (mesh.vx[b]! - cx);
  const py = cy + u * (mesh.vy[a]! - cy) + v * (mesh.vy[b]! - cy);
  return [Math.round(cx + 0.85 * (px - cx)), Math.round(cy + 0.85 * (py - cy))];
}
