/**
 * The map UI bench's instruments, shared by the app and the naive baseline so both are judged alike:
 * "drawn" read from canvas pixels, frame times during gestures only, and the naive page itself.
 *
 * In-page code is plain JavaScript in strings: this file is type-checked for Node (no DOM lib), and tsx's
 * keepNames would wrap named functions in a helper the page does not have.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

/** The app's canvases that must hold the city view: grid fills, and the points (clusters + disputes). */
export const APP_CANVASES = ['[data-testid=map] .leaflet-gc-grids-pane canvas', '[data-testid=map] .leaflet-gc-hits-pane canvas'];
const NAIVE_CANVASES = ['#map .leaflet-overlay-pane canvas'];
const DRAWN_TIMEOUT_MS = 60_000;
/** Frames the pixels must stay the same for the view to count as drawn (not mid-paint or mid-animation). */
const STABLE_FRAMES = 10;

/**
 * In-page source of `canvasHash(canvas)`: the canvas scaled down to 160 × 90 and hashed, or null while it is
 * blank (fewer than 20 painted pixels) or has no size. Shared by every bench that reads "drawn" from pixels.
 */
export const CANVAS_HASH_JS = `
  const hashCanvas = document.createElement('canvas');
  hashCanvas.width = 160;
  hashCanvas.height = 90;
  const hashCtx = hashCanvas.getContext('2d', { willReadFrequently: true });
  const canvasHash = (c) => {
    if (!c || !c.width || !c.height) return null;
    hashCtx.clearRect(0, 0, 160, 90);
    hashCtx.drawImage(c, 0, 0, 160, 90);
    const d = hashCtx.getImageData(0, 0, 160, 90).data;
    let painted = 0;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3]) painted++;
      h = (Math.imul(h, 31) + d[i] + d[i + 1] * 7 + d[i + 2] * 13 + d[i + 3] * 17) >>> 0;
    }
    return painted < 20 ? null : h;
  };`;

/**
 * Resolves with the page's performance.now() of the first frame from which every canvas named holds
 * pixels (not blank) and all of them stay unchanged for STABLE_FRAMES frames. Each frame every canvas is
 * scaled down to 160 × 90 and hashed.
 */
export async function waitDrawn(page: Page, selectors: readonly string[]): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const selectors = ${JSON.stringify(selectors)};
    ${CANVAS_HASH_JS}
    const signature = () => {
      const parts = [];
      for (const sel of selectors) {
        const h = canvasHash(document.querySelector(sel));
        if (h === null) return null;
        parts.push(h);
      }
      return parts.join(':');
    };
    let last = null;
    let since = 0;
    let stable = 0;
    const deadline = performance.now() + ${DRAWN_TIMEOUT_MS};
    const tick = () => {
      const now = performance.now();
      const s = signature();
      if (s !== null && s === last) {
        if (++stable >= ${STABLE_FRAMES}) return resolve(since);
      } else {
        last = s;
        since = now;
        stable = 0;
      }
      if (now > deadline) return reject(new Error('no drawn canvas within ${DRAWN_TIMEOUT_MS / 1000} s'));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

/**
 * rAF deltas (performance.now(), not the rAF timestamp: stale after a long task), kept only while a
 * gesture and the map's response to it last: `act` gets `gesture(fn)`, which counts frames from before
 * `fn` until the map is at rest again (its panes' transforms unchanged for 3 frames, which are dropped).
 */
export async function frameTimes(page: Page, act: (gesture: (fn: () => Promise<void>) => Promise<void>) => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__active = false;
    w.__framesOn = true;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (w.__active) w.__frames.push(now - last);
      last = now;
      if (w.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const atRest = `new Promise((resolve) => {
    const pose = () => [...document.querySelectorAll('.leaflet-map-pane, .leaflet-proxy, .leaflet-pane canvas')].map((e) => getComputedStyle(e).transform + e.width).join('|');
    let prev = pose();
    let still = 0;
    const tick = () => {
      const now = pose();
      still = now === prev ? still + 1 : 0;
      prev = now;
      if (still >= 3) {
        window.__active = false;
        window.__frames.splice(-3);
        return resolve(null);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`;
  await act(async (fn) => {
    await page.evaluate('window.__active = true');
    await fn();
    await page.evaluate(atRest);
  });
  return page.evaluate<number[]>('(() => { window.__framesOn = false; return window.__frames; })()');
}

/** Drag the map around and zoom in and out with the wheel, over its middle, each move one gesture. */
export async function panAndZoom(page: Page, selector: string): Promise<(gesture: (fn: () => Promise<void>) => Promise<void>) => Promise<void>> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error('map not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return async (gesture) => {
    for (const [dx, dy] of [[-300, 0], [300, -150], [0, 150], [-200, -100]] as const) {
      await page.mouse.move(cx, cy);
      await gesture(async () => {
        await page.mouse.down();
        await page.mouse.move(cx + dx, cy + dy, { steps: 20 });
        await page.mouse.up();
      });
    }
    for (const dy of [-240, -240, 240, 240]) {
      await page.mouse.move(cx, cy);
      await gesture(() => page.mouse.wheel(0, dy));
    }
  };
}

export interface NaiveResult {
  /** ms from navigation start to drawn, or null when it did not draw. */
  drawnMs: number | null;
  frames: number[] | null;
  bytes: number;
  error?: string;
}

/** The naive page: Leaflet from node_modules on canvas, full-detail GeoJSON, a circle marker per point. */
const NAIVE_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/bench-naive/leaflet.css">
<style>html,body,#map{height:100%;margin:0}</style></head><body><div id="map"></div>
<script src="/bench-naive/leaflet.js"></script><script src="/bench-naive/naive.js"></script></body></html>`;
const NAIVE_JS = `
(async () => {
  const [grids, points] = await Promise.all([fetch('/bench-naive/grids.geojson').then(r => r.json()), fetch('/bench-naive/points.json').then(r => r.json())]);
  const map = L.map('map', { preferCanvas: true, maxZoom: 18 });
  const layer = L.geoJSON(grids, { style: { color: '#888', weight: 0.5, fillColor: '#fd8d3c', fillOpacity: 0.6 } }).addTo(map);
  map.fitBounds(layer.getBounds());
  for (const p of points) L.circleMarker([p[1], p[0]], { radius: 3, weight: 1, color: '#2166ac', fillOpacity: 0.8 }).addTo(map);
})();`;

export async function naiveBaseline(browser: Browser, url: string, grids: unknown, points: Array<[number, number]>, viewport: { width: number; height: number }): Promise<NaiveResult> {
  const gridsJson = JSON.stringify(grids);
  const pointsJson = JSON.stringify(points);
  const bytes = Buffer.byteLength(gridsJson) + Buffer.byteLength(pointsJson);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const leafletDir = path.resolve('node_modules/leaflet/dist');
  await page.route(`${url}/bench-naive/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace('/bench-naive/', '');
    const body: Record<string, [string | Buffer, string]> = {
      'naive.html': [NAIVE_HTML, 'text/html'],
      'naive.js': [NAIVE_JS, 'text/javascript'],
      'leaflet.js': [readFileSync(path.join(leafletDir, 'leaflet.js')), 'text/javascript'],
      'leaflet.css': [readFileSync(path.join(leafletDir, 'leaflet.css')), 'text/css'],
      'grids.geojson': [gridsJson, 'application/json'],
      'points.json': [pointsJson, 'application/json'],
    };
    const hit = body[name];
    return hit ? route.fulfill({ body: hit[0], contentType: hit[1] }) : route.fulfill({ status: 404, body: '' });
  });
  const result: NaiveResult = { drawnMs: null, frames: null, bytes };
  try {
    await page.goto(`${url}/bench-naive/naive.html`);
    result.drawnMs = await waitDrawn(page, NAIVE_CANVASES);
    const gestures = await panAndZoom(page, '#map');
    result.frames = await Promise.race([
      frameTimes(page, gestures),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`pan and zoom did not finish in ${DRAWN_TIMEOUT_MS / 1000} s`)), DRAWN_TIMEOUT_MS)),
    ]);
  } catch (err) {
    result.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
  } finally {
    if (errors.length) result.error = [result.error, `page errors: ${errors.slice(0, 3).join('; ')}`].filter(Boolean).join('; ');
    await Promise.race([context.close(), new Promise((r) => setTimeout(r, 10_000))]);
  }
  return result;
}
