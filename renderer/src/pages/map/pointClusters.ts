/**
 * Grid-based clustering of map points, per zoom: points are binned into square cells of `cell` screen
 * pixels at that zoom; a cell's points become one cluster at their mean position. One linear pass over
 * typed arrays (~19,000 points in a few milliseconds), cached per zoom by the caller. No index to build
 * before the first paint, unlike leaflet.markercluster's.
 */

export interface PointSet {
  /** Zoom-0 pixels, interleaved [x0, y0, x1, y1, …]. */
  xy: Float64Array;
  /** Per point an index into the categories. */
  kind: Uint8Array;
  kinds: readonly string[];
}

export interface Cluster {
  /** Mean position, zoom-0 pixels. */
  x: number;
  y: number;
  count: number;
  /** The point's index when count = 1. */
  first: number;
  /** Points per category (index as in `kinds`). */
  byKind: Uint32Array;
  /** Extent of its points, zoom-0 pixels. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Cluster the points whose category is shown, at `scale` (2^zoom) with `cell`-pixel cells. With
 * cell ≤ 0 every point is its own cluster.
 */
export function clusterPoints(set: PointSet, shown: readonly boolean[], scale: number, cell: number): Cluster[] {
  const { xy, kind, kinds } = set;
  const n = kind.length;
  const out: Cluster[] = [];
  const byCell = new Map<number, Cluster>();
  const f = cell > 0 ? scale / cell : 0;
  // Cells per row at this zoom (the world is 256 × scale pixels wide).
  const row = Math.ceil((256 * scale) / Math.max(cell, 1)) + 1;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (!shown[k]) continue;
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    let c = f > 0 ? byCell.get(Math.floor(y * f) * row + Math.floor(x * f)) : undefined;
    if (!c) {
      c = { x: 0, y: 0, count: 0, first: i, byKind: new Uint32Array(kinds.length), minX: x, minY: y, maxX: x, maxY: y };
      if (f > 0) byCell.set(Math.floor(y * f) * row + Math.floor(x * f), c);
      out.push(c);
    }
    c.x += x;
    c.y += y;
    c.count++;
    c.byKind[k]!++;
    if (x < c.minX) c.minX = x;
    if (x > c.maxX) c.maxX = x;
    if (y < c.minY) c.minY = y;
    if (y > c.maxY) c.maxY = y;
  }
  for (const c of out) {
    c.x /= c.count;
    c.y /= c.count;
  }
  return out;
}
