import { expect, test, type Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { CoreApi, login, present, pressDialogOk, queryQueue, screenshot, type QueueRowLite } from './queueHelpers';

/**
 * A case from intake to closed, each step by the role that does it in a township center, and the
 * wrong roles refused — in the UI (no buttons) and at the core (FORBIDDEN), which enforces it anyway.
 */

const APPLICANT = { name: '欧阳青松', id: makeIdNumber({ region: '430902', birthDate: '19800312', sequence: 35 }), phone: '13907370001' };
const RESPONDENT = { name: '司马红梅', id: makeIdNumber({ region: '430902', birthDate: '19821105', sequence: 48 }), phone: '13907370002' };

let caseId = 0;
let caseNo = '';
let place: QueueRowLite;
let countyName = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  // Register where the demo mediator works, so the `mediator` account can take the case.
  const mediator = await CoreApi.login(request, 'mediator');
  const own = await queryQueue(mediator, {}, 1);
  const row = own.rows[0];
  if (!row?.gridName || !row.villageName || !row.townshipName || !row.mediatorName) throw new Error('the demo mediator has no case with a grid');
  place = row;
  const director = await CoreApi.login(request, 'director');
  const tree = await director.value<{ nodes: Array<{ code: string; name: string }> }>('divisions.tree', { depth: 'county' });
  countyName = present(tree.nodes.find((n) => n.code === row.countyCode), `county ${row.countyCode}`).name;
});

async function pickCascader(page: Page, labels: string[]) {
  await page.getByLabel('村（社区） / 网格').click();
  for (const [depth, label] of labels.entries()) {
    const menu = page.locator('.ant-cascader-menu').nth(depth);
    await menu.getByTitle(label, { exact: true }).click();
  }
}

async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill();
  await pressDialogOk(page);
  await expect(dialog).toBeHidden();
}

test('the dispatcher registers a walk-in by keyboard, with the ID number checked as typed', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto('/#/queue');
  await page.getByTestId('queue-new').click();
  await expect(page.getByTestId('intake-page')).toBeVisible();

  await page.getByLabel('纠纷类别').click();
  await page.keyboard.type('宅基');
  await page.keyboard.press('Enter');

  const first = page.getByTestId('party-0');
  await first.getByLabel('姓名/名称').fill(APPLICANT.name);
  // A wrong check digit is caught as soon as the 18th character is in.
  const wrong = APPLICANT.id.slice(0, 17) + (APPLICANT.id[17] === '0' ? '1' : '0');
  await first.getByLabel('身份证号').fill(wrong);
  await expect(first.getByText('身份证号校验位不符，请核对')).toBeVisible();
  await first.getByLabel('身份证号').fill(APPLICANT.id);
  await expect(first.getByText('身份证号校验位不符，请核对')).toHaveCount(0);
  await expect(first.getByText('1980-03-12 · 男')).toBeVisible();
  await first.getByLabel('联系电话').fill(APPLICANT.phone);

  const second = page.getByTestId('party-1');
  await second.getByLabel('姓名/名称').fill(RESPONDENT.name);
  await second.getByLabel('身份证号').fill(RESPONDENT.id);
  await second.getByLabel('联系电话').fill(RESPONDENT.phone);
  // Enter in a party's row adds another party on the same side, cursor in its name.
  await second.getByLabel('住址').press('Enter');
  await expect(page.getByTestId('party-2')).toBeVisible();
  await expect(page.getByTestId('party-2').getByLabel('姓名/名称')).toBeFocused();
  await page.getByTestId('party-2').getByLabel('删除此当事人').click();

  await pickCascader(page, [countyName, present(place.townshipName, 'a township'), present(place.villageName, 'a village'), present(place.gridName, 'a grid')]);
  await page.getByLabel('简要情况').fill('两家因宅基地边界砌墙发生争执，一方扬言要报复，需尽快调处。');
  // The rules see "扬言" and propose red, with the reason.
  await expect(page.getByTestId('intake-warning-proposal')).toHaveAttribute('data-level', 'red');
  await expect(page.getByTestId('intake-warning-proposal')).toContainText('扬言');

  await page.getByLabel('简要情况').press('Control+Enter');
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  caseId = Number(/cases\/(\d+)/.exec(page.url())?.[1]);
  caseNo = (await page.getByTestId('case-no').innerText()).trim();
  await expect(page.getByTestId('case-status')).toHaveText('已登记');
  await expect(page.getByTestId('case-warning')).toContainText('红色');
  await expect(page.getByTestId('case-parties')).toContainText(APPLICANT.id);
});

test('the same parties again in the same grid get the duplicate warning', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto('/#/queue/new');
  await page.getByLabel('纠纷类别').click();
  await page.keyboard.type('邻里');
  await page.keyboard.press('Enter');
  await page.getByTestId('party-0').getByLabel('姓名/名称').fill(APPLICANT.name);
  await page.getByTestId('party-0').getByLabel('身份证号').fill(APPLICANT.id);
  await pickCascader(page, [countyName, present(place.townshipName, 'a township'), present(place.villageName, 'a village'), present(place.gridName, 'a grid')]);
  await expect(page.getByTestId('intake-duplicates')).toContainText(caseNo);
});

test('the dispatcher accepts and assigns it to a mediator, seeing each mediator’s load', async ({ page }) => {
  await login(page, 'dispatcher');
  await page.goto(`/#/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已登记');
  // Only what a dispatcher may do on a registered case.
  const actions = page.getByTestId('case-actions').locator('[data-testid^="action-"]');
  await expect(actions).toHaveCount(3);
  expect(await actions.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['action-accept', 'action-decline', 'action-setWarning']);

  await act(page, 'accept');
  await expect(page.getByTestId('case-status')).toHaveText('已受理');

  await act(page, 'assign', async () => {
    await page.getByTestId('mediator-select').click();
    const option = page.locator('.ant-select-item-option').filter({ hasText: `${place.mediatorName} ·` }).first();
    await expect(option).toContainText('在办');
    // A click that lands while the list is being replaced by the core's answer can miss (seen once in CI,
    // noted as a UI issue): open the list again and pick again until the pick has taken.
    await expect(async () => {
      if ((await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()) === 0) await page.getByTestId('mediator-select').click();
      await option.click({ timeout: 2_000 });
      await expect(page.getByTestId('assign-org')).not.toHaveText('—', { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  });
  await expect(page.getByTestId('case-status')).toHaveText('已分派');
  await expect(page.getByTestId('case-summary-fields')).toContainText(present(place.mediatorName, 'a mediator'));
});

test('a leader sees the case masked and without any action, and a direct call is FORBIDDEN', async ({ page, request }) => {
  await login(page, 'leader');
  await page.goto(`/#/cases/${caseId}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('case-actions').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('case-no-actions')).toBeVisible();
  await expect(page.getByTestId('case-parties')).not.toContainText(APPLICANT.id);
  await expect(page.getByTestId('case-parties')).toContainText('欧*');

  const leader = await CoreApi.login(request, 'leader');
  const refused = await leader.call('disputes.transition', { action: 'startMediation', id: caseId });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
});

test('the mediator mediates, records the session and the agreement, and prints it (Art. 29 content)', async ({ page }) => {
  await login(page, 'mediator');
  await page.goto(`/#/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已分派');
  await act(page, 'startMediation');
  await expect(page.getByTestId('case-status')).toHaveText('调解中');

  await page.getByTestId('action-recordMediation').click();
  await page.getByLabel('调解地点').fill('村调委会调解室');
  await page.getByLabel('参加人员').fill(`${APPLICANT.name}、${RESPONDENT.name}、村支书`);
  await page.getByLabel('调解情况').fill('双方陈述了砌墙经过，经现场测量，确认边界线位置。');
  await pressDialogOk(page);
  await expect(page.getByTestId('mediation-record')).toHaveCount(1);

  await act(page, 'reachAgreement', async () => {
    await page.getByLabel('争议事项').fill('围墙越过宅基地边界约0.3米。');
    await page.getByLabel('各方当事人的责任').fill('被申请人砌墙前未与申请人确认边界，负主要责任。');
    await page.getByLabel('达成协议的内容').fill('被申请人于十日内拆除越界部分围墙，并赔偿申请人损失人民币800元。');
    await page.getByLabel('履行方式').fill('现场拆除，现金当面支付。');
  });
  await expect(page.getByTestId('case-status')).toHaveText('调解成功');
  await expect(page.getByTestId('case-agreement')).toContainText('拆除越界部分围墙');

  await page.getByTestId('case-print').click();
  await page.getByTestId('print-agreement').click();
  const frame = page.frameLocator('[data-testid="print-frame"]');
  const body = frame.locator('body');
  await expect(body).toContainText('调解协议书');
  for (const text of [APPLICANT.name, RESPONDENT.name, '宅基地边界', '围墙越过宅基地边界', '负主要责任', '拆除越界部分围墙', '现场拆除']) {
    await expect(body).toContainText(text);
  }
  await screenshot(page, 'case-agreement-preview');

  // The document as the printer gets it: the same HTML at A4 width (794 CSS px), print media.
  const html = await frame.locator('html').evaluate((e) => e.outerHTML);
  const paper = await page.context().newPage();
  await paper.setViewportSize({ width: 794, height: 1123 });
  await paper.emulateMedia({ media: 'print' });
  await paper.setContent(html);
  await expect(paper.locator('h1')).toHaveText('人民调解协议书');
  // Art. 29's parts, in the order the law lists them: parties, facts and issues, responsibilities, the
  // agreement, performance, then the signatures of both parties and the mediator.
  const printed = await paper.locator('body').innerText();
  const order = [APPLICANT.name, RESPONDENT.name, '争议事项：', '围墙越过宅基地边界', '各方当事人的责任', '负主要责任', '达成如下协议', '拆除越界部分围墙', '履行方式、期限', '现场拆除', '申请人（签名、盖章或按指印）', '被申请人（签名、盖章或按指印）', '人民调解员（签名）'];
  const at = order.map((text) => printed.indexOf(text));
  expect(Object.fromEntries(order.map((text, i) => [text, at[i]! >= 0]))).toEqual(Object.fromEntries(order.map((text) => [text, true])));
  expect(at).toEqual([...at].sort((a, b) => a - b));
  for (const text of [APPLICANT.name, '拆除越界部分围墙', '人民调解员（签名）']) await expect(paper.getByText(text).first()).toBeVisible();
  // Nothing runs off the A4 width.
  expect(await paper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  await paper.screenshot({ path: '.tmp/screenshots/agreement-printed.png', fullPage: true });
  // Chromium's own print to PDF with the document's @page rule: A4 pages (595.3 × 841.9 pt; Letter would
  // be 612 × 792), one or two of them.
  const pdf = (await paper.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  expect(boxes.length).toBeLessThanOrEqual(2);
  for (const [w, h] of boxes) expect([Math.abs(w! - 595.3) < 2, Math.abs(h! - 841.9) < 2], `page ${w} × ${h} pt`).toEqual([true, true]);
  await paper.close();
});

test('the mediator cannot act on someone else’s case', async ({ page, request }) => {
  const dispatcher = await CoreApi.login(request, 'dispatcher');
  const mediator = await CoreApi.login(request, 'mediator');
  const others = await queryQueue(dispatcher, { statuses: ['assigned'] }, 100);
  const foreign = others.rows.find((r) => r.mediatorName !== place.mediatorName);
  expect(foreign).toBeDefined();
  // For a mediator, a case that is not theirs does not exist: the core answers NOT_FOUND, not its status.
  const refused = await mediator.call('disputes.transition', { action: 'startMediation', id: foreign?.id ?? 0 });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.code).toBe('NOT_FOUND');

  await login(page, 'mediator');
  await page.goto(`/#/cases/${foreign?.id}`);
  await expect(page.getByRole('alert')).toContainText('不在您的管辖范围内');
  await expect(page.locator('[data-testid^="action-"]')).toHaveCount(0);
});

test('the follow-up visit and closing; every step is on the timeline', async ({ page }) => {
  await login(page, 'mediator');
  await page.goto(`/#/cases/${caseId}`);
  await act(page, 'followUp');
  await expect(page.getByTestId('case-status')).toHaveText('已回访');
  await act(page, 'close');
  await expect(page.getByTestId('case-status')).toHaveText('已结案');
  await expect(page.getByTestId('case-actions').locator('[data-testid^="action-"]')).toHaveCount(0);

  const kinds = await page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  // Each step once: one press, one transition.
  for (const k of ['registered', 'accept', 'assign', 'startMediation', 'mediation_record', 'reachAgreement', 'followUp', 'close']) {
    expect(kinds.filter((x) => x === k), k).toHaveLength(1);
  }
});
