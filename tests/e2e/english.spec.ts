import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, queryQueue, SCREENSHOTS } from './queueHelpers';

/**
 * Switched to English, the console's chrome — menu, header, titles, buttons, column titles, form labels,
 * placeholders, the map's panel and legend — holds no Chinese; only data (names of places and people,
 * summaries, the core's notes) may. Column titles are not cut off. The Chinese screens are shot alongside.
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Chrome: what the UI itself writes. Cells of tables and grids, and drawn map labels, are data. */
const CHROME = [
  '[role=menuitem]',
  '[data-testid=header-today]',
  '[data-testid=header-role]',
  'h1, h2, h3, h4, h5',
  '.ant-card-head-title',
  'button',
  '.ag-header-cell-text',
  'th',
  '.ant-descriptions-item-label',
  '.ant-form-item-label',
  '.ant-select-selection-item',
  '.ant-select-placeholder',
  '.ant-select-selection-placeholder',
  '.ant-checkbox-wrapper',
  '.ant-radio-button-wrapper',
  '.ant-tag',
  '[data-testid=map-legend]',
  '[data-testid=map-layer-panel]',
  '[data-testid=queue-total]',
  '[data-testid=intake-warning-proposal]',
].join(', ');

/** Data that sits inside chrome elements: names from the node's data. */
const DATA = ['[data-testid=header-node]', '[data-testid=case-no]', '[data-testid=language-switch]', '.ant-list-item-meta-title', 'td', '.ag-cell'];

/**
 * Chinese left in the chrome once the data it quotes (division names: "Overview of 清溪市", the map's
 * breadcrumb) is taken out.
 */
async function chineseInChrome(page: Page, names: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ chrome, data, cjk, names }) => {
      const re = new RegExp(cjk);
      const out = new Set<string>();
      const isData = (el: Element) => data.some((d) => el.closest(d));
      const withoutData = (text: string) => names.reduce((s, n) => s.split(n).join(''), text);
      const check = (text: string, label: string) => {
        if (re.test(withoutData(text))) out.add(`${label}${text.slice(0, 80)}`);
      };
      for (const el of document.querySelectorAll(chrome)) {
        if (isData(el) || !(el instanceof HTMLElement) || el.offsetParent === null) continue;
        check(el.innerText.trim(), '');
      }
      // A timeline entry: time, who (data), what happened (chrome), the note (data).
      for (const el of document.querySelectorAll('[data-testid=timeline-event]')) {
        const what = el.cloneNode(true) as HTMLElement;
        for (const d of what.querySelectorAll('strong, div')) d.remove();
        check(what.textContent?.trim() ?? '', 'timeline: ');
      }
      for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
        if (isData(el)) continue;
        for (const attr of ['placeholder', 'aria-label', 'title']) check(el.getAttribute(attr) ?? '', `@${attr}: `);
      }
      return [...out];
    },
    { chrome: CHROME, data: DATA, cjk: CJK.source, names },
  );
}

/** Column titles whose text does not fit their header cell (shown with an ellipsis). */
async function cutColumnTitles(page: Page): Promise<string[]> {
  return page
    .locator('.ag-header-cell-text')
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el as HTMLElement).innerText));
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('nav-queue')).toHaveText('Disputes');
}

test('in English, the chrome of the main pages shows no Chinese and no cut column titles', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'director');
  const agreed = (await queryQueue(api, { statuses: ['agreed'] }, 1)).rows[0];
  expect(agreed).toBeDefined();
  const tree = await api.value<{ nodes: Array<{ name: string }> }>('divisions.tree', { depth: 'village' });
  // Longest first, so a county's name goes before the city name it may contain.
  const names = [...new Set(tree.nodes.map((n) => n.name))].sort((a, b) => b.length - a.length);

  await login(page, 'director');
  // The Chinese screens first, for comparison.
  await page.getByTestId('nav-queue').click();
  await expect(page.locator('.ag-row').first()).toBeVisible();
  await shoot(page, 'zh-queue');
  await page.goto(`/#/cases/${agreed?.id}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await shoot(page, 'zh-case');
  await page.goto('/#/map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByTestId('map-legend').screenshot({ path: `${SCREENSHOTS}/zh-map-legend.png` });

  await toEnglish(page);
  const pages: Array<{ name: string; open: () => Promise<void> }> = [
    { name: 'dashboard', open: async () => void (await page.getByTestId('nav-dashboard').click(), await expect(page.getByTestId('dashboard')).toBeVisible()) },
    { name: 'divisions', open: async () => void (await page.getByTestId('nav-divisions').click(), await expect(page.getByTestId('division-table')).toBeVisible()) },
    {
      name: 'queue',
      open: async () => {
        await page.getByTestId('nav-queue').click();
        await expect(page.locator('.ag-row').first()).toBeVisible();
      },
    },
    {
      name: 'case',
      open: async () => {
        await page.goto(`/#/cases/${agreed?.id}`);
        await expect(page.getByTestId('case-view')).toBeVisible();
        // How the deadline was counted is stored in the core's words, and said in English here.
        await expect(page.getByTestId('case-deadline')).toContainText('from acceptance');
        await expect(page.getByTestId('case-facts')).toContainText('Agreement reached');
      },
    },
    {
      name: 'map',
      open: async () => {
        await page.goto('/#/map');
        await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
      },
    },
    {
      name: 'directory',
      open: async () => {
        await page.getByTestId('nav-directory').click();
        await expect(page.locator('[data-testid=directory-grid] .ag-row').first()).toBeVisible();
      },
    },
    { name: 'settings', open: async () => void (await page.getByTestId('nav-settings').click(), await expect(page.getByTestId('settings-page')).toBeVisible()) },
  ];
  for (const p of pages) {
    await p.open();
    expect(await chineseInChrome(page, names), `Chinese in the English ${p.name} page`).toEqual([]);
    expect(await cutColumnTitles(page), `cut column titles on the ${p.name} page`).toEqual([]);
    await shoot(page, `en-${p.name}`);
  }
  await page.goto('/#/map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('map-legend')).toContainText('Red warning');
  await page.getByTestId('map-legend').screenshot({ path: `${SCREENSHOTS}/en-map-legend.png` });

  // The intake form, too (a page of labels).
  await page.goto('/#/queue/new');
  await expect(page.getByTestId('intake-page')).toBeVisible();
  // The rules' reasons, too, are said in English.
  await page.getByLabel('Category').click();
  await page.keyboard.type('Marriage');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-warning-proposal')).toContainText('Marriage & family disputes are watched from the start');
  expect(await chineseInChrome(page, names), 'Chinese in the English intake form').toEqual([]);
});

test('in Chinese, the case page says the outcome and the parties in the core’s words', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'director');
  const agreed = (await queryQueue(api, { statuses: ['agreed'] }, 1)).rows[0];
  expect(agreed).toBeDefined();
  await login(page, 'director');
  await page.goto(`/#/cases/${agreed?.id}`);
  await expect(page.getByTestId('case-facts')).toContainText('调解成功');
  await expect(page.getByTestId('case-facts')).not.toContainText('agreement');
  // The ledger's parties column is the core's own label (the same words as the Excel ledger).
  await page.goto('/#/queue');
  const first = page.locator('.ag-row[row-index="0"] [col-id="parties"]');
  await expect(first).not.toBeEmpty();
  const id = Number(await page.locator('.ag-row[row-index="0"]').getAttribute('row-id'));
  const shown = (await first.innerText()).trim();
  const detail = await api.value<{ partiesLabel: string }>('disputes.detail', { id });
  expect(shown).toBe(detail.partiesLabel);
});
