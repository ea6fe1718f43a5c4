/**
 * The compact encoding of map layers (at city scale the payload and its parsing dominate the first draw:
 * docs/architecture.md, "Measured facts"). Integers — quantized coordinates as deltas, arc indexes, counts — are zig-zag varints
 * written in a URL-safe base-64 alphabet, so a whole layer is one JSON string that needs no escaping and
 * parses in one step. The core encodes, the renderer decodes with the functions below (pure TypeScript).
 *
 * Boundaries are a topology: every edge shared by two neighbours is stored once (an "arc") and referenced
 * by both, so simplification can never open a gap between them.
 */

import type { LonLat } from './geometry';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

export class IntWriter {
  private readonly parts: string[] = [];
  private buf = '';

  write(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`不是整数: ${value}`);
    // zig-zag without 32-bit overflow
    let v = value < 0 ? -value * 2 - 1 : value * 2;
    do {
      let chunk = v % 32;
      v = Math.floor(v / 32);
      if (v > 0) chunk += 32;
      this.buf += ALPHABET[chunk];
    } while (v > 0);
    if (this.buf.length > 4096) {
      this.parts.push(this.buf);
      this.buf = '';
    }
  }

  toString(): string {
    return this.parts.join('') + this.buf;
  }
}

export class IntReader {
  private pos = 0;
  constructor(private readonly s: string) {}

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  read(): number {
    let result = 0;
    let factor = 1;
    for (;;) {
      const code = this.s.charCodeAt(this.pos++);
      const chunk = code < 128 ? VALUE_OF[code]! : -1;
      if (chunk < 0) throw new Error(`地图数据编码无效（位置 ${this.pos - 1}）`);
      result += (chunk % 32) * factor;
      if (chunk < 32) break;
      factor *= 32;
    }
    return result % 2 === 1 ? -(result + 1) / 2 : result / 2;
  }
}

/** Quantized coordinate = round((degrees - translate) / scale). */
export interface Quantization {
  scale: [number, number];
  translate: [number, number];
}


/** Arcs: for each arc, its point count, then the first point and the deltas of the others. */
export function encodeArcs(arcs: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): string {
  const w = new IntWriter();
  for (const arc of arcs) {
    w.write(arc.length);
    let px = 0;
    let py = 0;
    for (const [x, y] of arc) {
      w.write(x - px);
      w.write(y - py);
      px = x;
      py = y;
    }
  }
  return w.toString();
}

export function decodeArcs(encoded: string, q: Quantization): LonLat[][] {
  const r = new IntReader(encoded);
  const arcs: LonLat[][] = [];
  const [sx, sy] = q.scale;
  const [tx, ty] = q.translate;
  while (!r.done) {
    const n = r.read();
    const arc: LonLat[] = new Array<LonLat>(n);
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += r.read();
      y += r.read();
      arc[i] = [x * sx + tx, y * sy + ty];
    }
    arcs.push(arc);
  }
  return arcs;
}

/**
 * Each feature's shape as arc references (TopoJSON convention: ~i = arc i reversed):
 * polygon count, then per polygon its ring count, then per ring its arc count and the arc indexes.
 */
export type ArcRefs = number[][][]; // polygons → rings → arc indexes

export function encodeShapes(shapes: readonly ArcRefs[]): string {
  const w = new IntWriter();
  // Neighbouring features use neighbouring arcs: each index is written as the step from the previous
  // one (doubled, plus 1 when the arc is reversed), which keeps most references to one character.
  let prev = 0;
  for (const polys of shapes) {
    w.write(polys.length);
    for (const rings of polys) {
      w.write(rings.length);
      for (const ring of rings) {
        w.write(ring.length);
        for (const a of ring) {
          const index = a < 0 ? ~a : a;
          w.write((index - prev) * 2 + (a < 0 ? 1 : 0));
          prev = index;
        }
      }
    }
  }
  return w.toString();
}

export function decodeShapes(encoded: string, count: number): ArcRefs[] {
  const r = new IntReader(encoded);
  let prev = 0;
  const shapes: ArcRefs[] = [];
  for (let f = 0; f < count; f++) {
    const polys: ArcRefs = [];
    const np = r.read();
    for (let p = 0; p < np; p++) {
      const rings: number[][] = [];
      const nr = r.read();
      for (let k = 0; k < nr; k++) {
        const na = r.read();
        const ring: number[] = [];
        for (let a = 0; a < na; a++) {
          const v = r.read();
          const reversed = ((v % 2) + 2) % 2 === 1;
          prev += (v - (reversed ? 1 : 0)) / 2;
          ring.push(reversed ? ~prev : prev);
        }
        rings.push(ring);
      }
      polys.push(rings);
    }
    shapes.push(polys);
  }
  return shapes;
}

/** Stitch a ring from its arcs (consecutive arcs share their end/start point, which is kept once). */
export function ringFromArcs(refs: readonly number[], arcs: readonly LonLat[][]): LonLat[] {
  const ring: LonLat[] = [];
  for (const ref of refs) {
    const arc = arcs[ref < 0 ? ~ref : ref];
    if (!arc) continue;
    const n = arc.length;
    for (let i = ring.length > 0 ? 1 : 0; i < n; i++) ring.push(ref < 0 ? arc[n - 1 - i]! : arc[i]!);
  }
  return ring;
}

/** Points: count, then quantized x/y deltas (the core sorts points so the deltas stay small). */
export function encodePoints(points: ReadonlyArray<readonly [number, number]>): string {
  const w = new IntWriter();
  let px = 0;
  let py = 0;
  for (const [x, y] of points) {
    w.write(x - px);
    w.write(y - py);
    px = x;
    py = y;
  }
  return w.toString();
}

export function decodePoints(encoded: string, q: Quantization): LonLat[] {
  const r = new IntReader(encoded);
  const out: LonLat[] = [];
  let x = 0;
  let y = 0;
  while (!r.done) {
    x += r.read();
    y += r.read();
    out.push([x * q.scale[0] + q.translate[0], y * q.scale[1] + q.translate[1]]);
  }
  return out;
}

/**
 * Sorted numeric codes of one width (division or grid codes) as deltas: "430902001201001",
 * "430902001201002" … become one or two characters each. Width first, then the count, then the deltas.
 */
export function encodeCodes(codes: readonly string[]): string {
  const w = new IntWriter();
  const width = codes[0]?.length ?? 0;
  if (!codes.every((c) => c.length === width && /^\d+$/.test(c)) || width > 15) throw new Error('编码须为等长数字');
  w.write(width);
  w.write(codes.length);
  let prev = 0;
  for (const c of codes) {
    const v = Number(c);
    w.write(v - prev);
    prev = v;
  }
  return w.toString();
}

export function decodeCodes(encoded: string): string[] {
  const r = new IntReader(encoded);
  if (r.done) return [];
  const width = r.read();
  const n = r.read();
  const out: string[] = new Array<string>(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    v += r.read();
    out[i] = String(v).padStart(width, '0');
  }
  return out;
}

/** A list of small non-negative integers (ids in layer order, category indexes). */
export function encodeInts(values: readonly number[], delta: boolean): string {
  const w = new IntWriter();
  let prev = 0;
  for (const v of values) {
    w.write(delta ? v - prev : v);
    prev = v;
  }
  return w.toString();
}

export function decodeInts(encoded: string, delta: boolean): number[] {
  const r = new IntReader(encoded);
  const out: number[] = [];
  let prev = 0;
  while (!r.done) {
    const v = r.read();
    prev = delta ? prev + v : v;
    out.push(prev);
  }
  return out;
}
