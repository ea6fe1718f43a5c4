import { expect, test, type Page } from '@playwright/test';
import { CoreApi, login, present, screenshot } from './queueHelpers';

/**
 * The grid map against the real server and the demo city: the city view draws every grid, service point
 * and open dispute; drill-down by clicking names; a grid's card with the core's figures; search flies to a
 * grid; and no tile is requested from anywhere (no base map is configured in the demo).
 */

interface Node {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  counts: { villages: number; grids: number; servicePoints: number; openDisputes: number };
}

const map = (page: Page) => page.getByTestId('map');

async function mapReadyAt(page: Page, level: string): Promise<void> {
  await expect(map(page)).toHaveAttribute('data-focus-level', level, { timeout: 30_000 });
  await expect(map(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/**
 * The map has stopped moving (the fly-to animation after a drill-down has ended): the map pane, the zoom
 * proxy and the name labels (a fly-to moves the pixel origin, so the labels move while the pane may not)
 * keep their transforms over two animation frames.
 */
async function mapAtRest(page: Page): Promise<void> {
  const still = () =>
    page.evaluate(`new Promise((resolve) => {
      const parts = document.querySelectorAll('[data-testid=map] .leaflet-map-pane, [data-testid=map] .leaflet-proxy, [data-testid=map] .gc-map-label');
      const pose = () => [...parts].map((e) => getComputedStyle(e).transform).join('|');
      const before = pose();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(before !== '' && pose() === before)));
    })`);
  await expect.poll(still, { timeout: 10_000 }).toBe(true);
}

/** Click a division or grid name on the map (a DOM label inside the shape). */
async function clickLabel(page: Page, prefix: string, code: string): Promise<void> {
  await page.getByTestId(`${prefix}-${code}`).click();
}

let api: CoreApi;
let nodes: Node[] = [];
const foreignRequests: string[] = [];

test.beforeEach(async ({ page, baseURL, request }) => {
  // The API session belongs to each test (Playwright's request fixture cannot outlive one).
  api = await CoreApi.login(request, 'director');
  if (nodes.length === 0) nodes = (await api.value<{ nodes: Node[] }>('divisions.tree', { depth: 'village' })).nodes;
  const origin = present(baseURL, 'the server URL');
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await login(page, 'director');
});

test.afterAll(() => {
  // Offline first: without a configured base map the map never asks the network for anything.
  expect(foreignRequests).toEqual([]);
});

test('the city view draws every grid, service point and open dispute', async ({ page }) => {
  const city = nodes.find((n) => n.level === 'city')!;
  await page.getByTestId('nav-map').click();
  await mapReadyAt(page, 'city');
  await expect(map(page)).toHaveAttribute('data-grids', String(city.counts.grids));
  const points = await api.value<{ withoutLocation: number }>('map.servicePoints', {});
  await expect(map(page)).toHaveAttribute('data-points', String(city.counts.servicePoints - points.withoutLocation));
  const disputes = await api.value<{ withoutLocation: number }>('map.disputes', {});
  expect(Number(await map(page).getAttribute('data-disputes'))).toBe(city.counts.openDisputes - disputes.withoutLocation);
  await expect(page.getByTestId('map-breadcrumb')).toContainText(city.name);
  // Every county is named on the city view.
  for (const county of nodes.filter((n) => n.level === 'county')) await expect(page.getByTestId(`map-label-${county.code}`)).toBeVisible();
  await expect(page.getByTestId('map-legend')).toContainText('在办纠纷');
  await screenshot(page, 'map-city');
});

test('drill-down from the city to a township, then up again with the breadcrumb', async ({ page }) => {
  const county = nodes.find((n) => n.level === 'county' && n.counts.grids > 300)!;
  const township = nodes.find((n) => n.level === 'township' && n.parentCode === county.code && n.counts.openDisputes > 0)!;
  await page.goto('/#/map');
  await mapReadyAt(page, 'city');
  await clickLabel(page, 'map-label', county.code);
  await mapReadyAt(page, 'county');
  await expect(map(page)).toHaveAttribute('data-focus', county.code);
  await expect(map(page)).toHaveAttribute('data-grids', String(county.counts.grids));
  await expect(page.getByTestId('map-breadcrumb')).toContainText(county.name);

  await clickLabel(page, 'map-label', township.code);
  await mapReadyAt(page, 'township');
  await expect(map(page)).toHaveAttribute('data-grids', String(township.counts.grids));
  await expect(page.getByTestId('map-breadcrumb')).toContainText(county.name);
  await expect(page.getByTestId('map-breadcrumb')).toContainText(township.name);
  // The township's villages are named on the map.
  for (const v of nodes.filter((n) => n.parentCode === township.code)) await expect(page.getByTestId(`map-label-${v.code}`)).toBeAttached();
  await mapAtRest(page);
  await screenshot(page, 'map-township');

  await page.getByTestId(`map-crumb-${county.code}`).click();
  await mapReadyAt(page, 'county');
});

test('a grid card opens with its figures and links to the queue filtered to the grid', async ({ page }) => {
  const village = nodes.find((n) => n.level === 'village' && n.counts.grids >= 3 && n.counts.openDisputes > 0)!;
  const township = nodes.find((n) => n.code === village.parentCode)!;
  await page.goto(`/#/map?focus=${township.code}`);
  await mapReadyAt(page, 'township');
  await clickLabel(page, 'map-label', village.code);
  await mapReadyAt(page, 'village');
  await expect(map(page)).toHaveAttribute('data-grids', String(village.counts.grids));

  const gridCode = `${village.code}001`;
  await clickLabel(page, 'map-grid-label', gridCode);
  await expect(page).toHaveURL(new RegExp(`grid=${gridCode}`));
  const card = await api.value<{ code: string; population: number; households: number; openDisputes: number; workers: { name: string }[] }>('grids.card', { code: gridCode });
  const drawer = page.getByTestId('grid-card');
  await expect(drawer.getByTestId('grid-card-code')).toHaveText(gridCode);
  await expect(drawer.getByTestId('grid-card-population')).toHaveAttribute('data-value', String(card.population));
  await expect(drawer.getByTestId('grid-card-households')).toHaveAttribute('data-value', String(card.households));
  await expect(drawer.getByTestId('grid-card-village')).toContainText(village.name);
  if (card.workers[0]) await expect(drawer.getByTestId('grid-card-workers')).toContainText(card.workers[0].name);
  const link = drawer.getByTestId('grid-card-open-disputes');
  await expect(link).toHaveAttribute('data-value', String(card.openDisputes));
  await expect(link).toHaveAttribute('href', `#/queue?grid=${gridCode}`);
  await screenshot(page, 'map-grid-card');
});

test('search by grid code flies to the grid and opens its card', async ({ page }) => {
  const village = nodes.filter((n) => n.level === 'village' && n.counts.grids >= 2).at(-1)!;
  const gridCode = `${village.code}002`;
  await page.goto('/#/map');
  await mapReadyAt(page, 'city');
  await page.getByLabel('地图搜索').fill(gridCode);
  await page.getByTestId(`map-hit-grid-${gridCode}`).click();
  await expect(page).toHaveURL(new RegExp(`focus=${village.code}.*grid=${gridCode}`));
  await mapReadyAt(page, 'village');
  await expect(page.getByTestId('grid-card').getByTestId('grid-card-code')).toHaveText(gridCode);
  // The map now shows that grid: its label is inside the visible map.
  const label = page.getByTestId(`map-grid-label-${gridCode}`);
  await expect(label).toBeVisible();
  const [mapBox, labelBox] = [await map(page).boundingBox(), await label.boundingBox()];
  expect(labelBox!.x).toBeGreaterThan(mapBox!.x);
  expect(labelBox!.x + labelBox!.width).toBeLessThan(mapBox!.x + mapBox!.width);
  expect(labelBox!.y).toBeGreaterThan(mapBox!.y);
  expect(labelBox!.y + labelBox!.height).toBeLessThan(mapBox!.y + mapBox!.height);
});

test('search by division name drills to it; the measure changes the legend', async ({ page }) => {
  const township = nodes.find((n) => n.level === 'township' && n.counts.grids > 20)!;
  await page.goto('/#/map');
  await mapReadyAt(page, 'city');
  await page.getByLabel('地图搜索').fill(township.name);
  await page.getByTestId(`map-hit-division-${township.code}`).click();
  await mapReadyAt(page, 'township');
  await expect(map(page)).toHaveAttribute('data-focus', township.code);
  await page.getByTestId('map-measure').getByText('人口').click();
  await expect(page.getByTestId('map-legend')).toContainText('人口');
  await expect(page.getByTestId('map-legend-class').first()).toBeVisible();
});
