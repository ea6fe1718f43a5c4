/**
 * The demo's only source of randomness. Math.random cannot be seeded, and the demo must be byte-identical
 * for a seed, so every choice goes through an Rng. Each phase takes its own stream (seed + label): a change
 * in how disputes are drawn does not reshuffle the geography.
 */

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's small fast counter generator): 128-bit state, passes PractRand. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const init = splitmix32((Math.floor(seed) ^ fnv1a(stream) ^ Math.floor(seed / 2 ** 32)) >>> 0);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A key for weighted sampling without replacement (Efraimidis–Spirakis): take the k smallest. */
  weightedKey(weight: number): number {
    return weight > 0 ? -Math.log(1 - this.next()) / weight : Infinity;
  }
}

/** Draws items in proportion to their weights (cumulative table + binary search). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error('WeightedTable: items and weights differ');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('WeightedTable: no positive weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Pick k distinct indices out of n, each with probability in proportion to its weight. */
export function weightedSample(rng: Rng, weights: readonly number[], k: number): number[] {
  const keyed = weights.map((w, i) => ({ i, key: rng.weightedKey(w) }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const picked = keyed.slice(0, k).filter((x) => x.key !== Infinity);
  if (picked.length < k) throw new Error(`weightedSample: only ${picked.length} of ${k} items have a weight`);
  return picked.map((x) => x.i);
}

/**
 * Split `total` into integer parts proportional to `weights` (largest remainder), each within [min, max]
 * where given. Used wherever a source figure must be met exactly (mediators, villages, WeChat members).
 */
export function apportion(total: number, weights: readonly number[], min: readonly number[] | number = 0, max?: readonly number[]): number[] {
  const lo = (i: number) => (typeof min === 'number' ? min : min[i]!);
  const hi = (i: number) => (max ? max[i]! : Infinity);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / wsum);
  const parts = exact.map((x, i) => Math.min(hi(i), Math.max(lo(i), Math.floor(x))));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  // Hand out (or take back) one at a time to the parts with the largest (smallest) remainder that have room.
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) }));
  let guard = 0;
  while (diff !== 0) {
    if (++guard > 1000) throw new Error(`apportion: cannot split ${total} within the bounds`);
    const step = diff > 0 ? 1 : -1;
    order.sort((a, b) => (step > 0 ? b.rem - a.rem : a.rem - b.rem) || a.i - b.i);
    let moved = false;
    for (const { i } of order) {
      if (diff === 0) break;
      const next = parts[i]! + step;
      if (next < lo(i) || next > hi(i)) continue;
      parts[i] = next;
      diff -= step;
      moved = true;
    }
    if (!moved) throw new Error(`apportion: cannot split ${total} within the bounds`);
  }
  return parts;
}
