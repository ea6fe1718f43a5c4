import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, queryQueue } from './queueHelpers';

/** Declining with a reason, and the director's own steps: reopening and the county escalation round trip. */

async function submitDialog(page: Page) {
  await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
}

test('decline needs a reason; the director reopens the declined case', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const target = (await queryQueue(api, { statuses: ['registered'] }, 5)).rows[4];
  expect(target).toBeDefined();

  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${target?.id}`);
  await page.getByTestId('action-decline').click();
  await submitDialog(page);
  await expect(page.getByRole('dialog')).toContainText('请填写不予受理的理由');
  await page.getByRole('dialog').getByLabel('不予受理的理由').fill('属于劳动仲裁受理范围，已告知当事人向劳动人事争议仲裁委员会申请。');
  await submitDialog(page);
  await expect(page.getByTestId('case-status')).toHaveText('不予受理');
  // A dispatcher may not reopen: no button.
  await expect(page.getByTestId('action-reopen')).toHaveCount(0);

  await login(page, 'director');
  await page.goto(`/#/cases/${target?.id}`);
  await page.getByTestId('action-reopen').click();
  await page.getByRole('dialog').getByLabel('重新启动的理由').fill('当事人补充了材料，属于邻里纠纷。');
  await submitDialog(page);
  await expect(page.getByTestId('case-status')).toHaveText('已登记');
});

test('the director escalates to the county and records its answer', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'director');
  const target = (await queryQueue(api, { statuses: ['mediating'] }, 3)).rows[2];
  expect(target).toBeDefined();

  await login(page, 'director');
  await page.goto(`/#/cases/${target?.id}`);
  await page.getByTestId('action-escalate').click();
  await page.getByRole('dialog').getByLabel('上报理由').fill('涉及两个乡镇的山林界址，需县级协调。');
  await submitDialog(page);
  await expect(page.getByTestId('case-status')).toHaveText('已上报县级');

  await page.getByTestId('action-countyAnswer').click();
  await page.getByRole('dialog').getByLabel('县级答复意见').fill('县司法局已协调林业部门现场勘界，请乡镇继续调解。');
  await submitDialog(page);
  // Back where it was escalated from.
  await expect(page.getByTestId('case-status')).toHaveText('调解中');
  await expect(page.getByTestId('case-timeline')).toContainText('县级答复');
});
