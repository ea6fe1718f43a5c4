import type { Rng } from '../random';
import type { KmRing } from './projection';

/**
 * What the geography is built from: the city, its county-level units and their township slots (names and
 * codes when real, only kinds when synthetic), plus the shape: either a synthetic outline in which counties
 * are grown from anchor points, or real county outlines.
 */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';

export const TOWNSHIP_SUFFIX: Record<Exclude<TownshipKind, 'other'>, string> = { subdistrict: '街道', town: '镇', township: '乡' };

export interface TownshipSlot {
  kind: TownshipKind;
  /** 12-digit code and name, when real; synthetic ones are named after they are placed. */
  code?: string;
  name?: string;
}

export interface CountyPlan {
  /** 12 digits */
  code: string;
  name: string;
  /** The one-character mark in case numbers, (2021)溪调字第00001号. */
  abbreviation: string;
  /** An urban district (区): denser, with subdistricts. */
  urban: boolean;
  townships: TownshipSlot[];
}

export interface CityPlan {
  code: string;
  name: string;
  counties: CountyPlan[];
  synthetic: boolean;
}

export interface DensityPeak {
  x: number;
  y: number;
  amplitude: number;
  sigma: number;
}

/** A density of grids per km² (relative): 1 in the countryside plus Gaussian peaks for towns. */
export function densityField(peaks: readonly DensityPeak[]): { density: (x: number, y: number) => number; max: number } {
  const density = (x: number, y: number) => {
    let d = 1;
    for (const p of peaks) {
      const dx = x - p.x;
      const dy = y - p.y;
      const reach = 4 * p.sigma;
      if (dx > reach || dx < -reach || dy > reach || dy < -reach) continue;
      d += p.amplitude * Math.exp(-(dx * dx + dy * dy) / (2 * p.sigma * p.sigma));
    }
    return d;
  };
  const max = 1 + peaks.reduce((s, p) => s + p.amplitude, 0);
  return { density, max };
}

/** Counties grown inside one outline from anchor points, to target sizes in grids. */
export interface GrownCounties {
  kind: 'grown';
  outline: KmRing;
  anchors: [number, number][];
  targets: number[];
}

export const SYNTHETIC_CENTER = { lon: 111.85, lat: 28.75 };
export const SYNTHETIC_CITY_CODE = '439900000000';

interface SyntheticCounty {
  code6: string;
  name: string;
  abbreviation: string;
  urban: boolean;
  kinds: [subdistricts: number, towns: number, townships: number, other: number];
  anchor: [number, number];
  grids: number;
  seat: { amplitude: number; sigma: number } | null;
}

/**
 * The fictional 清溪市 (code 4399, unused by any real city): Yiyang's scale and rough shape — two urban
 * districts around a dense core in the east, a lake plain in the north, hills in the west — but its own names.
 */
const SYNTHETIC_COUNTIES: SyntheticCounty[] = [
  { code6: '439902', name: '溪城区', abbreviation: '溪', urban: true, kinds: [5, 3, 1, 0], anchor: [34, -4], grids: 520, seat: null },
  { code6: '439903', name: '望麓区', abbreviation: '麓', urban: true, kinds: [6, 9, 2, 0], anchor: [44, -22], grids: 800, seat: null },
  { code6: '439921', name: '澜湖县', abbreviation: '澜', urban: false, kinds: [0, 10, 2, 0], anchor: [10, 30], grids: 700, seat: { amplitude: 5, sigma: 2.5 } },
  { code6: '439922', name: '枫林县', abbreviation: '枫', urban: false, kinds: [0, 12, 3, 0], anchor: [-5, -28], grids: 780, seat: { amplitude: 5, sigma: 2.5 } },
  { code6: '439923', name: '云峰县', abbreviation: '云', urban: false, kinds: [0, 18, 5, 0], anchor: [-45, 0], grids: 1400, seat: { amplitude: 5, sigma: 2.5 } },
  { code6: '439971', name: '清溪市北洲管理区', abbreviation: '洲', urban: false, kinds: [0, 4, 0, 1], anchor: [45, 28], grids: 230, seat: { amplitude: 3, sigma: 2 } },
  { code6: '439972', name: '清溪高新技术产业开发区', abbreviation: '高', urban: true, kinds: [2, 1, 0, 0], anchor: [55, -12], grids: 200, seat: { amplitude: 6, sigma: 3 } },
  { code6: '439981', name: '湘澜市', abbreviation: '湘', urban: false, kinds: [3, 10, 1, 0], anchor: [52, 8], grids: 1186, seat: { amplitude: 7, sigma: 3 } },
];

/** The city core (both urban districts' seats). */
const CORE = { x: 40, y: -12, amplitude: 22, sigma: 5 };

export function syntheticPlan(): CityPlan {
  return {
    code: SYNTHETIC_CITY_CODE,
    name: '清溪市',
    synthetic: true,
    counties: SYNTHETIC_COUNTIES.map((c) => {
      const kinds: TownshipKind[] = ['subdistrict', 'town', 'township', 'other'];
      const townships: TownshipSlot[] = [];
      c.kinds.forEach((n, i) => {
        for (let k = 0; k < n; k++) townships.push({ kind: kinds[i]! });
      });
      return { code: c.code6 + '000000', name: c.name, abbreviation: c.abbreviation, urban: c.urban, townships };
    }),
  };
}

/** An irregular, roughly elliptical outline (~12,300 km²) around the synthetic center. */
export function syntheticOutline(rng: Rng): KmRing {
  const harmonics = [2, 3, 4, 5, 6, 9, 13].map((k) => ({ k, amp: (k < 7 ? 0.09 : 0.025) * rng.float(0.5, 1.2), phase: rng.float(0, 2 * Math.PI) }));
  const ring: KmRing = [];
  const N = 480;
  for (let i = 0; i < N; i++) {
    const t = (2 * Math.PI * i) / N;
    let r = 1;
    for (const h of harmonics) r += h.amp * Math.sin(h.k * t + h.phase);
    ring.push(74 * r * Math.cos(t), 52 * r * Math.sin(t));
  }
  return ring;
}

export function syntheticShape(rng: Rng): { counties: GrownCounties; peaks: DensityPeak[] } {
  const outline = syntheticOutline(rng);
  const peaks: DensityPeak[] = [CORE];
  for (const c of SYNTHETIC_COUNTIES) if (c.seat) peaks.push({ x: c.anchor[0], y: c.anchor[1], ...c.seat });
  peaks.push(...townBumps(rng, [-80, -56, 80, 56]));
  return {
    counties: { kind: 'grown', outline, anchors: SYNTHETIC_COUNTIES.map((c) => c.anchor), targets: SYNTHETIC_COUNTIES.map((c) => c.grids) },
    peaks,
  };
}

/** Small density bumps scattered over the box: market towns and villages along roads. */
export function townBumps(rng: Rng, box: [number, number, number, number]): DensityPeak[] {
  const bumps: DensityPeak[] = [];
  for (let i = 0; i < 70; i++) {
    bumps.push({ x: rng.float(box[0], box[2]), y: rng.float(box[1], box[3]), amplitude: rng.float(0.8, 2.5), sigma: rng.float(1, 2) });
  }
  return bumps;
}

/** Anchors and targets for growing real-named counties inside the synthetic outline (real names, no outlines given). */
export function grownCountiesFor(plan: CityPlan, rng: Rng, total: number): { counties: GrownCounties; peaks: DensityPeak[] } {
  const shape = syntheticShape(rng);
  const n = plan.counties.length;
  const weights = plan.counties.map((c) => c.townships.length);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const targets = weights.map((w) => Math.max(1, Math.round((total * w) / wsum)));
  const anchors = SYNTHETIC_COUNTIES.map((c) => c.anchor);
  while (anchors.length < n) anchors.push([rng.float(-50, 50), rng.float(-30, 30)]);
  return { counties: { ...shape.counties, anchors: anchors.slice(0, n), targets }, peaks: shape.peaks };
}
