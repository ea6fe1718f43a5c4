import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS } from './queueHelpers';

/** `serve --setup` on an empty data folder, on a port the OS picks; resolves with its URL. */
async function startRealNode(dataDir: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['dist/electron/cli.mjs', 'serve', '--setup', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  // Listening comes first; the node opens its database just after (NODE_STARTING meanwhile).
  await expect.poll(async () => (await fetch(`${url}api/health`)).status, { timeout: 30_000 }).toBe(200);
  return { server, url };
}

/** Pick an option of an antd Select by typing part of its name (the list is virtual: filter first). */
async function choose(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page.locator(`.ant-select-item-option[title="${name}"]`).click();
  await expect(page.getByTestId(testId)).toContainText(name);
}

async function api(url: string, name: string, body: unknown, token?: string) {
  const res = await fetch(`${url}api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

test('a real node opens the setup wizard, becomes a township node with its own admin, and has no demo accounts', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ggc-setup-'));
  const { server, url } = await startRealNode(dataDir);
  try {
    // Before setup nothing but the wizard answers.
    expect(JSON.parse((await api(url, 'session.login', { username: 'admin', password: 'zongzhi2021' })).text)).toMatchObject({ ok: false, error: { code: 'NODE_UNCONFIGURED' } });

    await page.goto(url);
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await expect(page).toHaveURL(/#\/setup$/);

    // 1. Which township this node is: province → city → county → township from the built-in list.
    await choose(page, 'setup-province', '湖南省');
    await choose(page, 'setup-city', '益阳市');
    await choose(page, 'setup-county', '南县');
    await choose(page, 'setup-township', '明山头镇');
    const villages = page.getByTestId('setup-villages');
    await expect(villages).toContainText('将导入本乡镇（街道）的 10 个村（社区）');
    await expect(villages).toContainText('新村社区');
    await page.screenshot({ path: `${SCREENSHOTS}/setup-1-division.png` });
    await page.getByTestId('setup-next').click();

    // 2. The first admin: a weak password gets a field message, then a good one passes.
    const form = page.getByTestId('setup-admin');
    await form.getByLabel('用户名').fill('wangfang');
    await form.getByLabel('真实姓名').fill('王芳');
    await form.getByLabel('密码', { exact: true }).fill('wangfang1');
    await form.getByLabel('再次输入密码').fill('wangfang1');
    await page.getByTestId('setup-admin-next').click();
    const fieldErrors = form.locator('.ant-form-item-explain-error');
    await expect(fieldErrors).toContainText(['密码不能包含用户名']);
    await form.getByLabel('密码', { exact: true }).fill('shortpw');
    await expect(fieldErrors.first()).toHaveText('密码至少 8 位');
    await form.getByLabel('密码', { exact: true }).fill('Qingxi-2026');
    await form.getByLabel('再次输入密码').fill('Qingxi-2026');
    await expect(fieldErrors).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/setup-2-admin.png` });
    await page.getByTestId('setup-admin-next').click();

    // 3. Start empty; the summary names the node and the admin.
    await expect(page.getByTestId('setup-summary')).toContainText('湖南省 / 益阳市 / 南县 / 明山头镇');
    await expect(page.getByTestId('setup-summary')).toContainText('王芳（wangfang）');
    await page.screenshot({ path: `${SCREENSHOTS}/setup-3-start.png` });
    await page.getByTestId('setup-finish').click();
    await expect(page.getByTestId('setup-done')).toContainText('导入了 10 个村（社区）');
    await page.screenshot({ path: `${SCREENSHOTS}/setup-4-done.png` });

    // The admin logs in; the login page offers no demo accounts.
    await page.getByTestId('setup-to-login').click();
    await expect(page.getByTestId('login-form')).toBeVisible();
    await expect(page.getByTestId('login-node')).toContainText('明山头镇');
    await expect(page.getByTestId('demo-accounts')).toHaveCount(0);
    await page.getByLabel('用户名').fill('wangfang');
    await page.getByLabel('密码').fill('Qingxi-2026');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('header-account')).toBeVisible();
    await expect(page.getByTestId('header-demo-tag')).toHaveCount(0);

    // Afterwards: system.info carries no password and lists no demo account; the only account is the admin.
    const info = await api(url, 'system.info', {});
    expect(info.text).not.toMatch(/password|zongzhi2021/i);
    expect(JSON.parse(info.text)).toMatchObject({ ok: true, value: { configured: true, demo: false, demoAccounts: [], node: { name: '明山头镇' } } });
    expect(JSON.parse((await api(url, 'session.login', { username: 'admin', password: 'zongzhi2021' })).text)).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const login = JSON.parse((await api(url, 'session.login', { username: 'wangfang', password: 'Qingxi-2026' })).text) as { value: { token: string } };
    const accounts = JSON.parse((await api(url, 'accounts.list', {}, login.value.token)).text) as { value: { accounts: Array<{ username: string }> } };
    expect(accounts.value.accounts.map((a) => a.username)).toEqual(['wangfang']);
    // The wizard is over.
    expect((await api(url, 'setup.divisions', { parentCode: null })).status).toBe(409);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an unattended console locks itself after the idle time the admin set', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ggc-idle-'));
  const { server, url } = await startRealNode(dataDir);
  try {
    // Set up through the API this time, then a 1-minute idle lock.
    const admin = { username: 'lijun', displayName: '李军', password: 'Zongzhi-Jun-9' };
    expect((await api(url, 'setup.complete', { townshipCode: '430921102000', admin, start: 'empty' })).status).toBe(200);
    const { value } = JSON.parse((await api(url, 'session.login', { username: admin.username, password: admin.password })).text) as { value: { token: string } };
    expect((await api(url, 'session.setPolicy', { sessionHours: 8, idleLockMinutes: 1 }, value.token)).status).toBe(200);

    await page.clock.install();
    await page.goto(url);
    await page.getByLabel('用户名').fill(admin.username);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('header-account')).toContainText('李军');
    // Input keeps it open…
    await page.clock.fastForward('00:45');
    await page.mouse.click(5, 5);
    await page.clock.fastForward('00:45');
    await expect(page.getByTestId('header-account')).toBeVisible();
    // …a minute without any locks it: back to the login page, saying why; the session is gone at the core.
    await page.clock.fastForward('01:20');
    await expect(page.getByTestId('login-form')).toContainText('长时间未操作，已自动锁定');
    await expect(page.getByTestId('header-account')).toHaveCount(0);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
