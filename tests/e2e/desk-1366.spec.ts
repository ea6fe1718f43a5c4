import { expect, test } from '@playwright/test';
import { CoreApi, gridRows, login, queryQueue, shownTotal } from './queueHelpers';

/** An office PC's 1366×768: the queue's filters in one row, the number, colour and deadline in view; the map's overlays fold. */

test.use({ viewport: { width: 1366, height: 768 } });

const SHOTS = '.tmp/screenshots/desk';
const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];

test('the queue at 1366×768: one filter row, pinned number, colour and deadline, room for the cases', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  // The main filters share one row (more behind a button).
  const row = ['filter-status', 'filter-category', 'filter-warning', 'filter-overdue', 'queue-more-filters', 'queue-clear'];
  const tops = await Promise.all(row.map(async (id) => (await page.getByTestId(id).boundingBox())!.y));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
  await expect(page.getByTestId('queue-more-panel')).toHaveCount(0);
  await page.getByTestId('queue-more-filters').click();
  await expect(page.getByTestId('queue-more-panel').getByTestId('filter-source')).toBeVisible();
  await page.getByTestId('queue-more-filters').click();
  await expect(page.getByTestId('queue-more-panel')).toHaveCount(0);

  // Case number, colour and deadline inside the window, also after scrolling the middle columns sideways.
  const grid = page.getByTestId('queue-grid');
  await grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = 10_000));
  await page.waitForTimeout(300);
  for (const col of ['case_no', 'warning', 'deadline']) {
    const box = (await grid.locator(`.ag-header-cell[col-id="${col}"]`).boundingBox())!;
    expect(box.x, col).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, col).toBeLessThanOrEqual(1366);
  }
  // At least 16 cases on screen (four toolbar rows left about 14).
  const rowsShown = await gridRows(page).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(rowsShown).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: `${SHOTS}/queue-1366-scrolled.png` });
});

test('清除筛选 goes back to the open cases, not to every case', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const open = await queryQueue(api, { statuses: OPEN }, 1);
  const all = await queryQueue(api, {}, 1);
  expect(all.total).toBeGreaterThan(open.total);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await expect(page.getByTestId('queue-clear')).toBeDisabled();
  await page.getByTestId('filter-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^邻里$/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-clear')).toHaveText(/清除筛选（1）/);
  await page.getByTestId('queue-clear').click();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(open.total));
  await expect(page.getByTestId('filter-status')).toContainText('已登记');
  await expect(page.getByTestId('queue-clear')).toBeDisabled();
});

test('the map’s layer panel and legend fold at 1366×768, and open on demand', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.evaluate(() => {
    window.localStorage.removeItem('ggc.map.panelOpen');
    window.localStorage.removeItem('ggc.map.legendOpen');
  });
  await page.goto('/#/map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('map-layer-panel')).toHaveCount(0);
  await expect(page.getByTestId('map-legend')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/map-1366-folded.png` });
  await page.getByTestId('map-legend-show').click();
  await expect(page.getByTestId('map-legend')).toContainText('在办纠纷');
  await page.getByTestId('map-layer-panel-show').click();
  await expect(page.getByTestId('map-layer-panel')).toContainText('图层');
  await page.getByTestId('map-layer-panel-hide').click();
  await expect(page.getByTestId('map-layer-panel')).toHaveCount(0);
  // The choice is kept.
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('map-legend')).toBeVisible();
  await expect(page.getByTestId('map-layer-panel')).toHaveCount(0);
});
