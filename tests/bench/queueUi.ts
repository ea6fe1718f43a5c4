/**
 * Queue UI: from a keystroke in the queue's quick search to the matching rows painted in Chromium, on
 * the 17,452-case demo (issue 3: ≤ 300 ms). The real server is started from the built dist on a free
 * port with a fresh data dir; Debian's Chromium (or Playwright's) is driven headless.
 *
 * One sample: the term minus its last character is in the box and its rows are shown; the last
 * character is typed; the clock runs from that input event (event.timeStamp) until a MutationObserver on
 * the grid sees the first row and the total of the new result, plus the next frame (rAF, then a task:
 * the rows are painted). The quick search's debounce is inside the figure, as a clerk feels it.
 * Baseline, same run: the same search's raw HTTP round trip (disputes.query for the first 100-row block,
 * from Node), i.e. what the UI adds on top of the core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchResult } from './types';
import { percentile, round } from './stats';
import { freePort, launchChromium } from './chromium';

const CLI = path.resolve('dist/electron/cli.mjs');
const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];
const SORT = { field: 'registered_at', dir: 'desc' };



async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${out}`)), 180_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { url, child };
}

interface Answer {
  rows: Array<{ caseNo: string }>;
  total: number;
}

async function httpQuery(url: string, token: string, text: string): Promise<{ ms: number; answer: Answer }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/call/disputes.query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ filter: { statuses: OPEN, text }, sort: SORT, startRow: 0, endRow: 100 }),
  });
  const body = (await res.json()) as { ok: boolean; value: Answer };
  const ms = performance.now() - t0;
  if (!body.ok) throw new Error(`query failed for ${text}`);
  return { ms, answer: body.value };
}

/*
 * In-page code is plain JavaScript in strings: this file is type-checked for Node (no DOM lib), and tsx's
 * keepNames would wrap named functions in a helper the page does not have.
 */
const SHOWS = `(caseNo, total) => {
  const shown = document.querySelector('[data-testid="queue-total"]')?.getAttribute('data-value');
  const first = document.querySelector('[data-testid="queue-grid"] [role="row"][row-index="0"]');
  return shown === String(total) && (caseNo === '' || (first?.textContent ?? '').includes(caseNo));
}`;

/** Resolves with ms from the next input event in the search box to the expected rows painted. */
const ARM = `(caseNo, total) => new Promise((resolve, reject) => {
  const input = document.querySelector('input[aria-label="快速搜索"]');
  const grid = document.querySelector('[data-testid="queue-grid"]');
  if (!input || !grid) return reject(new Error('queue page not found'));
  let t0 = null;
  input.addEventListener('input', (e) => { t0 = e.timeStamp; }, { once: true, capture: true });
  const observer = new MutationObserver(() => {
    if (t0 === null || !(${SHOWS})(caseNo, total)) return;
    observer.disconnect();
    const start = t0;
    // Next frame, then a task: the browser has painted the new rows.
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  observer.observe(grid.parentElement ?? grid, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-value'] });
  setTimeout(() => { observer.disconnect(); reject(new Error('rows did not change within 10 s')); }, 10000);
})`;

const args = (expected: Answer) => `${JSON.stringify(expected.rows[0]?.caseNo ?? '')}, ${expected.total}`;

/** Wait until the grid shows this result (first row and total). */
async function settled(page: Page, expected: Answer): Promise<void> {
  await page.waitForFunction(`(${SHOWS})(${args(expected)})`, undefined, { timeout: 15_000 });
}

/** Arm the in-page clock before the keystroke. */
function arm(page: Page, expected: Answer): Promise<number> {
  return page.evaluate<number>(`(${ARM})(${args(expected)})`);
}

/** Search terms as clerks type them: 2- and 3-character names, 2–4 character matters, case-number prefixes. */
function pickTerms(rows: Array<{ caseNo: string; partiesLabel: string }>): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const n of r.partiesLabel.split(/ 与 |等/)) if (/^[\u4e00-\u9fa5]{2,3}$/.test(n)) names.add(n);
  const two = [...names].filter((n) => n.length === 2).slice(0, 5);
  const three = [...names].filter((n) => n.length === 3).slice(0, 5);
  return [...two, ...three, '宅基地', '婚姻', '工资', '承包山林', '2021-4399', rows[3]?.caseNo.slice(0, 15) ?? '2021-43992'];
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-queueui-'));
  const { url, child } = await startServer(dataDir);
  // Also when the bench dies mid-way (a closed pipe, Ctrl+C): no server left behind.
  const stopServer = () => child.kill('SIGTERM');
  process.once('exit', stopServer);
  const browser = await launchChromium();
  try {
    const login = await fetch(`${url}/api/call/session.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'zongzhi2021' }),
    });
    const loggedIn = (await login.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } };
    if (!loggedIn.value) throw new Error(`login failed: ${loggedIn.error?.message ?? login.status}`);
    const token = loggedIn.value.token;
    const sample = await fetch(`${url}/api/call/disputes.query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ filter: { statuses: OPEN }, sort: SORT, startRow: 0, endRow: 200 }),
    });
    const terms = pickTerms(((await sample.json()) as { value: { rows: Array<{ caseNo: string; partiesLabel: string }> } }).value.rows);

    // bypassCSP: only so the string probes above may be evaluated; the app's own code runs as under the CSP.
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
    await page.goto(`${url}/#/login`);
    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码').fill('zongzhi2021');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/#\/dashboard/);
    await page.goto(`${url}/#/queue`);
    await page.locator('[data-testid="queue-total"][data-value]').waitFor();
    const box = page.getByLabel('快速搜索');

    const ui: number[] = [];
    const http: number[] = [];
    // One warm-up round (JIT, first AG Grid paint, the core's caches) is not counted.
    // Two rounds over the terms (32 keystrokes): the p95 of 16 would be the single slowest one.
    const rounds = [terms[0] ?? '婚姻', ...terms, ...terms];
    const load = loadavg()[0] ?? 0;
    for (const [i, term] of rounds.entries()) {
      const prefix = term.slice(0, -1);
      const before = await httpQuery(url, token, prefix);
      await box.fill(prefix);
      await settled(page, before.answer);
      const target = await httpQuery(url, token, term);
      const measuring = arm(page, target.answer);
      await box.press('End');
      await page.keyboard.insertText(term.slice(-1));
      const ms = await measuring;
      if (i > 0) {
        ui.push(ms);
        http.push(target.ms);
      }
    }
    const note = `${ui.length} keystrokes over ${terms.length} terms (2/3-character names, 2–4 character matters, case-number prefixes); debounce 100 ms included; 1-min load average at start ${load.toFixed(1)}`;
    return [
      {
        name: 'keystroke → rows painted, p95 (Chromium, 17,452-case demo)',
        value: round(percentile(ui, 95)),
        unit: 'ms',
        target: 300,
        better: 'lower',
        baseline: { name: 'same search, raw HTTP round trip p95', value: round(percentile(http, 95)) },
        note,
      },
      {
        name: 'keystroke → rows painted, p50',
        value: round(percentile(ui, 50)),
        unit: 'ms',
        target: 300,
        better: 'lower',
        baseline: { name: 'same search, raw HTTP round trip p50', value: round(percentile(http, 50)) },
      },
    ];
  } finally {
    await browser.close();
    process.off('exit', stopServer);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
