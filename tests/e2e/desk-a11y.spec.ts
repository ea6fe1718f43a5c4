import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, queryQueue, shownTotal } from './queueHelpers';

/**
 * Keyboard and eyes: axe-core over every page (serious and critical violations fail), one `main` landmark
 * and one `h1` per page, and the queue's date filter does not trap Tab.
 */

// axe is injected as a script; the page's CSP (script-src 'self') would refuse it.
test.use({ bypassCSP: true });

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RESULTS = '.tmp/screenshots/desk/axe-results.json';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; html?: string }> };

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html?.slice(0, 160) })) }));
  });
}

test('every page: no serious or critical axe violations, one main landmark, one h1', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const caseId = (await queryQueue(api, { statuses: ['registered'] }, 1)).rows[0]!.id;
  const report: Record<string, AxeViolation[]> = {};
  await page.goto('/');
  await expect(page.getByTestId('login-form')).toBeVisible();
  report['login'] = await axe(page);
  await login(page, 'dispatcher');
  const pages: Array<[string, string, string]> = [
    ['dashboard', '/#/dashboard', 'main'],
    ['divisions', '/#/divisions', 'main'],
    ['map', '/#/map', '[data-testid=map]'],
    ['queue', '/#/queue', '[data-testid=queue-total][data-value]'],
    ['intake', '/#/queue/new', '[data-testid=intake-page]'],
    ['case', `/#/cases/${caseId}`, '[data-testid=case-view]'],
    ['directory', '/#/directory', 'main'],
    ['settings', '/#/settings', '[data-testid=settings-page]'],
  ];
  for (const [name, url, ready] of pages) {
    await page.goto(url);
    await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await expect(page.locator('main, [role=main]'), `${name}: one main landmark`).toHaveCount(1);
    await expect(page.locator('h1'), `${name}: one h1`).toHaveCount(1);
    report[name] = await axe(page);
  }
  mkdirSync('.tmp/screenshots/desk', { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(report, null, 2));
  const bad = Object.entries(report).flatMap(([name, vs]) =>
    vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
  expect(bad).toEqual([]);
});

test('the queue’s 登记起 date field does not trap Tab', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await shownTotal(page);
  await page.getByTestId('queue-more-filters').click();
  const from = page.getByPlaceholder('登记起');
  await from.click();
  // Tab goes to 登记止, then out of the date field, forward.
  await page.keyboard.press('Tab');
  await expect(page.getByPlaceholder('登记止')).toBeFocused();
  await page.keyboard.press('Tab');
  const where = () =>
    page.evaluate(() => ({
      inPicker: Boolean(document.activeElement?.closest('.ant-picker')),
      forward: Boolean(document.activeElement?.closest('[data-testid=queue-more-panel], [data-testid=queue-grid]')),
    }));
  await expect.poll(where).toEqual({ inPicker: false, forward: true });
});
