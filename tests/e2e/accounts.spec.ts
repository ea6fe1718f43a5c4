import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login, SCREENSHOTS } from './queueHelpers';

// A username of its own, so a rerun on the same server does not meet the account it made before.
const USERNAME = `zhaomin${Date.now() % 100000}`;

async function fill(page: Page, label: string, value: string) {
  await page.getByTestId('account-form').getByLabel(label, { exact: true }).fill(value);
}

test('the admin creates an account (field messages for a weak password and a taken username), resets it, and its user must change the one-time password', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await login(page, 'admin');
  await page.getByTestId('nav-accounts').click();
  const accountsPage = page.getByTestId('accounts-page');
  await expect(accountsPage).toBeVisible();
  for (const u of ['admin', 'director', 'mediator', 'wall']) await expect(page.getByTestId(`account-row-${u}`)).toBeVisible();

  // Create: a password breaking the rules and a taken username are refused on their fields.
  await page.getByTestId('account-create').click();
  const form = page.getByTestId('account-form');
  await fill(page, '用户名', 'director');
  await fill(page, '真实姓名', '赵敏');
  await form.getByLabel('角色').click();
  await page.locator('.ant-select-item-option[title="调解员"]').click();
  await form.getByLabel('管辖区划').click();
  await page.keyboard.type('清溪市');
  await page.locator('.ant-select-tree-title', { hasText: /^清溪市$/ }).click();
  await fill(page, '电话', '0737-5201234');
  await fill(page, '初始密码', 'abcdefgh');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form.locator('.ant-form-item-explain-error')).toHaveText(['密码须同时包含字母和数字']);
  await fill(page, '初始密码', 'Tiaojie-2026');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toContainText('用户名 director 已被使用');
  await page.screenshot({ path: `${SCREENSHOTS}/accounts-create-refused.png` });
  await fill(page, '用户名', USERNAME);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId(`account-row-${USERNAME}`);
  await expect(row).toContainText('赵敏');
  await expect(row).toContainText('调解员');
  await expect(row).toContainText('0737-5201234');

  // Edit the real name; reset the password to a one-time one.
  await page.getByTestId(`account-edit-${USERNAME}`).click();
  await fill(page, '真实姓名', '赵敏华');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(row).toContainText('赵敏华');
  await page.getByTestId(`account-reset-${USERNAME}`).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  const otp = (await page.getByTestId('one-time-password').innerText()).trim();
  expect(otp).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
  await page.screenshot({ path: `${SCREENSHOTS}/accounts-one-time-password.png` });
  await page.getByRole('button', { name: /关\s*闭/ }).click();
  await expect(page.getByTestId('one-time-password')).toBeHidden();
  await expect(row).toContainText('待改密码');
  await page.screenshot({ path: `${SCREENSHOTS}/accounts-page.png` });

  // The user logs in with it and must change it first; the dialog cannot be dismissed.
  await page.getByTestId('logout').click();
  await page.getByLabel('用户名').fill(USERNAME);
  await page.getByLabel('密码').fill(otp);
  await page.getByTestId('login-submit').click();
  const dialog = page.getByTestId('change-password');
  await expect(dialog).toContainText('请先修改一次性密码');
  await expect(page.getByTestId('header-account')).toContainText('赵敏华');
  // A mediator brought back to the admin's page lands on the dashboard instead.
  await expect(page.getByTestId('accounts-page')).toHaveCount(0);
  await dialog.getByLabel('当前密码').fill(otp);
  await dialog.getByLabel('新密码', { exact: true }).fill(`${USERNAME}9`);
  await dialog.getByLabel('再次输入新密码').fill(`${USERNAME}9`);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText(['密码不能包含用户名']);
  await dialog.getByLabel('新密码', { exact: true }).fill('Qingxi-Tiaojie-7');
  await dialog.getByLabel('再次输入新密码').fill('Qingxi-Tiaojie-7');
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/accounts-change-password.png` });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();

  // Everyone can change their own password again from the header: the current one is required.
  await page.getByTestId('change-password-open').click();
  await dialog.getByLabel('当前密码').fill('not-my-password1');
  await dialog.getByLabel('新密码', { exact: true }).fill('Another-Pass-8');
  await dialog.getByLabel('再次输入新密码').fill('Another-Pass-8');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toContainText('当前密码不正确');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  // The new password works.
  await page.getByTestId('logout').click();
  await page.getByLabel('用户名').fill(USERNAME);
  await page.getByLabel('密码').fill('Qingxi-Tiaojie-7');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-account')).toBeVisible();
  await expect(page.getByTestId('change-password')).toHaveCount(0);
});
