/**
 * A local equirectangular projection around the city: kilometres east/north of an origin. Voronoi cells are
 * computed in kilometres so they are not stretched east–west (a degree of longitude is ~12% shorter than a
 * degree of latitude at 28.7°N); their vertices are then rounded to micro-degrees once.
 */
export interface Projection {
  lon0: number;
  lat0: number;
  /** km per degree of longitude / latitude at lat0. */
  kx: number;
  ky: number;
}

export function projectionAt(lon0: number, lat0: number): Projection {
  return { lon0, lat0, kx: 111.32 * Math.cos((lat0 * Math.PI) / 180), ky: 110.574 };
}

export function toKm(p: Projection, lon: number, lat: number): [number, number] {
  return [(lon - p.lon0) * p.kx, (lat - p.lat0) * p.ky];
}

/** Kilometres → integer micro-degrees (the stored precision). Deterministic: the same input always lands on the same integer. */
export function kmToMicro(p: Projection, x: number, y: number): [number, number] {
  return [Math.round((p.lon0 + x / p.kx) * 1e6), Math.round((p.lat0 + y / p.ky) * 1e6)];
}

export function microToKm(p: Projection, mx: number, my: number): [number, number] {
  return [(mx / 1e6 - p.lon0) * p.kx, (my / 1e6 - p.lat0) * p.ky];
}

/** A closed-or-open ring in km as [x0, y0, x1, y1, …]. */
export type KmRing = number[];

export function kmRingArea(ring: KmRing): number {
  let sum = 0;
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum += ring[2 * i]! * ring[2 * j + 1]! - ring[2 * j]! * ring[2 * i + 1]!;
  }
  return sum / 2;
}

export function pointInKmRings(x: number, y: number, rings: readonly KmRing[]): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
