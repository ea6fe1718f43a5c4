import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CoreApi, login, queryQueue } from './queueHelpers';

/** The audit log as a person reads it: actions in words, the record as a link, no JSON, filters, export. */

const SHOTS = '.tmp/screenshots/desk';

test('the director finds who accepted a case, opens the case from the log, and exports what the filter shows', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const c = (await queryQueue(api, { statuses: ['registered'] }, 1)).rows[0]!;
  await api.value('disputes.transition', { action: 'accept', id: c.id });

  await login(page, 'director');
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('settings-audit-log');
  await expect(card).toBeVisible();
  // Words, not codes; no raw JSON anywhere in the table.
  await expect(card.getByTestId('audit-action').first()).not.toHaveText(/^[a-z]+\.[a-zA-Z_.]+$/);
  await expect(card.locator('tbody')).not.toContainText('{"');

  await card.getByTestId('audit-filter-action').click();
  await page.keyboard.type('受理');
  await page.locator('.ant-select-item-option').filter({ hasText: /^受理$/ }).click();
  await card.getByTestId('audit-filter-actor').locator('input').fill('dispatch');
  await card.getByTestId('audit-filter-actor').locator('input').press('Enter');
  const link = card.getByTestId('audit-record-link').filter({ hasText: c.caseNo });
  await expect(link).toBeVisible();
  for (const action of await card.getByTestId('audit-action').allInnerTexts()) expect(action).toBe('受理');
  await page.screenshot({ path: `${SHOTS}/audit-log-filtered.png` });

  const download = page.waitForEvent('download');
  await card.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^审计日志_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('受理');
  expect(csv).toContain(c.caseNo);
  expect(csv).not.toContain('disputes.accept');

  await link.click();
  await expect(page.getByTestId('case-no')).toHaveText(c.caseNo);
});
