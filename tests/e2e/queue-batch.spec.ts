import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { CoreApi, gridRows, login, present, queryQueue, shownTotal, pressDialogOk } from './queueHelpers';

/** Saved views, batch actions and the import with its row-by-row report, as the dispatcher uses them. */

const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];

test('a saved view brings back its filters; it can be deleted', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const expected = await queryQueue(api, { statuses: OPEN, categories: ['邻里'] }, 1);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('filter-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^邻里$/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));

  await page.getByTestId('saved-views-save').click();
  await page.getByLabel('视图名称').fill('邻里在办');
  await page.getByLabel('视图名称').press('Enter');
  await expect(page.getByText('已保存视图“邻里在办”')).toBeVisible();

  await page.getByTestId('queue-clear').click();
  await expect(page.getByTestId('queue-total')).not.toHaveAttribute('data-value', String(expected.total));
  await page.getByTestId('saved-views').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '邻里在办' }).click();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));

  await page.getByRole('button', { name: '删除视图' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('saved-views').click();
  await expect(page.locator('.ant-select-item-option').filter({ hasText: '邻里在办' })).toHaveCount(0);
});

test('batch: two selected cases get the red warning with one reason', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const candidates = (await queryQueue(api, { statuses: ['registered'], warnings: ['none'] }, 2)).rows;
  expect(candidates).toHaveLength(2);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('filter-warning').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^无$/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^已受理$/ }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^已分派$/ }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^调解中$/ }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^已上报县级$/ }).click();
  await page.keyboard.press('Escape');
  await expect(gridRows(page).first()).toContainText(present(candidates[0], 'the first candidate').caseNo);

  await gridRows(page).nth(0).getByRole('checkbox').check();
  await gridRows(page).nth(1).getByRole('checkbox').check();
  await expect(page.getByTestId('batch-count')).toHaveText('已选 2 件');
  await page.getByTestId('batch-warning').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('红色').click();
  await dialog.getByRole('textbox').fill('同一村民小组多户反映，有聚集苗头');
  await pressDialogOk(page);
  await expect(page.getByText('已完成 2 件')).toBeVisible();

  for (const c of candidates) {
    const detail = await api.value<{ warning: string; warningReason: string | null }>('disputes.detail', { id: c.id });
    expect(detail.warning).toBe('red');
  }
});

test('import: the row-by-row report comes first, a bad file imports nothing, a good one imports all', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const row = (await queryQueue(api, { statuses: OPEN }, 20)).rows.find((r) => r.villageCode && r.gridId);
  const grids = await api.value<{ grids: Array<{ id: number; code: string }> }>('disputes.gridsOfVillage', { villageCode: row?.villageCode });
  const gridCode = present(grids.grids.find((g) => g.id === row?.gridId), 'the grid of an open case').code;
  // Fresh people each run, so a rerun on the same data is not a duplicate of the last one.
  const run = Date.now();
  const id = makeIdNumber({ region: '430902', birthDate: '19750601', sequence: run % 999 });
  const phone = `138${String(run % 1e8).padStart(8, '0')}`;
  const header = '工单编号,登记时间,纠纷类别,申请人,申请人身份证号,联系电话,被申请人,网格编码,纠纷简要情况,涉及人数';
  const good = `WXG-1001,2021-10-28 09:10,邻里,韦小宝,${id},${phone},陈近南,${gridCode},邻居在公共通道堆放杂物，影响通行,2`;
  const bad = `WXG-1002,2021-10-28 10:20,邻里,双儿,430902197506011230,13807371235,沐剑屏,${gridCode},楼上漏水,2`;
  const before = (await queryQueue(api, {}, 1)).total;

  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('queue-import').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'wxg.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${bad}\n`, 'utf8') });
  // Checked as soon as it is picked: the report comes before any import.
  await expect(dialog.getByTestId('import-summary')).toContainText('共 2 行，有效 1 行');
  await expect(dialog.getByTestId('import-report')).toContainText('身份证号');
  await expect(dialog.getByTestId('import-run')).toBeDisabled();
  expect((await queryQueue(api, {}, 1)).total).toBe(before);

  await dialog.locator('input[type=file]').setInputFiles({ name: 'wxg-ok.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`, 'utf8') });
  await expect(dialog.getByTestId('import-summary')).toContainText('共 1 行，有效 1 行');
  await dialog.getByTestId('import-run').click();
  await expect(page.getByText('已导入 1 件')).toBeVisible();
  expect((await queryQueue(api, {}, 1)).total).toBe(before + 1);
});
