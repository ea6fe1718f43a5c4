/**
 * The map, core side, on two cities: the demo (Yiyang-sized, ~15 vertices per grid) and the dense
 * synthetic city (tests/support/syntheticCity.ts, ~40 vertices per grid, as surveyed grid outlines
 * are). Reported: bytes the city view downloads (all grids + county outlines + service points + open
 * disputes) in our compact topology encoding vs the naive GeoJSON of the same layers; our full-detail grid
 * layer vs the same grids as full-detail GeoJSON; the time to build and to decode it; point → grid for
 * 100,000 points with the cached index vs a naive scan. Compressed sizes are not computed here: only
 * what the server really sends counts, and the map UI bench reads that off the wire.
 * (The in-browser draw/frame bench is mapUi.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/index';
import { parseAreaGeometry, placeInArea, type AreaGeometry } from '../../shared/domain/geometry';
import { decodeBoundaryLayer, decodePointLayer } from '../../shared/domain/mapLayers';
import type { BoundaryLayer, PointLayer } from '../../shared/contract/map';
import type { BenchResult } from './types';
import { percentile, round } from './stats';
import { buildSyntheticCity, generateDemo, hashPassword, placePoints, quietLog, SYNTHETIC_CITY_CODE } from './coreInternals';

const kb = (n: number) => round(n / 1024, 1);

type City = 'demo' | 'dense synthetic city';

async function seed(core: Core, city: City): Promise<string> {
  if (city === 'demo') {
    await generateDemo(core.db, { seed: 20211029 });
    const row: { code: string } | undefined = await core.db('divisions').where({ level: 'city' }).first('code');
    if (!row) throw new Error('the demo has no city');
    return row.code;
  }
  await buildSyntheticCity(core.db);
  return SYNTHETIC_CITY_CODE;
}

async function login(core: Core, cityCode: string): Promise<string> {
  const now = new Date().toISOString();
  await core.db('accounts').insert({ username: 'mapbench', display_name: '地图基准', role: 'director', division_code: cityCode, password_hash: await hashPassword('map-bench-password'), created_at: now, updated_at: now });
  const res = await core.invoke('session.login', { username: 'mapbench', password: 'map-bench-password' });
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { token: string }).token;
}

/** The same layers as plain GeoJSON with full geometry and the usual properties: what a first version sends. */
async function naiveGeoJson(core: Core): Promise<{ all: string; grids: string }> {
  const [grids, counties, points, disputes] = await Promise.all([
    core.db('grids').select('code', 'name', 'village_code', 'population', 'polygon'),
    core.db('divisions').where({ level: 'county' }).whereNotNull('outline').select('code', 'name', 'outline'),
    core.db('service_points').whereNotNull('lon').select('id', 'name', 'category', 'lon', 'lat'),
    core.db('disputes').whereIn('status', ['registered', 'accepted', 'assigned', 'mediating', 'escalated']).whereNotNull('lon').select('id', 'category', 'warning', 'lon', 'lat'),
  ]);
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const gridCollection = fc(grids.map((g: { code: string; name: string; village_code: string; population: number; polygon: string }) => ({ type: 'Feature', properties: { code: g.code, name: g.name, villageCode: g.village_code, population: g.population }, geometry: JSON.parse(g.polygon) })));
  const all = JSON.stringify({
    grids: gridCollection,
    counties: fc(counties.map((c: { code: string; name: string; outline: string }) => ({ type: 'Feature', properties: { code: c.code, name: c.name }, geometry: JSON.parse(c.outline) }))),
    servicePoints: fc(points.map((p: { id: number; name: string; category: string; lon: number; lat: number }) => ({ type: 'Feature', properties: { id: p.id, name: p.name, category: p.category }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }))),
    disputes: fc(disputes.map((d: { id: number; category: string; warning: string; lon: number; lat: number }) => ({ type: 'Feature', properties: { id: d.id, category: d.category, warning: d.warning }, geometry: { type: 'Point', coordinates: [d.lon, d.lat] } }))),
  });
  return { all, grids: JSON.stringify(gridCollection) };
}

const DECODE_RUNS = 50;

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const points = opts.size ? Number(opts.size) : 100_000;
  const results: BenchResult[] = [];
  for (const city of ['demo', 'dense synthetic city'] as const) results.push(...(await measureCity(city, points)));
  return results;
}

async function measureCity(city: City, points: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-map-'));
  const core = await createCore({ dataDir: dir, log: quietLog });
  try {
    const cityCode = await seed(core, city);
    const token = await login(core, cityCode);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const res = await core.invoke(name, input, { token });
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      return res.value as T;
    };
    const counts = { grids: Number((await core.db('grids').count({ n: '*' }).first())?.n), points: Number((await core.db('service_points').count({ n: '*' }).first())?.n) };
    console.log(`${city}: ${counts.grids} grids, ${counts.points} service points`);

    const cityView = async () => {
      const [grids, counties, sp, disputes] = await Promise.all([
        call<BoundaryLayer>('map.boundaries', { level: 'grid', zoom: 9 }),
        call<BoundaryLayer>('map.boundaries', { level: 'county', zoom: 9 }),
        call<PointLayer>('map.servicePoints', {}),
        call<PointLayer>('map.disputes', {}),
      ]);
      const measures = await call<unknown>('map.measures', { level: 'grid' });
      return { grids, counties, sp, disputes, measures };
    };
    let t0 = performance.now();
    const first = await cityView();
    const coldMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      await cityView();
      warm.push(performance.now() - t0);
    }
    const payload = JSON.stringify(first);
    const raw = Buffer.byteLength(payload);
    const naive = await naiveGeoJson(core);
    const fine = await call<BoundaryLayer>('map.boundaries', { level: 'grid', zoom: 16 });
    const fineBytes = Buffer.byteLength(JSON.stringify(fine));

    // What the renderer does on arrival: parse and decode, vs JSON.parse of the naive GeoJSON. The first
    // decode runs before the JIT has warmed up (as in a freshly opened map).
    const decodeOnce = () => {
      const t = performance.now();
      const parsed = JSON.parse(payload) as typeof first;
      const decoded = decodeBoundaryLayer(parsed.grids);
      decodeBoundaryLayer(parsed.counties);
      decodePointLayer(parsed.sp);
      decodePointLayer(parsed.disputes);
      return { ms: performance.now() - t, decoded };
    };
    const firstDecode = decodeOnce();
    const shapes = firstDecode.decoded;
    const decodeRuns = Array.from({ length: DECODE_RUNS }, () => decodeOnce().ms);
    const naiveRuns = Array.from({ length: DECODE_RUNS }, () => {
      const t = performance.now();
      JSON.parse(naive.all);
      return performance.now() - t;
    });
    const vertices = shapes.reduce((n, f) => n + f.polygons.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);

    // Point → grid: points over the city's extent (some fall outside every grid).
    const extent = first.grids.bbox!;
    let seedN = 7;
    const rand = () => ((seedN = (seedN * 16807) % 2147483647) / 2147483647);
    const pts: Array<[number, number]> = Array.from({ length: points }, () => [extent[0] + rand() * (extent[2] - extent[0]), extent[1] + rand() * (extent[3] - extent[1])]);
    t0 = performance.now();
    const placed = await placePoints(core, pts);
    const indexMs = performance.now() - t0;
    const cached: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      await placePoints(core, pts);
      cached.push(performance.now() - t0);
    }
    const hits = placed.filter(Boolean).length;

    // Baseline: every point tested against every grid's bounding box, then its polygon (no index).
    const all: Array<{ code: string; g: AreaGeometry; b: [number, number, number, number] }> = (
      await core.db('grids').select('code', 'polygon', 'min_lon', 'min_lat', 'max_lon', 'max_lat')
    ).map((r: { code: string; polygon: string; min_lon: number; min_lat: number; max_lon: number; max_lat: number }) => ({ code: r.code, g: parseAreaGeometry(r.polygon)!, b: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] }));
    const naiveN = Math.min(points, 20_000);
    t0 = performance.now();
    let naiveHits = 0;
    for (let i = 0; i < naiveN; i++) {
      const [x, y] = pts[i]!;
      for (const a of all) {
        if (x < a.b[0] || x > a.b[2] || y < a.b[1] || y > a.b[3]) continue;
        if (placeInArea(x, y, a.g) !== 'out') {
          naiveHits += 1;
          break;
        }
      }
    }
    const naiveScanMs = ((performance.now() - t0) * points) / naiveN;
    if (naiveHits !== placed.slice(0, naiveN).filter(Boolean).length) throw new Error('naive scan and index disagree on hit count');

    const median = (xs: number[]) => round(percentile(xs, 50));
    console.log(`${city}: city view ${kb(raw)} KB (naive GeoJSON ${kb(Buffer.byteLength(naive.all))} KB); ${vertices} grid vertices at zoom 9; full-detail grid layer ${kb(fineBytes)} KB (naive ${kb(Buffer.byteLength(naive.grids))} KB); ${hits}/${points} points in a grid`);
    const at = `${city}, ${counts.grids} grids`;
    return [
      { name: `city view payload, uncompressed (${at})`, value: kb(raw), unit: 'KB', samples: 1, better: 'lower', baseline: { name: 'naive GeoJSON of the same layers', value: kb(Buffer.byteLength(naive.all)), samples: 1 } },
      { name: `grid layer at full detail (zoom ≥ 16), uncompressed (${at})`, value: kb(fineBytes), unit: 'KB', samples: 1, better: 'lower', baseline: { name: 'the same grids as full-detail GeoJSON', value: kb(Buffer.byteLength(naive.grids)), samples: 1 } },
      { name: `city view build, cold: topology + simplify + encode + SQL (${at})`, value: round(coldMs), unit: 'ms', samples: 1, better: 'lower' },
      { name: `city view build, cached geometry, median (${at})`, value: median(warm), unit: 'ms', samples: warm.length, better: 'lower' },
      { name: `city view parse + decode, first run, JIT cold (Node, as the renderer does) (${at})`, value: round(firstDecode.ms), unit: 'ms', samples: 1, better: 'lower' },
      { name: `city view parse + decode, median (${at})`, value: median(decodeRuns), unit: 'ms', samples: decodeRuns.length, better: 'lower', baseline: { name: 'JSON.parse of the naive GeoJSON, median', value: median(naiveRuns), samples: naiveRuns.length } },
      // An import placing 100,000 cases on grids: a user waits for it and notices past a second.
      { name: `point → grid, ${points} points, index built cold (${at})`, value: round(indexMs), unit: 'ms', samples: 1, target: 1000, better: 'lower', baseline: { name: `naive scan of every grid (extrapolated from ${naiveN})`, value: round(naiveScanMs), samples: 1 } },
      { name: `point → grid, ${points} points, index cached, median (${at})`, value: median(cached), unit: 'ms', samples: cached.length, target: 1000, better: 'lower' },
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
