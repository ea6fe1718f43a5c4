import type { Knex } from 'knex';
import { SERVICE_POINT_CATEGORIES } from '../../shared/domain/servicePoints';

/**
 * A Yiyang-sized city of edge-sharing grids for benchmarks when the demo generator is not at hand:
 * a lattice of cells whose borders are wavy polylines (10 vertices per side, ~40 per grid), each border
 * generated once and used by both neighbours — as real grid boundaries are. Counties, townships and
 * villages are rectangular blocks of cells with outlines walked along the same borders. Expects an empty
 * database (grid ids 1…n in insertion order).
 */
export interface SyntheticCityOptions {
  grids?: number;
  servicePoints?: number;
  openDisputes?: number;
  seed?: number;
}

const ROWS = 61;
const X0 = 110.9;
const Y0 = 27.8;
const CELL = 0.025;
const SIDE_POINTS = 9; // intermediate vertices per border

/** A small seeded generator (mulberry32): the same seed, the same city; the benches draw from it too. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The border between lattice nodes, deterministic from its position so both sides build the same one. */
function border(x1: number, y1: number, x2: number, y2: number): Array<[number, number]> {
  const key = x1 * 7919 + y1 * 104729 + x2 * 1299709 + y2 * 15485863;
  const rand = rng(key);
  const pts: Array<[number, number]> = [];
  const horizontal = y1 === y2;
  for (let i = 0; i <= SIDE_POINTS + 1; i++) {
    const t = i / (SIDE_POINTS + 1);
    let x = X0 + (x1 + (x2 - x1) * t) * CELL;
    let y = Y0 + (y1 + (y2 - y1) * t) * CELL;
    if (i > 0 && i <= SIDE_POINTS) {
      const wobble = (rand() - 0.5) * CELL * 0.15;
      if (horizontal) y += wobble;
      else x += wobble;
    }
    pts.push([r6(x), r6(y)]);
  }
  return pts;
}

/** Ring around a block of cells [c0, c1) × [r0, r1), counter-clockwise, along the shared borders. */
function blockRing(c0: number, r0: number, c1: number, r1: number): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  const push = (pts: Array<[number, number]>) => {
    for (let i = ring.length ? 1 : 0; i < pts.length; i++) ring.push(pts[i]!);
  };
  for (let c = c0; c < c1; c++) push(border(c, r0, c + 1, r0));
  for (let r = r0; r < r1; r++) push(border(c1, r, c1, r + 1));
  for (let c = c1; c > c0; c--) push(border(c - 1, r1, c, r1).reverse());
  for (let r = r1; r > r0; r--) push(border(c0, r - 1, c0, r).reverse());
  return ring;
}

const polygon = (ring: Array<[number, number]>) => JSON.stringify({ type: 'Polygon', coordinates: [ring] });

/** The true bounding box of a wavy block (the borders bulge past the lattice lines). */
function ringBox(ring: Array<[number, number]>) {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const b = { min_lon: Math.min(...xs), min_lat: Math.min(...ys), max_lon: Math.max(...xs), max_lat: Math.max(...ys) };
  return { ...b, center_lon: r6((b.min_lon + b.max_lon) / 2), center_lat: r6((b.min_lat + b.max_lat) / 2) };
}

/** An area row's outline and box. */
const area = (column: 'outline' | 'polygon', c0: number, r0: number, c1: number, r1: number) => {
  const ring = blockRing(c0, r0, c1, r1);
  return { [column]: polygon(ring), ...ringBox(ring) };
};

export const SYNTHETIC_CITY_CODE = '439900000000';

export async function buildSyntheticCity(db: Knex, opts: SyntheticCityOptions = {}): Promise<{ grids: number; servicePoints: number; openDisputes: number }> {
  const gridTarget = opts.grids ?? 5816;
  const rand = rng(opts.seed ?? 20211029);
  const now = '2021-10-29T00:00:00.000Z';
  const divisions: Array<Record<string, unknown>> = [{ code: SYNTHETIC_CITY_CODE, name: '样例市', level: 'city', parent_code: null }];
  const grids: Array<Record<string, unknown>> = [];
  // 96 × 61 cells: 8 counties of 12 columns; townships of 6×6 cells; villages of 2×2 cells; one grid per cell.
  for (let k = 0; k < 8; k++) {
    const county = `4399${String(k + 1).padStart(2, '0')}000000`;
    divisions.push({ code: county, name: `样例${k + 1}县`, level: 'county', parent_code: SYNTHETIC_CITY_CODE, ...area('outline', k * 12, 0, k * 12 + 12, ROWS) });
    let t = 0;
    for (let tc = 0; tc < 2; tc++) {
      for (let tr = 0; tr < ROWS; tr += 6) {
        t += 1;
        const township = county.slice(0, 6) + String(t).padStart(3, '0') + '000';
        const c0 = k * 12 + tc * 6;
        const r1 = Math.min(ROWS, tr + 6);
        divisions.push({ code: township, name: `第${t}镇${k + 1}`, level: 'township', parent_code: county, ...area('outline', c0, tr, c0 + 6, r1) });
        let v = 0;
        for (let vc = c0; vc < c0 + 6; vc += 2) {
          for (let vr = tr; vr < r1; vr += 2) {
            v += 1;
            const village = township.slice(0, 9) + String(200 + v).padStart(3, '0');
            const vr1 = Math.min(r1, vr + 2);
            divisions.push({ code: village, name: `${['东', '西', '南', '北', '新', '长', '石', '桃', '竹'][v % 9]}${['山', '塘', '湾', '冲', '桥', '坪'][(v + t) % 6]}村${k}${t}${v}`, level: 'village', parent_code: township, ...area('outline', vc, vr, vc + 2, vr1) });
            let g = 0;
            for (let c = vc; c < vc + 2; c++) {
              for (let r = vr; r < vr1; r++) {
                g += 1;
                grids.push({
                  code: village + String(g).padStart(3, '0'), name: `第${g}网格`, village_code: village, township_code: township, county_code: county,
                  households: 100 + Math.floor(rand() * 300), population: 300 + Math.floor(rand() * 900), wechat_groups: 1, wechat_members: Math.floor(rand() * 250),
                  ...area('polygon', c, r, c + 1, r + 1), created_at: now, updated_at: now,
                });
              }
            }
          }
        }
      }
    }
  }
  const kept = grids.slice(0, gridTarget);
  const pointsN = opts.servicePoints ?? 17_000;
  const disputesN = opts.openDisputes ?? 3_000;
  const points: Array<Record<string, unknown>> = [];
  const disputes: Array<Record<string, unknown>> = [];
  const cats = SERVICE_POINT_CATEGORIES.map((c) => c.code);
  const warnings = ['none', 'none', 'none', 'blue', 'yellow', 'red'];
  const cases = ['婚姻家庭', '邻里', '土地山林', '劳动/欠薪', '物业', '其他'];
  for (let i = 0; i < pointsN + disputesN; i++) {
    const gi = Math.floor(rand() * kept.length);
    const g = kept[gi]!;
    const lon = r6((g.center_lon as number) + (rand() - 0.5) * CELL * 0.8);
    const lat = r6((g.center_lat as number) + (rand() - 0.5) * CELL * 0.8);
    if (i < pointsN) {
      points.push({ name: `服务点${i + 1}`, category: cats[i % cats.length], level: 'village', division_code: g.village_code, township_code: g.township_code, county_code: g.county_code, lon, lat, phone: '0737-4221234', created_at: now, updated_at: now });
    } else {
      disputes.push({ case_no: `B-${i}`, source: 'walk_in', category: cases[i % cases.length], status: 'mediating', warning: warnings[i % warnings.length], county_code: g.county_code, township_code: g.township_code, village_code: g.village_code, grid_id: gi + 1, lon, lat, summary: '样例纠纷', registered_at: now, updated_at: now });
    }
  }
  await db.transaction(async (trx) => {
    for (const [table, rows] of [['divisions', divisions], ['grids', kept], ['service_points', points], ['disputes', disputes]] as const) {
      for (let i = 0; i < rows.length; i += 400) await trx(table).insert(rows.slice(i, i + 400));
    }
  });
  return { grids: kept.length, servicePoints: points.length, openDisputes: disputes.length };
}
