import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { login, loginWall, present } from './queueHelpers';

/**
 * Each role's 工作台 (issue 11): its own figures, each opening exactly the rows it counts in the queue;
 * the director's ranking and the leader's 成绩单 with charts; the 排查情况表 page; the wall's menu.
 */
const SHOTS = '.tmp/screenshots/workbench';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Click a figure and check the queue opens with exactly as many rows as the figure said. */
async function followTile(page: Page, testId: string) {
  const tile = page.getByTestId(testId);
  const value = await tile.getAttribute('data-value');
  expect(value, testId).not.toBeNull();
  await tile.click();
  await expect(page.getByTestId('queue-page')).toBeVisible();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', value!);
  await page.goBack();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

test.describe('工作台 per role', () => {
  test('the mediator sees their own cases due soon and overdue, not the city\'s', async ({ page }) => {
    await login(page, 'mediator');
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-role', 'mediator');
    const open = Number(await page.getByTestId('tile-mineOpen').getAttribute('data-value'));
    expect(open).toBeGreaterThanOrEqual(5);
    expect(open).toBeLessThan(100);
    await expect(page.getByTestId('area-figures')).toHaveCount(0);
    await shot(page, 'workbench-mediator');
    for (const id of ['tile-mineOpen', 'tile-mineDueSoon', 'tile-mineOverdue']) await followTile(page, id);
  });

  test('the dispatcher sees today\'s intake and the cases waiting for acceptance and assignment', async ({ page }) => {
    await login(page, 'dispatcher');
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('tile-awaitingAcceptance')).toBeVisible();
    await shot(page, 'workbench-dispatcher');
    for (const id of ['tile-intakeToday', 'tile-awaitingAcceptance', 'tile-awaitingAssignment']) await followTile(page, id);
  });

  test('the director sees red warnings, overdue cases and the township ranking, each a link to its rows', async ({ page }) => {
    await login(page, 'director');
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('township-ranking')).toBeVisible();
    await expect(page.getByTestId('chart-trend').locator('canvas')).toBeVisible();
    await shot(page, 'workbench-director');
    for (const id of ['tile-red', 'tile-overdue']) await followTile(page, id);
    const firstOpen = page.getByTestId('township-ranking').locator('[data-testid$="-open"]').first();
    await followTile(page, present(await firstOpen.getAttribute('data-testid'), 'a ranking link'));
  });

  test('the leader sees the 成绩单 with its trend, and the 排查情况表 adds up to it', async ({ page }) => {
    await login(page, 'leader');
    await page.getByTestId('nav-dashboard').click();
    const report = page.getByTestId('report-card');
    await expect(report).toBeVisible();
    // Jan 1 to the demo's today: the nine months of the source report plus October's cases.
    const handled = Number(await page.getByTestId('report-handled').getAttribute('data-value'));
    expect(handled).toBeGreaterThanOrEqual(17_452);
    await expect(page.getByTestId('report-swept')).toHaveAttribute('data-value', '3268');
    for (const chart of ['chart-trend', 'chart-categories', 'chart-warnings']) await expect(page.getByTestId(chart).locator('canvas')).toBeVisible();
    await shot(page, 'workbench-leader');
    await followTile(page, 'tile-red');

    await page.getByTestId('nav-stats').click();
    await expect(page.getByTestId('sweep-table-page')).toBeVisible();
    await expect(page.getByTestId('sweep-table-title')).toContainText('2021年9月');
    const total = page.locator('[data-category="合计"]');
    await expect(total.locator('[data-col="handled"]')).toHaveAttribute('data-value', /\d+/);
    await shot(page, 'sweep-table');
    const download = page.waitForEvent('download');
    await page.getByTestId('sweep-table-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/排查情况表.*\.xlsx$/);
  });

  test('the wall account lands on the wall, and its menu offers only the wall', async ({ page }) => {
    await loginWall(page);
    // A framed page (reached by address only) shows the menu: the wall and nothing else.
    await page.goto('/#/settings');
    await expect(page.getByTestId('nav-wall')).toBeVisible();
    for (const key of ['dashboard', 'divisions', 'map', 'queue', 'directory', 'settings', 'stats']) await expect(page.getByTestId(`nav-${key}`)).toHaveCount(0);
  });
});
