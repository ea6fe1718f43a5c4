import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Shared by the queue and case specs: log in through the UI, and call the core directly like a script would. */
export const PASSWORD = 'zongzhi2021';
export const SCREENSHOTS = '.tmp/screenshots';

export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/');
  // Switching accounts in the same tab: leave the previous one first.
  await expect(page.getByTestId('login-form').or(page.getByTestId('header-account'))).toBeVisible();
  if (await page.getByTestId('header-account').isVisible()) await page.getByTestId('logout').click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-account')).toBeVisible();
}

/**
 * The value, or a failure naming what was missing. In place of `x ?? ''`, which would turn a missing row
 * into an empty string — and `toContainText('')` passes on anything.
 */
/** The wall account lands on the full-screen wall, which has no header: sign in and wait for the wall. */
export async function loginWall(page: Page, base = ''): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('用户名').fill('wall');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('wall')).toBeVisible();
}

export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined || value === '') throw new Error(`expected ${what}, found none`);
  return value;
}

export type CallResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string; field?: string } };

/** The contract over HTTP with a session of its own (the same door the UI uses). */
export class CoreApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async login(request: APIRequestContext, username: string): Promise<CoreApi> {
    const res = await request.post('/api/call/session.login', { data: { username, password: PASSWORD } });
    const body = (await res.json()) as CallResult;
    if (!body.ok) throw new Error(`login ${username}: ${body.error.message}`);
    return new CoreApi(request, String(body.value.token));
  }

  async call(name: string, input: unknown): Promise<CallResult> {
    const res = await this.request.post(`/api/call/${name}`, { data: input, headers: { authorization: `Bearer ${this.token}` } });
    return (await res.json()) as CallResult;
  }

  /** The value of a call that must succeed. */
  async value<T>(name: string, input: unknown): Promise<T> {
    const r = await this.call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }
}

export interface QueueRowLite {
  id: number;
  caseNo: string;
  status: string;
  category: string;
  warning: string;
  partiesLabel: string;
  countyCode: string;
  townshipCode: string;
  townshipName: string | null;
  villageCode: string | null;
  villageName: string | null;
  gridId: number | null;
  gridName: string | null;
  mediatorId: number | null;
  mediatorName: string | null;
}

export async function queryQueue(api: CoreApi, filter: Record<string, unknown>, endRow = 100) {
  return api.value<{ rows: QueueRowLite[]; total: number }>('disputes.query', { filter, startRow: 0, endRow });
}

/** The grid's data rows (role=row with cells; the header row has column headers instead). */
export function gridRows(page: Page) {
  return page.getByTestId('queue-grid').getByRole('row').filter({ has: page.getByRole('gridcell') });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** The total the queue shows, as a number. */
export async function shownTotal(page: Page): Promise<number> {
  const total = page.getByTestId('queue-total');
  await expect(total).toHaveAttribute('data-value', /\d+/);
  return Number(await total.getAttribute('data-value'));
}

/**
 * Press a dialog's primary (OK) button once the dialog has finished zooming in. antd animates a modal
 * open; under a loaded CI machine Playwright's stability check can pass mid-animation and the click lands
 * beside the moving button (seen: the accept dialog stayed open with its class still `ant-zoom-appear`).
 */
export async function pressDialogOk(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-(appear|enter)/);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
}
