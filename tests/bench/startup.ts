/**
 * Start-up on the demo, as a user meets it:
 *
 * - First run: a fresh server process (`cli.mjs serve`, the browser-mode app) started with a cold OS
 *   cache — the page cache dropped (`sync; echo 3 > /proc/sys/vm/drop_caches`, where root allows; else
 *   said so) — timed from spawning to the first healthy answer, and on to login + the division tree with
 *   counts over HTTP. Then Chromium, also cold, opens the page: its first contentful paint and the login
 *   form on screen.
 * - The same, warm, as medians over fresh processes and fresh browser contexts.
 * - In-process: open the node + login + division tree (the core alone), median.
 *
 * Only the in-process figure has a target (issue 1's ≤ 1 s); the process and browser figures are
 * reported for comparison until the product names one.
 *
 * Baselines, same run: the raw floor — a fresh `node` process that opens the file with the plain sqlite3
 * driver (the app's connection settings) and runs the four counts, cold and warm.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { createCore, DATABASE_FILE } from '../../electron/core/index';
import type { BenchResult } from './types';
import { percentile, round } from './stats';
import { launchChromium } from './chromium';
import { CONNECTION_PRAGMAS, DEMO_PASSWORD, demoNode, quietLog } from './coreInternals';
import { api, privateApp, startServer } from './server';

const WARM_PROCESSES = 10;
const IN_PROCESS = 20;
const PAGES = 10;
const COUNTS_SQL = `SELECT (SELECT count(*) FROM divisions) d, (SELECT count(*) FROM grids) g, (SELECT count(*) FROM service_points) s,
  (SELECT count(*) FROM disputes WHERE status IN ('registered','accepted','assigned','mediating','escalated')) o`;

/** Drop the OS page cache; false where this process may not (not root, a container without it). */
function dropOsCaches(): boolean {
  try {
    execSync('sync; echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

/** ms from spawning a fresh node process to its exit, the process opening the file and counting. */
function rawFloorProcess(file: string): Promise<number> {
  const script = `const s = require('sqlite3'); const db = new s.Database(${JSON.stringify(file)}, s.OPEN_READWRITE, (e) => { if (e) throw e;
    db.exec(${JSON.stringify(CONNECTION_PRAGMAS)}, (e2) => { if (e2) throw e2; db.all(${JSON.stringify(COUNTS_SQL)}, (e3) => { if (e3) throw e3; db.close(); }); }); });`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore', cwd: process.cwd() });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`raw floor process exited ${code}`))));
  });
}

/** A fresh server process: ms to healthy, and ms to login + division tree answered. */
async function serverStart(appDir: string, dataDir: string): Promise<{ readyMs: number; treeMs: number; url: string; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const server = await startServer(appDir, dataDir);
  const { token } = await api<{ token: string }>(server.url, null, 'session.login', { username: 'director', password: DEMO_PASSWORD });
  await api(server.url, token, 'divisions.tree', {});
  return { readyMs: server.readyMs, treeMs: performance.now() - t0, url: server.url, stop: server.stop };
}

/** A fresh browser context opens the console: first contentful paint, and the login form on screen. */
async function firstPaint(browser: Browser, url: string): Promise<{ fcp: number; form: number }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/#/login`);
    await page.getByTestId('login-submit').waitFor();
    const form = await page.evaluate(() => performance.now());
    const fcp = await page.evaluate<number | null>(`new Promise((resolve) => {
      const hit = performance.getEntriesByName('first-contentful-paint')[0];
      if (hit) return resolve(hit.startTime);
      new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(null), 5000);
    })`);
    if (fcp === null) throw new Error('no first-contentful-paint entry');
    return { fcp, form };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-startup-'));
  const app = privateApp();
  try {
    await demoNode(dir);
    const file = path.join(dir, DATABASE_FILE);

    // First run, cold: the OS cache dropped before the server starts, again before the floor, and the
    // browser's first page follows the cold server (Chromium's own files cold too).
    const cold = dropOsCaches();
    const first = await serverStart(app.appDir, dir);
    const browserT0 = performance.now();
    let browser = await launchChromium();
    const coldPaint = await firstPaint(browser, first.url);
    const coldBrowserMs = performance.now() - browserT0;
    await browser.close();
    await first.stop();
    if (cold) dropOsCaches();
    const coldFloor = await rawFloorProcess(file);
    const coldNote = cold ? 'OS page cache dropped first (sync; echo 3 > /proc/sys/vm/drop_caches)' : 'the OS page cache could NOT be dropped here (not root?): a fresh process, but the file may be cached';

    const ready: number[] = [];
    const tree: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < WARM_PROCESSES; i++) {
      const s = await serverStart(app.appDir, dir);
      ready.push(s.readyMs);
      tree.push(s.treeMs);
      await s.stop();
      floors.push(await rawFloorProcess(file));
    }

    const server = await startServer(app.appDir, dir);
    browser = await launchChromium();
    const fcps: number[] = [];
    const forms: number[] = [];
    try {
      for (let i = 0; i < PAGES; i++) {
        const p = await firstPaint(browser, server.url);
        fcps.push(p.fcp);
        forms.push(p.form);
      }
    } finally {
      await browser.close();
      await server.stop();
    }

    const inProcess: number[] = [];
    for (let i = 0; i < IN_PROCESS; i++) {
      const t0 = performance.now();
      const core = await createCore({ dataDir: dir, log: quietLog });
      const login = await core.invoke('session.login', { username: 'director', password: DEMO_PASSWORD });
      if (!login.ok) throw new Error(login.error.message);
      const t = await core.invoke('divisions.tree', {}, { token: (login.value as { token: string }).token });
      if (!t.ok) throw new Error(t.error.message);
      inProcess.push(performance.now() - t0);
      await core.close();
    }

    const median = (xs: number[]) => round(percentile(xs, 50));
    return [
      {
        name: 'first run, cold OS cache: fresh server process → healthy → login + division tree with counts (demo)',
        value: round(first.treeMs),
        unit: 'ms',
        samples: 1,
        better: 'lower',
        baseline: { name: 'raw floor, cold: fresh node process, sqlite3 open (app settings) + the four counts, to exit', value: round(coldFloor), samples: 1 },
        note: `${coldNote}; healthy after ${round(first.readyMs)} ms; includes one scrypt password check (~50 ms by design)`,
      },
      {
        name: 'first run, cold: Chromium launched → console page first contentful paint',
        value: round(coldPaint.fcp),
        unit: 'ms',
        samples: 1,
        better: 'lower',
        note: `login form on screen at ${round(coldPaint.form)} ms after navigation start; browser launch + page ${round(coldBrowserMs)} ms in all; times from the page's navigation start`,
      },
      {
        name: `warm: fresh server process → login + division tree (demo), median`,
        value: median(tree),
        unit: 'ms',
        samples: tree.length,
        better: 'lower',
        baseline: { name: 'raw floor, warm: fresh node process, sqlite3 open + the four counts, median', value: median(floors), samples: floors.length },
        note: `healthy after a median ${median(ready)} ms (max ${round(Math.max(...ready))}); max to tree ${round(Math.max(...tree))} ms`,
      },
      {
        name: 'warm: console page first contentful paint in a fresh browser context, median',
        value: median(fcps),
        unit: 'ms',
        samples: fcps.length,
        better: 'lower',
        note: `login form on screen: median ${median(forms)} ms, max ${round(Math.max(...forms))} ms after navigation start`,
      },
      {
        name: 'in process: open node + login + division tree with counts (demo), median',
        value: median(inProcess),
        unit: 'ms',
        samples: inProcess.length,
        target: 1000,
        better: 'lower',
        note: `max ${round(Math.max(...inProcess))} ms; includes one scrypt password check (~50 ms by design)`,
      },
    ];
  } finally {
    app.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
