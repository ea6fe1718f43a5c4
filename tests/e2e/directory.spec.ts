import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, screenshot } from './queueHelpers';

/**
 * The service-point directory against the real server: a bad phone is refused and creates nothing, a
 * point outside its village is refused by the core with the error under the field, a good point appears;
 * an Excel file with bad rows shows the row-by-row report and imports nothing until asked for the good
 * rows; a read-only role sees no edit controls.
 */

interface Node {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

let api: CoreApi;
let village: Node | undefined;

// The API session belongs to each test (Playwright's request fixture cannot outlive one).
test.beforeEach(async ({ request }) => {
  api = await CoreApi.login(request, 'director');
  if (village) return;
  const { nodes } = await api.value<{ nodes: Node[] }>('divisions.tree', { depth: 'village' });
  const villages = nodes.filter((n) => n.level === 'village');
  const count = new Map<string, number>();
  for (const v of villages) count.set(v.name, (count.get(v.name) ?? 0) + 1);
  // A village whose name is unique, so typing it into the division picker finds exactly one.
  village = villages.find((v) => count.get(v.name) === 1);
});

async function total(name: string): Promise<number> {
  return (await api.value<{ total: number }>('directory.list', { q: name })).total;
}

function rows(page: Page) {
  return page.getByTestId('directory-grid').getByRole('row').filter({ has: page.getByRole('gridcell') });
}

function theVillage(): Node {
  if (!village) throw new Error('no village with a unique name in the demo');
  return village;
}

test('create: a bad phone is refused and creates nothing; a point outside its village is refused by the core; a good one appears', async ({ page }) => {
  const village = theVillage();
  const name = `测试法律服务工作点${Date.now() % 100000}`;
  await login(page, 'director');
  await page.getByTestId('nav-directory').click();
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('directory-create').click();
  const form = page.getByTestId('point-form');
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('所属区划').fill(village.name);
  await page.locator('.ant-select-tree-title', { hasText: village.name }).first().click();
  await form.getByLabel('电话').fill('12345678');
  await page.locator('#point-form-save').click();
  await expect(form.getByText('电话格式有误')).toBeVisible();
  expect(await total(name)).toBe(0);

  // A good phone, but a location far outside the village: the core refuses it and names the field.
  await form.getByLabel('电话').fill('0737-4123456');
  await form.getByLabel('经度（WGS-84）').fill('100');
  await form.getByLabel('纬度（WGS-84）').fill('40');
  await page.locator('#point-form-save').click();
  await expect(form.getByText('位置不在所属区划的边界内')).toBeVisible();
  expect(await total(name)).toBe(0);
  await screenshot(page, 'directory-form-errors');

  await form.getByLabel('经度（WGS-84）').clear();
  await form.getByLabel('纬度（WGS-84）').clear();
  await page.locator('#point-form-save').click();
  await expect(form).toBeHidden();
  expect(await total(name)).toBe(1);

  await page.getByLabel('搜索服务点').fill(name);
  await page.getByLabel('搜索服务点').press('Enter');
  await expect(page.getByTestId('directory-total')).toHaveAttribute('data-value', '1');
  await expect(rows(page).first()).toContainText(name);
  await expect(rows(page).first()).toContainText('0737-4123456');
});

async function workbook(lines: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务点目录');
  ws.addRow(['编号', '名称', '类别', '层级', '所属区划代码', '所属区划', '地址', '经度', '纬度', '电话', '开放时间', '联系人', '工作人员数', '备注']);
  for (const l of lines) ws.addRow(l);
  mkdirSync('.tmp', { recursive: true });
  const file = `.tmp/directory-import-${Date.now()}.xlsx`;
  await wb.xlsx.writeFile(file);
  return file;
}

test('import with errors shows the row-by-row report, imports nothing, then only the good rows on request', async ({ page }) => {
  const village = theVillage();
  const tag = `导入测试${Date.now() % 100000}`;
  const file = await workbook([
    ['', `${tag}工作点`, '公共法律服务工作点', '村', village.code, village.name, '村部一楼', '', '', '0737-4000001', '8:30-17:30', '', 2, ''],
    ['', `${tag}电话错`, '公共法律服务工作点', '村', village.code, village.name, '', '', '', '12345678', '', '', '', ''],
    ['', `${tag}类别错`, '不存在的类别', '村', village.code, village.name, '', '', '', '', '', '', '', ''],
  ]);
  await login(page, 'director');
  await page.goto('/#/directory');
  await page.getByTestId('directory-import').click();
  await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(file);
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-rows', '3');
  await expect(report).toHaveAttribute('data-valid', '1');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').filter({ hasText: '电话' })).toContainText('3');
  await expect(errors.getByRole('row').filter({ hasText: '类别' })).toContainText('4');
  await expect(page.getByTestId('import-all')).toBeDisabled();
  expect(await total(tag)).toBe(0);
  await screenshot(page, 'directory-import-report');

  await page.getByTestId('import-good-rows').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 1 个');
  expect(await total(tag)).toBe(1);
});

test('a read-only leader sees the directory but no edit controls', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/#/directory');
  // A loaded row (its update time), not AG Grid's loading placeholder: clicking that one opens nothing.
  await expect(rows(page).first()).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('directory-create')).toHaveCount(0);
  await expect(page.getByTestId('directory-import')).toHaveCount(0);
  await rows(page).first().click();
  await expect(page.getByTestId('point-drawer')).toBeVisible();
  await expect(page.getByTestId('point-edit')).toHaveCount(0);
});
