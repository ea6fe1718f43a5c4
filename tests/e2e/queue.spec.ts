import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { CoreApi, gridRows, login, present, queryQueue, screenshot, shownTotal } from './queueHelpers';

/**
 * The queue (矛盾纠纷台账): filters and quick search are done in the core, so what the grid shows must be
 * exactly what the core counts for the same view; export downloads that ledger as .xlsx.
 */

const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];

test('the dispatcher’s queue opens on the open cases, with the core’s total and coloured rows', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const open = await queryQueue(api, { statuses: OPEN }, 1);
  await login(page, 'dispatcher');
  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('queue-page')).toBeVisible();
  expect(await shownTotal(page)).toBe(open.total);
  await expect(gridRows(page).first()).toBeVisible();
  // Dates as 2021-10-29, case numbers in full.
  await expect(gridRows(page).first()).toContainText(/2021-\d{2}-\d{2}/);
  await screenshot(page, 'queue');
});

test('filters by category and warning colour show the right rows and count', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const expected = await queryQueue(api, { statuses: OPEN, categories: ['婚姻家庭'], warnings: ['red', 'yellow'] }, 100);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);

  await page.getByTestId('filter-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^婚姻家庭$/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-warning').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^红色$/ }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^黄色$/ }).click();
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));
  const rows = gridRows(page);
  await expect(rows.first()).toContainText(present(expected.rows[0], 'a red or yellow 婚姻家庭 case').caseNo);
  const n = Math.min(await rows.count(), 10);
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i)).toContainText('婚姻家庭');
    await expect(rows.nth(i)).toContainText(/红色|黄色/);
  }
});

test('quick search finds a 2-character name and a case number, as the core counts them', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const sample = present((await queryQueue(api, { statuses: OPEN }, 50)).rows.find((r) => /^[\u4e00-\u9fa5]{2}\s/.test(r.partiesLabel)), 'an open case with a 2-character party name');
  const name = sample.partiesLabel.slice(0, 2);
  const byName = await queryQueue(api, { statuses: OPEN, text: name }, 100);
  expect(byName.total).toBeGreaterThan(0);

  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.keyboard.press('/');
  await expect(page.getByLabel('快速搜索')).toBeFocused();
  await page.keyboard.type(name);
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(byName.total));
  await expect(gridRows(page).first()).toContainText(present(byName.rows[0], `a case found by ${name}`).caseNo);

  await page.getByLabel('快速搜索').fill(sample.caseNo);
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', '1');
  await expect(gridRows(page)).toHaveCount(1);
  // Enter opens the case over the ledger.
  await gridRows(page).first().getByRole('gridcell').nth(1).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-drawer').getByTestId('case-no')).toHaveText(sample.caseNo);
});

test('the director sees red warnings on top', async ({ page }) => {
  await login(page, 'director');
  await page.goto('/#/queue');
  await expect(page.getByTestId('queue-red-on-top')).toBeChecked();
  await expect(gridRows(page).first()).toContainText('红色');
  await expect(gridRows(page).first()).toHaveClass(/gc-row-red/);
});

test('export downloads exactly the filtered ledger as .xlsx', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const expected = await queryQueue(api, { statuses: OPEN, overdue: true }, 1);
  expect(expected.total).toBeGreaterThan(10);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('filter-overdue').click();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));
  // The first rows of the view as the grid shows them (in the UI's own sort order).
  const firstShown: string[] = [];
  for (let i = 0; i < 10; i++) {
    const cell = page.getByTestId('queue-grid').locator(`[row-index="${i}"] [col-id="case_no"]`).first();
    await expect(cell).toHaveText(/\S/);
    firstShown.push((await cell.innerText()).trim());
  }

  const download = page.waitForEvent('download');
  await page.getByTestId('queue-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');

  // Open the workbook: one header row, then exactly the view's rows, in the view's order.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const header = sheet.getRow(1).values as unknown[];
  expect(header.slice(1, 3)).toEqual(['序号', '案件编号']);
  const overdueColumn = header.indexOf('是否逾期');
  expect(overdueColumn).toBeGreaterThan(0);
  expect(sheet.actualRowCount - 1).toBe(expected.total);
  const caseNos: string[] = [];
  const notOverdue: number[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    caseNos.push(String(row.getCell(2).value));
    if (row.getCell(overdueColumn).value !== '是') notOverdue.push(n);
  });
  expect(caseNos).toHaveLength(expected.total);
  expect(new Set(caseNos).size).toBe(expected.total);
  expect(caseNos.slice(0, firstShown.length)).toEqual(firstShown);
  expect(notOverdue).toEqual([]);
});

test('a leader’s queue has no intake, import or batch actions', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/#/queue');
  await shownTotal(page);
  await expect(page.getByTestId('queue-new')).toHaveCount(0);
  await expect(page.getByTestId('queue-import')).toHaveCount(0);
  await expect(page.getByTestId('batch-actions')).toHaveCount(0);
});
