import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, pressDialogOk, queryQueue } from './queueHelpers';

/** Declining with a reason, and the director's own steps: reopening and the county escalation round trip. */

async function submitDialog(page: Page, closes = true) {
  await pressDialogOk(page);
  // The next step's dialog must not open while this one is still closing.
  if (closes) await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('decline needs a reason; the director reopens the declined case', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const target = (await queryQueue(api, { statuses: ['registered'] }, 5)).rows[4];
  expect(target).toBeDefined();

  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${target?.id}`);
  await page.getByTestId('action-decline').click();
  await submitDialog(page, false);
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

test('notes and attachments: a note goes on the timeline, a file is stored and downloads unchanged', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const target = (await queryQueue(api, { statuses: ['accepted'] }, 1)).rows[0];
  expect(target).toBeDefined();
  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${target?.id}`);

  await page.getByLabel('添加备注').fill('已电话通知双方周五上午到村调委会。');
  await page.getByTestId('add-note').click();
  await expect(page.getByTestId('case-timeline')).toContainText('已电话通知双方周五上午到村调委会。');

  const content = '现场照片说明：东侧围墙越界约0.3米。';
  await page.getByTestId('case-attachments').locator('input[type=file]').setInputFiles({ name: '现场说明.txt', mimeType: 'text/plain', buffer: Buffer.from(content, 'utf8') });
  await expect(page.getByTestId('case-attachments')).toContainText('现场说明.txt');
  const download = page.waitForEvent('download');
  await page.getByTestId('case-attachments').getByRole('button', { name: '下载' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('现场说明.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe(content);
});

test('a colour below the rules’ proposal needs a reason, and the timeline says it was below', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const place = (await queryQueue(api, { statuses: ['accepted'] }, 1)).rows[0];
  expect(place?.gridId).toBeTruthy();
  // The rules mark a threat of violence red.
  const summary = '被申请人酒后扬言要持刀报复申请人一家，邻居已报警。';
  const intake = { source: 'phone', category: '邻里', parties: [{ side: 'applicant', name: '覃海燕' }], gridId: place?.gridId, summary, allowDuplicate: true };
  const refused = await api.call('disputes.intake', { ...intake, warning: 'none' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'warningReason' } });
  const { id, warning } = await api.value<{ id: number; warning: string }>('disputes.intake', intake);
  expect(warning).toBe('red');

  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${id}`);
  await page.getByTestId('action-setWarning').click();
  const form = page.getByTestId('warning-form');
  await form.getByText('无', { exact: true }).click();
  await form.getByLabel('预警理由').fill('民警到场核实，系酒后气话，双方已和解。');
  await pressDialogOk(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('case-timeline')).toContainText('预警调整为无（低于规则建议：红色）');
  await expect(page.getByTestId('case-facts')).toContainText('民警到场核实');
});
