import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CoreApi, login, loginWall, present, queryQueue } from './queueHelpers';
import { OPEN_STATUSES } from '../../shared/domain/disputeStatus';

/**
 * The wall (大屏, issue 11): the wall account lands on it, full screen and dark, at 1920×1080 and at
 * 3840×2160; its panels rotate; when the server goes away it says so, and when the server is back it
 * reconnects and refreshes by itself.
 */
const SHOTS = '.tmp/screenshots/wall';

/**
 * The city's open cases as the queue counts them for the read-only leader (other specs add cases to the
 * shared e2e database, so the demo's 1,500 is only where it starts): the wall must show the same number.
 */
async function openInQueue(request: APIRequestContext): Promise<string> {
  const leader = await CoreApi.login(request, 'leader');
  const { total } = await queryQueue(leader, { statuses: [...OPEN_STATUSES] }, 1);
  expect(total).toBeGreaterThanOrEqual(1500);
  return String(total);
}

async function openWall(page: Page, base = '') {
  await loginWall(page, base);
  await expect(page.getByTestId('wall-kpi-open')).toHaveAttribute('data-value', /^\d+$/);
  await expect(page.getByTestId('wall-map').locator('canvas')).toBeVisible();
}

for (const [w, h] of [
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`the wall at ${w}×${h}: key figures, the map by grid, a rotating panel, the ticker`, async ({ browser, request }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await openWall(page);
    expect(page.url()).toContain('#/wall');
    await expect(page.getByTestId('wall-kpi-open')).toHaveAttribute('data-value', await openInQueue(request));
    await expect(page.getByTestId('wall-kpi-swept')).toHaveAttribute('data-value', '3268');
    await expect(page.getByTestId('wall-link-up')).toBeVisible();
    await expect(page.getByTestId('wall-ticker')).toContainText('红色预警');
    // Type scales with the screen (2.8 × 1/54 of the height), not a fixed size.
    const size = await page.getByTestId('wall-kpi-open').locator('.gc-wall-kpi-value').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeCloseTo((2.8 * h) / 54, 0);
    // The key figures stay in their row: the map panel starts below them.
    const kpiBottom = (await page.locator('.gc-wall-kpis').boundingBox())!;
    const mapTop = (await page.getByTestId('wall-map').boundingBox())!;
    const lastKpi = (await page.getByTestId('wall-kpi-handled').boundingBox())!;
    expect(lastKpi.y + lastKpi.height).toBeLessThanOrEqual(kpiBottom.y + kpiBottom.height + 1);
    expect(mapTop.y).toBeGreaterThan(kpiBottom.y + kpiBottom.height);
    // No frame, no menu on the wall.
    await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(1200); // let the charts finish their first draw
    await page.screenshot({ path: `${SHOTS}/wall-${w}x${h}.png` });
    if (w === 1920) {
      const first = await page.getByTestId('wall').getAttribute('data-panel');
      await expect(page.getByTestId('wall')).not.toHaveAttribute('data-panel', first!, { timeout: 16_000 });
      await page.waitForTimeout(1500); // the new panel's bars grow in
      await page.screenshot({ path: `${SHOTS}/wall-${w}x${h}-panel2.png` });
    }
    await context.close();
  });
}

/** A server of this spec's own (the serve port), so it can be stopped and started again. */
const OWN_PORT = Number(process.env.SERVE_PORT ?? 5340);
const OWN_BASE = `http://127.0.0.1:${OWN_PORT}`;

function startServer(reset: boolean): ChildProcess {
  const args = ['dist/electron/cli.mjs', 'serve', '--data-dir', '.tmp/wall-data', '--port', String(OWN_PORT)];
  if (reset) args.push('--reset');
  return spawn(process.execPath, args, { stdio: 'ignore' });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${OWN_BASE}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitHealthy(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await healthy()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('own server did not come up');
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

test('the wall says when the server is gone and recovers by itself when it is back', async ({ page }) => {
  test.setTimeout(240_000);
  let server = startServer(true);
  try {
    await waitHealthy(180_000);
    await openWall(page, OWN_BASE);
    await expect(page.getByTestId('wall-link-up')).toBeVisible();

    await stop(server);
    await expect(page.getByTestId('wall-link-down')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('wall-link-down')).toContainText('连接中断');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/wall-link-down.png` });
    // The last figures stay on screen meanwhile.
    await expect(page.getByTestId('wall-kpi-open')).toHaveAttribute('data-value', '1500');

    server = startServer(false);
    await waitHealthy(60_000);
    // Nobody touches the wall: it reconnects (backoff ≤ a few seconds here) and refreshes its figures.
    await expect(page.getByTestId('wall-link-up')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('wall')).toHaveAttribute('data-link', 'up');
    await expect(page.getByTestId('wall-kpi-open')).toHaveAttribute('data-value', '1500');
  } finally {
    await stop(server);
  }
});

test('a LAN wall token from Settings opens the wall in a browser with no login, and stops when revoked', async ({ page, browser, request }) => {
  await login(page, 'admin');
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('wall-tokens');
  await card.getByLabel('名称').fill('指挥中心大屏2');
  await page.getByTestId('wall-token-create').click();
  const link = present(await page.getByTestId('wall-token-link').locator('code').textContent(), 'the wall address');
  expect(link).toContain('#/wall?wallToken=');

  const lan = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const wall = await lan.newPage();
  await wall.goto(link);
  await expect(wall.getByTestId('wall')).toBeVisible();
  await expect(wall.getByTestId('wall-kpi-open')).toHaveAttribute('data-value', await openInQueue(request));
  // The token left the address bar.
  expect(wall.url()).not.toContain('wallToken');

  await card.getByRole('row', { name: /指挥中心大屏2/ }).getByRole('button', { name: /撤\s?销/ }).click();
  await expect(card.getByRole('row', { name: /指挥中心大屏2/ })).toContainText('已撤销');
  await wall.reload();
  await expect(wall.getByTestId('login-form')).toBeVisible();
  await lan.close();
});
