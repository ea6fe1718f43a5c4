/**
 * The map, core side: bytes the city view downloads (all grids + county outlines + service points + open
 * disputes) in our compact topology encoding vs the naive GeoJSON of the same layers; the time to build
 * and to decode it; and point → grid for 100,000 points with the cached index vs a naive scan.
 * Data: the demo generator when present, else a synthetic Yiyang-sized city (electron/core/map/syntheticCity.ts).
 * (The in-browser draw/frame bench is the renderer's.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCore, type Core } from '../../electron/core/index';
import { quietLog } from '../support/tempCore';
import { hashPassword } from '../../electron/core/accounts/passwords';
import { buildSyntheticCity, SYNTHETIC_CITY_CODE } from '../support/syntheticCity';
import { placePoints } from '../../electron/core/grids/gridIndex';
import { parseAreaGeometry, placeInArea, type AreaGeometry } from '../../shared/domain/geometry';
import { decodeBoundaryLayer, decodePointLayer } from '../../shared/domain/mapLayers';
import type { BoundaryLayer, PointLayer } from '../../shared/contract/map';
import type { BenchResult } from './types';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const kb = (n: number) => round(n / 1024, 1);

async function seed(core: Core): Promise<{ source: string; cityCode: string }> {
  const demoPath = '../../electron/core/demo/generateDemo';
  // MAP_BENCH_DATA=synthetic measures the denser synthetic city (≈40 vertices per grid) even when the demo exists.
  if (process.env.MAP_BENCH_DATA !== 'synthetic') try {
    const mod: { generateDemo?: (db: unknown, o: { seed: number }) => Promise<unknown> } = await import(demoPath);
    if (typeof mod.generateDemo === 'function') {
      await mod.generateDemo(core.db, { seed: 20211029 });
      const city: { code: string } | undefined = await core.db('divisions').where({ level: 'city' }).first('code');
      if (city) return { source: 'demo (generateDemo)', cityCode: city.code };
    }
  } catch {
    // no demo generator in this tree yet: fall through to the synthetic city
  }
  await buildSyntheticCity(core.db);
  return { source: 'synthetic city (syntheticCity.ts)', cityCode: SYNTHETIC_CITY_CODE };
}

async function login(core: Core, cityCode: string): Promise<string> {
  const now = new Date().toISOString();
  await core.db('accounts').insert({ username: 'mapbench', display_name: '地图基准', role: 'director', division_code: cityCode, password_hash: await hashPassword('map-bench-password'), created_at: now, updated_at: now });
  const res = await core.invoke('session.login', { username: 'mapbench', password: 'map-bench-password' });
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { token: string }).token;
}

/** The same layers as plain GeoJSON with full geometry and the usual properties: what a first version sends. */
async function naiveGeoJson(core: Core): Promise<string> {
  const [grids, counties, points, disputes] = await Promise.all([
    core.db('grids').select('code', 'name', 'village_code', 'population', 'polygon'),
    core.db('divisions').where({ level: 'county' }).whereNotNull('outline').select('code', 'name', 'outline'),
    core.db('service_points').whereNotNull('lon').select('id', 'name', 'category', 'lon', 'lat'),
    core.db('disputes').whereIn('status', ['registered', 'accepted', 'assigned', 'mediating', 'escalated']).whereNotNull('lon').select('id', 'category', 'warning', 'lon', 'lat'),
  ]);
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  return JSON.stringify({
    grids: fc(grids.map((g: { code: string; name: string; village_code: string; population: number; polygon: string }) => ({ type: 'Feature', properties: { code: g.code, name: g.name, villageCode: g.village_code, population: g.population }, geometry: JSON.parse(g.polygon) }))),
    counties: fc(counties.map((c: { code: string; name: string; outline: string }) => ({ type: 'Feature', properties: { code: c.code, name: c.name }, geometry: JSON.parse(c.outline) }))),
    servicePoints: fc(points.map((p: { id: number; name: string; category: string; lon: number; lat: number }) => ({ type: 'Feature', properties: { id: p.id, name: p.name, category: p.category }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }))),
    disputes: fc(disputes.map((d: { id: number; category: string; warning: string; lon: number; lat: number }) => ({ type: 'Feature', properties: { id: d.id, category: d.category, warning: d.warning }, geometry: { type: 'Point', coordinates: [d.lon, d.lat] } }))),
  });
}

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const points = opts.size ? Number(opts.size) : 100_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-map-'));
  const core = await createCore({ dataDir: dir, log: quietLog });
  try {
    const { source, cityCode } = await seed(core);
    const token = await login(core, cityCode);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const res = await core.invoke(name, input, { token });
      if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
      return res.value as T;
    };
    const counts = { grids: Number((await core.db('grids').count({ n: '*' }).first())?.n), points: Number((await core.db('service_points').count({ n: '*' }).first())?.n) };
    console.log(`data: ${source}; ${counts.grids} grids, ${counts.points} service points`);

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
    warm.sort((a, b) => a - b);
    const payload = JSON.stringify(first);
    const raw = Buffer.byteLength(payload);
    const gz = gzipSync(payload).length;
    const naive = await naiveGeoJson(core);
    const naiveRaw = Buffer.byteLength(naive);
    const naiveGz = gzipSync(naive).length;
    const fine = await call<BoundaryLayer>('map.boundaries', { level: 'grid', zoom: 16 });
    const fineBytes = Buffer.byteLength(JSON.stringify(fine));

    // What the renderer does on arrival: parse and decode, vs JSON.parse of the naive GeoJSON. The first
    // decode runs before the JIT has warmed up (as in a freshly opened map); the median of 5 after it.
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
    const decodeRuns = Array.from({ length: 5 }, () => decodeOnce().ms).sort((a, b) => a - b);
    const naiveRuns = Array.from({ length: 5 }, () => {
      const t = performance.now();
      JSON.parse(naive);
      return performance.now() - t;
    }).sort((a, b) => a - b);
    const vertices = shapes.reduce((n, f) => n + f.polygons.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);

    // Point → grid: 100,000 points over the city's extent (some fall outside every grid).
    const extent = first.grids.bbox!;
    let seedN = 7;
    const rand = () => ((seedN = (seedN * 16807) % 2147483647) / 2147483647);
    const pts: Array<[number, number]> = Array.from({ length: points }, () => [extent[0] + rand() * (extent[2] - extent[0]), extent[1] + rand() * (extent[3] - extent[1])]);
    t0 = performance.now();
    const placed = await placePoints(core.node.gridIndex, core.db, pts);
    const indexMs = performance.now() - t0;
    t0 = performance.now();
    await placePoints(core.node.gridIndex, core.db, pts);
    const indexWarmMs = performance.now() - t0;
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
    if (naiveHits !== placed.slice(0, naiveN).filter(Boolean).length) console.warn('naive scan and index disagree on hit count');

    const part = (v: unknown) => kb(Buffer.byteLength(JSON.stringify(v)));
    const g = first.grids;
    console.log(`parts (KB): grid arcs ${part(g.arcs)}, grid shapes ${part(g.shapes)}, grid codes ${part(g.codes)}, grid names ${part(g.names)}, counties ${part(first.counties)}, service points ${part(first.sp)}, disputes ${part(first.disputes)}, measures ${part(first.measures)}`);
    console.log(`city view: ${kb(raw)} KB raw / ${kb(gz)} KB gzip (naive GeoJSON ${kb(naiveRaw)} / ${kb(naiveGz)} KB); ${vertices} grid vertices at zoom 9; full detail grid layer ${kb(fineBytes)} KB; ${hits}/${points} points in a grid`);
    return [
      { name: 'city view payload, raw', value: kb(raw), unit: 'KB', better: 'lower', baseline: { name: 'naive GeoJSON of the same layers', value: kb(naiveRaw) }, note: source },
      { name: 'city view payload, gzip', value: kb(gz), unit: 'KB', better: 'lower', baseline: { name: 'naive GeoJSON, gzip', value: kb(naiveGz) } },
      { name: 'grid layer at full detail (zoom ≥ 16), raw', value: kb(fineBytes), unit: 'KB', better: 'lower' },
      { name: 'city view build, cold (topology + simplify + encode + SQL)', value: round(coldMs), unit: 'ms', better: 'lower' },
      { name: 'city view build, cached geometry (median of 5)', value: round(warm[2]!), unit: 'ms', better: 'lower' },
      { name: 'city view parse + decode, first run (Node, as the renderer does)', value: round(firstDecode.ms), unit: 'ms', better: 'lower' },
      { name: 'city view parse + decode, median of 5', value: round(decodeRuns[2]!), unit: 'ms', better: 'lower', baseline: { name: 'JSON.parse of naive GeoJSON, median of 5', value: round(naiveRuns[2]!) } },
      { name: `point → grid, ${points} points, index built cold`, value: round(indexMs), unit: 'ms', target: 5000, better: 'lower', baseline: { name: `naive scan of every grid (extrapolated from ${naiveN})`, value: round(naiveScanMs) } },
      { name: `point → grid, ${points} points, index cached`, value: round(indexWarmMs), unit: 'ms', target: 5000, better: 'lower' },
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
