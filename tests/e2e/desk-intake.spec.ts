import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, queryQueue, shownTotal } from './queueHelpers';

/** The intake's place picker by typing (click or Enter, a unique match by keyboard alone), and the draft that is not lost. */

const SHOTS = '.tmp/screenshots/desk';
const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];

type Tree = { nodes: Array<{ code: string; name: string; level: string }> };

/** A division whose name is unique at the node (the demo's 泰利溪村, 莲垅镇). */
async function uniquePlace(api: CoreApi, text: string, level: string) {
  const { nodes } = await api.value<Tree>('divisions.tree', { depth: 'village' });
  const named = nodes.filter((n) => n.name.includes(text));
  expect(named.map((n) => n.level), `places named ${text}`).toEqual([level]);
  return named[0]!;
}

const placePicker = (page: Page) => page.getByLabel('村（社区） / 网格');
/** The picker as it shows its value (the path to the place). */
const pickedPlace = (page: Page, name: string) => page.getByTestId('intake-page').locator('.ant-cascader').filter({ hasText: name });

test('typing a village name and Enter picks it, by keyboard alone', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const village = await uniquePlace(api, '泰利溪', 'village');
  await login(page, 'dispatcher');
  await page.goto('/#/queue/new');
  await expect(page.getByTestId('intake-page')).toBeVisible();
  await placePicker(page).focus();
  await page.keyboard.type('泰利溪');
  await expect(page.locator('.ant-cascader-menu-item').filter({ hasText: village.name })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/intake-place-typed.png` });
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-cascader-dropdown:visible')).toHaveCount(0);
  await expect(pickedPlace(page, village.name)).toBeVisible();
  // The map toggle is next in the tab order after the address (reachable without a mouse).
  await page.getByLabel('详细地址').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('intake-map-toggle')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/intake-place-keyboard.png` });
});

test('a click on a search result picks the village (it has grids below it)', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const village = await uniquePlace(api, '泰利溪', 'village');
  await login(page, 'dispatcher');
  await page.goto('/#/queue/new');
  await placePicker(page).click();
  await page.keyboard.type('泰利');
  await page.locator('.ant-cascader-menu-item').filter({ hasText: village.name }).first().click();
  await expect(pickedPlace(page, village.name)).toBeVisible();
});

test('the queue’s place filter picks a township by name and Enter', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const township = await uniquePlace(api, '莲垅镇', 'township');
  const expected = await queryQueue(api, { statuses: OPEN, townshipCode: township.code }, 1);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByLabel('乡镇 / 村 / 网格').focus();
  await page.keyboard.type('莲垅镇');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));
});

test('a half-filled intake survives a reload, asks before leaving, and is gone once registered', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const village = await uniquePlace(api, '泰利溪', 'village');
  await login(page, 'dispatcher');
  await page.goto('/#/queue/new');
  await page.evaluate(() => window.localStorage.removeItem('ggc.intakeDraft.dispatcher'));
  await page.reload();
  await expect(page.getByTestId('intake-draft')).toHaveCount(0);
  await page.getByLabel('纠纷类别').click();
  await page.keyboard.type('邻里');
  await page.keyboard.press('Enter');
  await page.getByTestId('party-0').getByLabel('姓名/名称').fill('草稿申请人');
  await page.getByTestId('party-1').getByLabel('姓名/名称').fill('草稿被申请人');
  await page.getByLabel('简要情况').fill('来电反映邻居堆放杂物堵塞通道，电话尚未挂断。');

  await page.reload();
  await expect(page.getByTestId('intake-draft')).toBeVisible();
  await expect(page.getByTestId('party-0').getByLabel('姓名/名称')).toHaveValue('草稿申请人');
  await expect(page.getByLabel('简要情况')).toHaveValue('来电反映邻居堆放杂物堵塞通道，电话尚未挂断。');

  // Leaving by the menu asks first; staying keeps everything.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '离开登记页？' });
  await expect(ask).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/intake-leave-asks.png` });
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(page).toHaveURL(/#\/queue\/new$/);
  await expect(page.getByTestId('party-0').getByLabel('姓名/名称')).toHaveValue('草稿申请人');

  await placePicker(page).focus();
  await page.keyboard.type('泰利溪');
  await page.keyboard.press('Enter');
  await expect(pickedPlace(page, village.name)).toBeVisible();
  await page.getByLabel('简要情况').press('Control+Enter');
  await expect(page.getByTestId('case-view')).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('ggc.intakeDraft.dispatcher'))).toBeNull();
  await page.goto('/#/queue/new');
  await expect(page.getByTestId('intake-page')).toBeVisible();
  await expect(page.getByTestId('intake-draft')).toHaveCount(0);
  await expect(page.getByTestId('party-0').getByLabel('姓名/名称')).toHaveValue('');
});
