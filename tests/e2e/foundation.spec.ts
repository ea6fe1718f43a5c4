import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { login, loginWall } from './queueHelpers';
import { contract, HANDLER_NAMES } from '../../shared/contract/index';
import { validInput } from './contractInputs';


test.describe('foundation: log in, see the division tree with Yiyang-scale counts', () => {
  test('the login page lists one demo account per role, in Chinese', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('demo-accounts')).toBeVisible();
    for (const u of ['admin', 'director', 'dispatcher', 'mediator', 'gridworker', 'leader', 'wall']) {
      await expect(page.getByTestId(`demo-account-${u}`)).toBeVisible();
    }
    await expect(page.getByText('综治网格工作台').first()).toBeVisible();
  });

  test('a wrong password is refused with a clear message and no session', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('用户名').fill('director');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await expect(page.getByTestId('header-account')).toHaveCount(0);
  });

  test('the director sees the dashboard figures and the division tree', async ({ page }) => {
    await login(page, 'director');
    await expect(page.getByTestId('header-demo-tag')).toBeVisible();
    await expect(page.getByTestId('header-today')).toContainText('2021年10月29日');

    await page.getByTestId('nav-dashboard').click();
    const stat = (key: string) => page.getByTestId(`stat-${key}`);
    await expect(stat('counties')).toHaveAttribute('data-value', '8');
    await expect(stat('townships')).toHaveAttribute('data-value', '98');
    await expect(stat('villages')).toHaveAttribute('data-value', '1447');
    await expect(stat('grids')).toHaveAttribute('data-value', '5816');

    await page.getByTestId('nav-divisions').click();
    await expect(page.getByTestId('divisions-page')).toBeVisible();
    const totals = page.getByTestId('division-totals');
    await expect(totals.getByTestId('total-villages').locator('[data-value]')).toHaveAttribute('data-value', '1447');
    await expect(totals.getByTestId('total-grids').locator('[data-value]')).toHaveAttribute('data-value', '5816');
    // Every county-level row is in the default view, with its own counts that add up to the city's.
    const countyRows = page.locator('[data-row-key][data-level="county"]');
    await expect(countyRows).toHaveCount(8);
    let grids = 0;
    for (const row of await countyRows.all()) {
      grids += Number((await row.locator('[data-col="grids"]').innerText()).replace(/,/g, ''));
    }
    expect(grids).toBe(5816);
    // Open disputes exist on the demo's "today" and are counted.
    const openTotal = Number(await totals.getByTestId('total-openDisputes').locator('[data-value]').getAttribute('data-value'));
    expect(openTotal).toBeGreaterThan(0);

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/divisions.png' });
  });

  test('searching the tree keeps the matches and their ancestors', async ({ page }) => {
    await login(page, 'leader');
    await page.getByTestId('nav-divisions').click();
    const firstTownship = page.locator('[data-row-key][data-level="township"]').first();
    const name = (await firstTownship.locator('[data-col="name"]').innerText()).trim();
    await page.getByLabel('搜索区划').fill(name);
    await expect(page.getByTestId('division-match-count')).toContainText('匹配');
    await expect(page.locator(`[data-row-key][data-level="township"]`).filter({ hasText: name }).first()).toBeVisible();
    await expect(page.locator('[data-row-key][data-level="county"]')).toHaveCount(1);
  });

  test('the admin verifies the audit chain from Settings; the leader cannot', async ({ page }) => {
    await login(page, 'admin');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('audit-verify-run').click();
    await expect(page.getByTestId('audit-verify-result').locator('[data-ok]')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('logout').click();
    await login(page, 'leader');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-page')).toBeVisible();
    await expect(page.getByTestId('audit-verify-run')).toHaveCount(0);
    // The UI hides it, and the core refuses it: a direct call with the leader's token.
    const token = await page.evaluate(() => sessionStorage.getItem('gridConsole.sessionToken'));
    const res = await page.request.post('/api/call/audit.verify', { data: {}, headers: { authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the wall account is refused every handler its role is not granted, at the core', async ({ page, request }) => {
    // The wall account lands on the full-screen wall (issue 11); in the framed pages its menu offers the wall only.
    await loginWall(page);
    await page.goto('/#/settings');
    await expect(page.getByTestId('nav-wall')).toBeVisible();
    await expect(page.getByTestId('nav-queue')).toHaveCount(0);
    await expect(page.getByTestId('nav-map')).toHaveCount(0);
    const token = await page.evaluate(() => sessionStorage.getItem('gridConsole.sessionToken'));
    expect(token).toMatch(/^\S{20,}$/);
    // Every handler of the contract the wall role is not granted (all the personal-data ones among them),
    // each called with an input its schema accepts, so the refusal comes from the role check.
    const refused = HANDLER_NAMES.filter((name) => {
      const access = contract[name].access;
      return access !== 'public' && !access.includes('wall');
    });
    for (const personal of ['accounts.list', 'audit.list', 'disputes.query', 'disputes.detail', 'disputes.print', 'disputes.export.start', 'disputes.export.download', 'disputes.mediators', 'disputes.getAttachment']) {
      expect(refused, personal).toContain(personal);
    }
    const answers: Record<string, string> = {};
    for (const name of refused) {
      const input = validInput(name);
      if (!input.ok) throw new Error(`no valid input could be made for ${name}: ${input.problem}`);
      const res = await request.post(`/api/call/${name}`, { data: input.input, headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { ok: boolean; error?: { code: string } };
      answers[name] = `${res.status()} ${body.ok ? 'ok' : (body.error?.code ?? 'no code')}`;
    }
    expect(answers).toEqual(Object.fromEntries(refused.map((name) => [name, '403 FORBIDDEN'])));
  });
});
