import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login } from './queueHelpers';

/** From the map to the work: a dispute's popup names the case and opens it; the case page says who can help nearby. */

const SHOTS = '.tmp/screenshots/desk';

/** Where a red warning dot is drawn on the map's canvas (page coordinates), found by its colour. */
async function redDot(page: Page): Promise<{ x: number; y: number }> {
  const found = await page.evaluate(() => {
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid=map] canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const rect = canvas.getBoundingClientRect();
      const hits: Array<[number, number]> = [];
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          const i = (y * width + x) * 4;
          if (data[i]! > 225 && data[i + 1]! < 70 && data[i + 2]! < 80 && data[i + 3]! > 200) hits.push([x, y]);
        }
      }
      // The middle of the first red blob: its pixels within a dot's radius of the first one found.
      const first = hits[Math.floor(hits.length / 2)];
      if (!first) continue;
      const blob = hits.filter(([x, y]) => Math.abs(x - first[0]) < 6 && Math.abs(y - first[1]) < 6);
      const cx = blob.reduce((s, [x]) => s + x, 0) / blob.length;
      const cy = blob.reduce((s, [, y]) => s + y, 0) / blob.length;
      return { x: rect.left + (cx * rect.width) / width, y: rect.top + (cy * rect.height) / height };
    }
    return null;
  });
  expect(found, 'a red warning dot on the map').not.toBeNull();
  return found!;
}

test('a red dot’s popup shows the case number, status and deadline, and its link opens the case', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto('/#/map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // Only the disputes, so a red pixel is a red warning.
  await page.getByRole('checkbox', { name: '网格着色' }).uncheck();
  await page.getByRole('checkbox', { name: '服务阵地' }).uncheck();
  await page.waitForTimeout(500);
  const dot = await redDot(page);
  await page.mouse.click(dot.x, dot.y);
  const popup = page.getByTestId('map-point-popup');
  await expect(popup).toBeVisible();
  const link = popup.getByTestId('map-popup-case-link');
  await expect(link).toHaveText(/^\d{4}-\d{9}-\d{5}$/);
  await expect(popup).toContainText('红色');
  await expect(popup).toContainText(/已登记|已受理|已分派|调解中|已上报县级/);
  await page.screenshot({ path: `${SHOTS}/map-popup-case-link.png` });
  const caseNo = (await link.innerText()).trim();
  await popup.getByText('打开案件 →').click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
  await page.screenshot({ path: `${SHOTS}/map-popup-opened-case.png` });
});

test('the case page lists who can help nearby, with distance and phone, as the core ranks them', async ({ page, request }) => {
  const api = await CoreApi.login(request, 'dispatcher');
  const { rows } = await api.value<{ rows: Array<{ id: number; caseNo: string }> }>('disputes.query', { filter: { statuses: ['registered'], categories: ['邻里'] }, startRow: 0, endRow: 30 });
  // A case with a location (the core answers CONFLICT for one without, and the card says so).
  type Help = { points: Array<{ name: string; phone: string | null; distanceM: number }> };
  let c: { id: number } | undefined;
  let help: Help | undefined;
  for (const row of rows) {
    const r = await api.call('directory.whoCanHelp', { disputeId: row.id, limit: 8 });
    if (r.ok) {
      c = row;
      help = r.value as unknown as Help;
      break;
    }
  }
  if (!c || !help) throw new Error('no registered 邻里 case with a location');
  expect(help.points.length).toBeGreaterThan(0);
  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${c.id}`);
  const card = page.getByTestId('case-help');
  await expect(card).toContainText('附近可求助的力量');
  const items = card.getByTestId('case-help-item');
  await expect(items).toHaveCount(help.points.length);
  await expect(items.first()).toContainText(help.points[0]!.name);
  await expect(items.first()).toContainText(/\d+(\.\d)? ?(米|公里)/);
  const withPhone = help.points.findIndex((p) => p.phone);
  if (withPhone >= 0) await expect(items.nth(withPhone)).toContainText(help.points[withPhone]!.phone!);
  await card.screenshot({ path: `${SHOTS}/case-who-can-help.png` });
});
