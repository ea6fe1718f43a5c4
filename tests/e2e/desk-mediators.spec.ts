import { expect, test } from '@playwright/test';
import { CoreApi, gridRows, login, pressDialogOk, queryQueue, shownTotal } from './queueHelpers';

/** Dispatching at scale: the pickers search every mediator in the core, the busiest included, and show each one's load. */

const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'];
const SHOTS = '.tmp/screenshots/desk';

type Mediators = { total: number; mediators: Array<{ personId: number; name: string; orgName: string | null; openCases: number }> };

/** The busiest mediator of the node: not on the picker's first page of the least busy. */
async function busiest(api: CoreApi) {
  const found = await api.value<Mediators>('disputes.mediators', { search: '吴玉丽' });
  const m = found.mediators[0];
  expect(m, 'the demo’s 吴玉丽').toBeDefined();
  expect(m!.openCases).toBeGreaterThan(5);
  const firstPage = await api.value<Mediators>('disputes.mediators', { limit: 500 });
  expect(firstPage.total).toBeGreaterThan(500);
  expect(firstPage.mediators.some((x) => x.personId === m!.personId)).toBe(false);
  return m!;
}

test('the queue’s mediator filter finds the busiest mediator by name and shows the load', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const m = await busiest(api);
  const expected = await queryQueue(api, { statuses: OPEN, mediatorId: m.personId }, 1);
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  // The mediator is among the filters behind "more filters" on the compact bar.
  await page.getByTestId('queue-more-filters').click();
  const picker = page.getByTestId('queue-filters').getByTestId('mediator-select');
  await picker.click();
  await expect(page.getByTestId('mediator-more')).toBeVisible();
  await page.keyboard.type('吴玉丽');
  const option = page.locator('.ant-select-item-option').filter({ hasText: '吴玉丽' });
  await expect(option).toHaveCount(1);
  await expect(option).toContainText(`在办 ${m.openCases} 件`);
  await expect(option).toContainText(m.orgName ?? '');
  await page.screenshot({ path: `${SHOTS}/mediator-search-busiest.png` });
  await option.click();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-value', String(expected.total));
  await expect(gridRows(page).first()).toContainText('吴玉丽');
});

test('batch assign finds a mediator by committee name, and assigns to them', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const m = await busiest(api);
  const org = m.orgName ?? '';
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^已受理$/ }).click();
  await page.keyboard.press('Escape');
  await gridRows(page).nth(0).getByRole('checkbox').check();
  await page.getByTestId('batch-assign').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('mediator-select').click();
  // The committee's name finds its mediators, the busiest among them.
  await page.keyboard.type(org);
  const option = page.locator('.ant-select-item-option').filter({ hasText: m.name });
  await expect(option).toContainText(`在办 ${m.openCases} 件`);
  await option.click();
  await pressDialogOk(page);
  await expect(page.getByText('已完成 1 件')).toBeVisible();
  const after = await api.value<Mediators>('disputes.mediators', { search: m.name });
  expect(after.mediators[0]!.openCases).toBe(m.openCases + 1);
});
