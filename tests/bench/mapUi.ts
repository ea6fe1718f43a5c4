/**
 * Map UI (issue 4, method per issue 8): the city view in Chromium — every grid, the service points
 * (clustered) and the open disputes — on the demo and on the dense synthetic city (~40 vertices a grid).
 *
 * - Drawn: read from the canvases themselves (mapDrawn.ts): the first frame from which the grid and
 *   point canvases hold pixels and stay unchanged for 10 frames; no app flag. The headline is the first
 *   open (cold: fresh server, fresh page); later opens are reported as their median, with their count.
 * - Frames: rAF deltas during a scripted pan and wheel zoom, counted only while a gesture and the map's
 *   own response to it last (idle waits excluded).
 * - Bytes: what the server really sends for the map's calls — Content-Encoding and the transferred body
 *   size as the browser saw them — next to the decoded JSON size.
 * - Baseline, same run: a competent naive page — Leaflet on canvas (preferCanvas), the same layers as
 *   full-detail GeoJSON, circle markers for the points — drawn, detected and timed the same way. If it
 *   fails or times out, that is what is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import { createCore } from '../../electron/core/index';
import { decodeBoundaryLayer, decodePointLayer, type EncodedBoundaryLayer, type EncodedPointLayer } from '../../shared/domain/mapLayers';
import type { BenchResult } from './types';
import { p95, percentile, round } from './stats';
import { launchChromium } from './chromium';
import { buildSyntheticCity, DEMO_PASSWORD, demoNode, hashPassword, quietLog, SYNTHETIC_CITY_CODE } from './coreInternals';
import { api, privateApp, startServer } from './server';
import { APP_CANVASES, frameTimes, naiveBaseline, panAndZoom, waitDrawn, type NaiveResult } from './mapDrawn';

const REOPENS = 5;
const VIEWPORT = { width: 1600, height: 900 };
const SYNTHETIC_PASSWORD = 'map-bench-password';

interface City {
  label: string;
  username: string;
  password: string;
  prepare(dataDir: string): Promise<void>;
}

const CITIES: City[] = [
  {
    label: 'demo',
    username: 'director',
    password: DEMO_PASSWORD,
    prepare: demoNode,
  },
  {
    label: 'dense synthetic city',
    username: 'mapbench',
    password: SYNTHETIC_PASSWORD,
    prepare: async (dataDir) => {
      const core = await createCore({ dataDir, log: quietLog });
      await buildSyntheticCity(core.db);
      const now = new Date().toISOString();
      await core.db('accounts').insert({ username: 'mapbench', display_name: '地图基准', role: 'director', division_code: SYNTHETIC_CITY_CODE, password_hash: await hashPassword(SYNTHETIC_PASSWORD), created_at: now, updated_at: now });
      await core.close();
    },
  },
];

interface Wire {
  decoded: number;
  transferred: number;
  encodings: string[];
}

/** Open the map from the dashboard: ms from the click to drawn (canvas pixels), and what came over the wire. */
async function openMap(page: Page): Promise<{ drawnMs: number; wire: Wire }> {
  const calls: Array<Promise<{ decoded: number; transferred: number; encoding: string }>> = [];
  const onResponse = (r: Response) => {
    if (!/\/api\/call\/(map\.|divisions\.tree|basemap\.)/.test(r.url())) return;
    calls.push(
      Promise.all([r.body(), r.request().sizes(), r.headerValue('content-encoding')]).then(([body, sizes, encoding]) => ({ decoded: body.length, transferred: sizes.responseBodySize, encoding: encoding ?? 'identity' })),
    );
  };
  page.on('response', onResponse);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  const t0 = await page.evaluate<number>('performance.now()');
  await page.getByTestId('nav-map').click();
  const drawnAt = await waitDrawn(page, APP_CANVASES);
  page.off('response', onResponse);
  const got = await Promise.all(calls);
  return {
    drawnMs: drawnAt - t0,
    wire: { decoded: got.reduce((a, c) => a + c.decoded, 0), transferred: got.reduce((a, c) => a + c.transferred, 0), encodings: [...new Set(got.map((c) => c.encoding))] },
  };
}

async function measureCity(city: City): Promise<BenchResult[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'ggc-bench-mapui-'));
  const app = privateApp();
  try {
    const dataDir = path.join(work, 'data');
    await city.prepare(dataDir);
    const server = await startServer(app.appDir, dataDir);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })).newPage();
      await page.goto(`${server.url}/#/login`);
      await page.getByLabel('用户名').fill(city.username);
      await page.getByLabel('密码').fill(city.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('dashboard').waitFor();
      const first = await openMap(page);
      const reopens: number[] = [];
      for (let i = 0; i < REOPENS; i++) reopens.push((await openMap(page)).drawnMs);
      const frames = await frameTimes(page, await panAndZoom(page, '[data-testid=map]'));
      const counts = await page.getByTestId('map').evaluate((el) => ({ ...(el as unknown as { dataset: Record<string, string> }).dataset }));

      // The same layers for the naive page, at full detail (what a naive app would download).
      const { token } = await api<{ token: string }>(server.url, null, 'session.login', { username: city.username, password: city.password });
      const gridLayer = await api<EncodedBoundaryLayer>(server.url, token, 'map.boundaries', { level: 'grid', zoom: 18 });
      const features = decodeBoundaryLayer(gridLayer).map((f) => ({ type: 'Feature', properties: { code: f.code, name: f.name }, geometry: { type: 'MultiPolygon', coordinates: f.polygons } }));
      const points = [
        ...decodePointLayer(await api<EncodedPointLayer>(server.url, token, 'map.servicePoints', {})),
        ...decodePointLayer(await api<EncodedPointLayer>(server.url, token, 'map.disputes', {})),
      ].map((p) => [p.lon, p.lat] as [number, number]);
      const naive = await naiveBaseline(browser, server.url, { type: 'FeatureCollection', features }, points, VIEWPORT);
      const what = `${city.label}: ${counts.grids} grids, ${counts.points} service points, ${counts.disputes} open disputes`;
      console.log(`  ${city.label}: first open ${round(first.drawnMs)} ms; reopens ${reopens.map((x) => round(x)).join(', ')}; ${frames.length} interaction frames; naive ${naive.error ?? `${round(naive.drawnMs ?? NaN)} ms`}`);
      return results(what, first, reopens, frames, naive);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    app.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

function results(what: string, first: { drawnMs: number; wire: Wire }, reopens: number[], frames: number[], naive: NaiveResult): BenchResult[] {
  const naiveFailed = naive.error ? `; naive baseline failed: ${naive.error}` : '';
  return [
    {
      name: `city view drawn (canvas pixels), first open: fresh server and page, click → drawn (${what})`,
      value: round(first.drawnMs),
      unit: 'ms',
      samples: 1,
      target: 1500,
      better: 'lower',
      ...(naive.drawnMs !== null ? { baseline: { name: 'naive Leaflet on canvas, full-detail GeoJSON + circle markers: navigation → drawn', value: round(naive.drawnMs), samples: 1 } } : {}),
      note: `later opens: median ${round(percentile(reopens, 50))} ms, max ${round(Math.max(...reopens))} ms over ${reopens.length}${naiveFailed}`,
    },
    {
      name: `frame time p95 while panning (4 drags) and wheel-zooming (2 in, 2 out), interaction frames only (${what})`,
      value: round(p95(frames)),
      unit: 'ms',
      samples: frames.length,
      target: 50,
      better: 'lower',
      ...(naive.frames && naive.frames.length >= 50 ? { baseline: { name: 'naive Leaflet on canvas, same gestures', value: round(p95(naive.frames)), samples: naive.frames.length } } : {}),
      note: `max ${round(Math.max(...frames))} ms${naive.frames && naive.frames.length < 50 ? `; naive recorded only ${naive.frames.length} frames` : ''}${naiveFailed}`,
    },
    {
      name: `bytes over the wire for the city view's calls, as sent (Content-Encoding: ${first.wire.encodings.join(', ')}) (${what})`,
      value: first.wire.transferred,
      unit: 'bytes',
      samples: 1,
      better: 'lower',
      baseline: { name: 'naive full-detail GeoJSON + point JSON, uncompressed (the bench serves it; no server compression to measure)', value: naive.bytes, samples: 1 },
      note: `decoded JSON ${first.wire.decoded} bytes`,
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const city of CITIES) out.push(...(await measureCity(city)));
  return out;
}
