import { Delaunay } from 'd3-delaunay';
import { ringArea2, ringCentroid, type CellMesh } from './mesh';
import { kmToMicro, microToKm, type Projection } from './projection';
import type { SeedLayout } from './seeds';

/**
 * The real seeds' Voronoi cells as an integer mesh plus the cell adjacency graph. A cell's vertices are the
 * circumcenters of the Delaunay triangles around its seed; each circumcenter is computed once and rounded
 * once, so two neighbouring cells always hold the very same vertex ids on their shared edge.
 */
export interface CellGraph {
  mesh: CellMesh;
  count: number;
  /** Neighbours across a shared edge (not just a shared corner). */
  neighbors: number[][];
  /** Cell centroids in km (for distances) and in micro-degrees (stored, rounded). */
  kx: Float64Array;
  ky: Float64Array;
  centerLon: Int32Array;
  centerLat: Int32Array;
  areaKm2: Float64Array;
}

export function buildCells(layout: SeedLayout, projection: Projection): CellGraph {
  const delaunay = new Delaunay(layout.points);
  const { circumcenters } = delaunay.voronoi(layout.bounds);
  const { inedges, halfedges, triangles } = delaunay;

  const vertexOfTriangle = new Int32Array(triangles.length / 3).fill(-1);
  const vertexByKey = new Map<string, number>();
  const vx: number[] = [];
  const vy: number[] = [];
  const vertexOf = (t: number): number => {
    const known = vertexOfTriangle[t]!;
    if (known >= 0) return known;
    const [mx, my] = kmToMicro(projection, circumcenters[2 * t]!, circumcenters[2 * t + 1]!);
    // Two circumcenters that round to the same micro-degree point become one vertex (a zero-length edge
    // between four nearly co-circular seeds disappears from both cells alike).
    const key = `${mx},${my}`;
    let id = vertexByKey.get(key);
    if (id === undefined) {
      id = vx.length;
      vx.push(mx);
      vy.push(my);
      vertexByKey.set(key, id);
    }
    vertexOfTriangle[t] = id;
    return id;
  };

  const rings: number[][] = [];
  for (let i = 0; i < layout.realCount; i++) {
    const e0 = inedges[i]!;
    if (e0 === -1) throw new Error(`buildCells: seed ${i} coincides with another`);
    const ring: number[] = [];
    let e = e0;
    do {
      const v = vertexOf(Math.floor(e / 3));
      if (ring[ring.length - 1] !== v) ring.push(v);
      e = e % 3 === 2 ? e - 2 : e + 1;
      if (triangles[e] !== i) throw new Error('buildCells: broken triangulation');
      e = halfedges[e]!;
      if (e === -1) throw new Error(`buildCells: real seed ${i} is on the hull (ghosts do not surround the city)`);
    } while (e !== e0);
    while (ring.length > 1 && ring[0] === ring[ring.length - 1]) ring.pop();
    if (ring.length < 3) throw new Error(`buildCells: cell ${i} collapsed when rounded`);
    rings.push(ring);
  }
  const mesh: CellMesh = { vx, vy, rings };
  for (const ring of rings) if (ringArea2(mesh, ring) < 0) ring.reverse();

  // Adjacency from shared edges: an edge a→b in one cell is b→a in its neighbour.
  const n = vx.length;
  const edgeOwner = new Map<number, number>();
  const neighbors: number[][] = rings.map(() => []);
  rings.forEach((ring, c) => {
    for (let k = 0; k < ring.length; k++) {
      const a = ring[k]!;
      const b = ring[(k + 1) % ring.length]!;
      const other = edgeOwner.get(b * n + a);
      if (other !== undefined) {
        neighbors[c]!.push(other);
        neighbors[other]!.push(c);
        edgeOwner.delete(b * n + a);
      } else {
        edgeOwner.set(a * n + b, c);
      }
    }
  });

  const count = rings.length;
  const kx = new Float64Array(count);
  const ky = new Float64Array(count);
  const centerLon = new Int32Array(count);
  const centerLat = new Int32Array(count);
  const areaKm2 = new Float64Array(count);
  const microArea = (projection.kx / 1e6) * (projection.ky / 1e6);
  rings.forEach((ring, c) => {
    const [mx, my] = ringCentroid(mesh, ring);
    centerLon[c] = Math.round(mx);
    centerLat[c] = Math.round(my);
    const [x, y] = microToKm(projection, mx, my);
    kx[c] = x;
    ky[c] = y;
    areaKm2[c] = (ringArea2(mesh, ring) / 2) * microArea;
  });
  return { mesh, count, neighbors, kx, ky, centerLon, centerLat, areaKm2 };
}

/** Connected components of a subset of cells (all cells when `member` is omitted), largest first. */
export function components(graph: CellGraph, member?: (cell: number) => boolean): number[][] {
  const seen = new Uint8Array(graph.count);
  const result: number[][] = [];
  for (let start = 0; start < graph.count; start++) {
    if (seen[start] || (member && !member(start))) continue;
    const comp = [start];
    seen[start] = 1;
    for (let k = 0; k < comp.length; k++) {
      for (const nb of graph.neighbors[comp[k]!]!) {
        if (!seen[nb] && (!member || member(nb))) {
          seen[nb] = 1;
          comp.push(nb);
        }
      }
    }
    result.push(comp);
  }
  return result.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
