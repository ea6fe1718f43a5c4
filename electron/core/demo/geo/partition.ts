import { components, type CellGraph } from './cells';
import type { Rng } from '../random';

/**
 * Grouping cells into divisions (counties → townships → villages) by growing contiguous regions over the
 * cell adjacency graph, so that every division is one connected piece and the levels nest exactly.
 */

/** A binary min-heap of (priority, cell). */
class Frontier {
  private pri: number[] = [];
  private cell: number[] = [];
  get size(): number {
    return this.pri.length;
  }
  push(p: number, c: number): void {
    this.pri.push(p);
    this.cell.push(c);
    let i = this.pri.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.pri[parent]! <= p) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.cell[0]!;
    const lastP = this.pri.pop()!;
    const lastC = this.cell.pop()!;
    if (this.pri.length > 0) {
      this.pri[0] = lastP;
      this.cell[0] = lastC;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.pri.length && this.pri[l]! < this.pri[m]!) m = l;
        if (r < this.pri.length && this.pri[r]! < this.pri[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(i: number, j: number): void {
    [this.pri[i], this.pri[j]] = [this.pri[j]!, this.pri[i]!];
    [this.cell[i], this.cell[j]] = [this.cell[j]!, this.cell[i]!];
  }
}

const REGION_LIMIT = 4096;

export interface GrowOptions {
  /** Amplitude of the distance noise (0 = round regions); gives natural, irregular borders. */
  roughness?: number;
}

/**
 * A smooth random field around 1 (three plane waves of a few region-widths): borders bend gently instead of
 * fraying, which per-cell noise would do.
 */
function smoothNoise(graph: CellGraph, cells: readonly number[], k: number, roughness: number, rng: Rng): (c: number) => number {
  let area = 0;
  for (const c of cells) area += graph.areaKm2[c]!;
  const wavelength = 1.5 * Math.sqrt(area / k);
  const waves = [0, 1, 2].map(() => {
    const angle = rng.float(0, Math.PI);
    const f = (2 * Math.PI) / (wavelength * rng.float(0.7, 1.4));
    return { fx: Math.cos(angle) * f, fy: Math.sin(angle) * f, phase: rng.float(0, 2 * Math.PI) };
  });
  return (c) => {
    let v = 0;
    for (const w of waves) v += Math.sin(graph.kx[c]! * w.fx + graph.ky[c]! * w.fy + w.phase);
    return 1 + (roughness * v) / 3;
  };
}

/**
 * Grow one region per seed over `cells` (which must be connected), each towards its target size: the region
 * furthest below its target takes the nearest free cell next to it. Cells left when every region is full or
 * boxed in then go, nearest first, to whichever region reaches them, so regions stay compact and connected.
 * Returns the region index per cell of the graph (-1 outside `cells`).
 */
export function growRegions(graph: CellGraph, cells: readonly number[], seeds: readonly number[], targets: readonly number[], rng: Rng, opts: GrowOptions = {}): Int32Array {
  const noise = smoothNoise(graph, cells, seeds.length, opts.roughness ?? 0.3, rng);
  const owner = new Int32Array(graph.count).fill(-1);
  const inParent = new Uint8Array(graph.count);
  for (const c of cells) inParent[c] = 1;
  const k = seeds.length;
  const frontiers = seeds.map(() => new Frontier());
  const sizes = new Array<number>(k).fill(0);
  const priority = (region: number, c: number) => {
    const s = seeds[region]!;
    return Math.hypot(graph.kx[c]! - graph.kx[s]!, graph.ky[c]! - graph.ky[s]!) * noise(c);
  };
  const claim = (region: number, c: number) => {
    owner[c] = region;
    sizes[region]! += 1;
    for (const nb of graph.neighbors[c]!) {
      if (inParent[nb] && owner[nb] === -1) frontiers[region]!.push(priority(region, nb), nb);
    }
  };
  seeds.forEach((s, r) => {
    if (!inParent[s] || owner[s] !== -1) throw new Error('growRegions: a seed outside the parent or used twice');
    claim(r, s);
  });
  for (;;) {
    let best = -1;
    let bestRatio = Infinity;
    for (let r = 0; r < k; r++) {
      const ratio = sizes[r]! / targets[r]!;
      if (ratio >= 1 || frontiers[r]!.size === 0) continue;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = r;
      }
    }
    if (best < 0) break;
    const f = frontiers[best]!;
    while (f.size > 0) {
      const c = f.pop();
      if (owner[c] === -1) {
        claim(best, c);
        break;
      }
    }
  }
  // Leftovers: every region competes, the nearest claim (by its own distance measure) first. One heap for
  // all regions; its payload packs cell and region.
  if (k > REGION_LIMIT) throw new Error(`growRegions: at most ${REGION_LIMIT} regions`);
  const open = new Frontier();
  const offer = (r: number, c: number) => open.push(priority(r, c), c * REGION_LIMIT + r);
  frontiers.forEach((f, r) => {
    while (f.size > 0) offer(r, f.pop());
  });
  while (open.size > 0) {
    const packed = open.pop();
    const r = packed % REGION_LIMIT;
    const c = (packed - r) / REGION_LIMIT;
    if (owner[c] !== -1) continue;
    owner[c] = r;
    for (const nb of graph.neighbors[c]!) if (inParent[nb] && owner[nb] === -1) offer(r, nb);
  }
  for (const c of cells) if (owner[c] === -1) throw new Error('growRegions: the parent is not connected');
  return owner;
}

/**
 * k well-spread seed cells in `cells`: farthest-point sampling in units of the local cell spacing (so a
 * dense town gets as many seeds per cell as the countryside), then two rounds of moving each seed to the
 * middle of the region it would grow.
 */
export function spreadSeeds(graph: CellGraph, cells: readonly number[], k: number, rng: Rng): number[] {
  if (k > cells.length) throw new Error(`spreadSeeds: ${k} regions cannot fit in ${cells.length} cells`);
  const spacing = (c: number) => Math.sqrt(graph.areaKm2[c]!);
  const dist = (a: number, b: number) => Math.hypot(graph.kx[a]! - graph.kx[b]!, graph.ky[a]! - graph.ky[b]!) / (0.5 * (spacing(a) + spacing(b)));
  const minDist = new Float64Array(cells.length).fill(Infinity);
  const seeds: number[] = [cells[Math.floor(rng.next() * cells.length)]!];
  while (seeds.length < k) {
    const last = seeds[seeds.length - 1]!;
    let best = -1;
    let bestD = -1;
    cells.forEach((c, i) => {
      const d = Math.min(minDist[i]!, dist(c, last));
      minDist[i] = d;
      if (d > bestD) {
        bestD = d;
        best = c;
      }
    });
    seeds.push(best);
  }
  let current = seeds;
  for (let round = 0; round < 2 && k > 1; round++) {
    const owner = growRegions(graph, cells, current, current.map(() => cells.length), rng, { roughness: 0 });
    const members: number[][] = current.map(() => []);
    for (const c of cells) members[owner[c]!]!.push(c);
    current = members.map((m) => {
      let sx = 0;
      let sy = 0;
      for (const c of m) {
        sx += graph.kx[c]!;
        sy += graph.ky[c]!;
      }
      sx /= m.length;
      sy /= m.length;
      let best = m[0]!;
      let bestD = Infinity;
      for (const c of m) {
        const d = Math.hypot(graph.kx[c]! - sx, graph.ky[c]! - sy);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      return best;
    });
  }
  return current;
}

/**
 * Make every region one connected piece: each smaller piece joins the neighbouring region it shares the
 * most edges with. Every region keeps its largest piece, so no region disappears.
 */
export function makeContiguous(graph: CellGraph, owner: Int32Array, regionCount: number): void {
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    for (let r = 0; r < regionCount; r++) {
      const pieces = components(graph, (c) => owner[c] === r);
      for (const piece of pieces.slice(1)) {
        const votes = new Map<number, number>();
        for (const c of piece) {
          for (const nb of graph.neighbors[c]!) {
            const o = owner[nb]!;
            if (o !== r && o >= 0) votes.set(o, (votes.get(o) ?? 0) + 1);
          }
        }
        let to = -1;
        let most = 0;
        for (const [o, v] of votes) {
          if (v > most || (v === most && o < to)) {
            most = v;
            to = o;
          }
        }
        if (to < 0) continue; // an island: only possible if the whole city is not connected
        for (const c of piece) owner[c] = to;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * Counties from anchor points: a power diagram (each cell to the anchor with the least squared distance
 * minus that anchor's weight) whose weights are adjusted until every county holds about its target number
 * of cells. Unlike growing, no county gets boxed in by its neighbours and left to pick up stray strips far
 * from its anchor. Pieces cut off by the noise are then merged into a neighbour.
 */
export function powerPartition(graph: CellGraph, anchors: readonly [number, number][], targets: readonly number[], rng: Rng, roughness = 0.25): Int32Array {
  const cells = Array.from({ length: graph.count }, (_, i) => i);
  const noise = smoothNoise(graph, cells, anchors.length, roughness, rng);
  const k = anchors.length;
  const weight = new Float64Array(k);
  const owner = new Int32Array(graph.count);
  const sizes = new Float64Array(k);
  const areas = new Float64Array(k);
  const assign = () => {
    sizes.fill(0);
    areas.fill(0);
    for (let c = 0; c < graph.count; c++) {
      const f = noise(c);
      let best = 0;
      let bestV = Infinity;
      for (let r = 0; r < k; r++) {
        const [ax, ay] = anchors[r]!;
        const v = ((graph.kx[c]! - ax) ** 2 + (graph.ky[c]! - ay) ** 2) * f * f - weight[r]!;
        if (v < bestV) {
          bestV = v;
          best = r;
        }
      }
      owner[c] = best;
      sizes[best]! += 1;
      areas[best]! += graph.areaKm2[c]!;
    }
  };
  // Each anchor's step shrinks whenever its deficit changes sign (the dense core swings hundreds of cells
  // for a small weight change) and grows slowly while it keeps the same sign.
  const rate = new Float64Array(k).fill(0.3);
  const lastSign = new Float64Array(k);
  for (let iter = 0; iter < 300; iter++) {
    assign();
    let worst = 0;
    for (let r = 0; r < k; r++) {
      const deficit = targets[r]! - sizes[r]!;
      worst = Math.max(worst, Math.abs(deficit) / targets[r]!);
      const sign = Math.sign(deficit);
      rate[r] = sign !== 0 && sign === -lastSign[r]! ? rate[r]! * 0.5 : Math.min(1, rate[r]! * 1.1);
      lastSign[r] = sign;
      // A deficit of n cells is about n × (mean cell area) km² to gain.
      const meanArea = sizes[r]! > 0 ? areas[r]! / sizes[r]! : 2;
      weight[r]! += rate[r]! * deficit * meanArea;
    }
    if (worst < 0.01) break;
  }
  makeContiguous(graph, owner, k);
  return owner;
}
