import { expect, test } from '@playwright/test';
import { CoreApi, login, present } from './queueHelpers';

const SHOTS = '.tmp/screenshots/sync';

test.describe('sync settings', () => {
  test('a hub admin registers a node below and sees it listed; a demo node refuses to connect upward', async ({ page, request }) => {
    const api = await CoreApi.login(request, 'admin');
    const { nodes } = await api.value<{ nodes: Array<{ code: string; level: string }> }>('divisions.tree', { depth: 'county' });
    const county = present(nodes.find((n) => n.level === 'county'), 'a county below the demo node');

    await login(page, 'admin');
    await page.getByTestId('nav-settings').click();

    // This node holds demo data: it may not connect to a hub (the core refuses too; see outbox.test.ts).
    const client = page.getByTestId('settings-sync-client');
    await expect(client.getByTestId('sync-demo-refused')).toContainText('演示数据节点不能连接上级');
    await expect(client.getByTestId('sync-connect')).toBeDisabled();
    await expect(client.getByTestId('sync-client-status')).toContainText('尚未连接上级');

    const hub = page.getByTestId('settings-sync-hub');
    await expect(hub.getByTestId('sync-nodes')).toContainText('尚未登记下级节点');
    await hub.getByTestId('sync-register-division').fill('12345');
    await hub.getByTestId('sync-register').click();
    await expect(hub.getByTestId('sync-issued')).toHaveCount(0); // the form refuses a code that is not 12 digits

    await hub.getByTestId('sync-register-division').fill(county.code);
    await hub.getByTestId('sync-register-label').fill('测试县综治中心');
    await hub.getByTestId('sync-register').click();
    await expect(hub.getByTestId('sync-issued-key')).toContainText(/^n_/);
    await expect(hub.getByTestId('sync-issued-secret')).toContainText(/^[0-9a-f]{64}/);
    const row = hub.getByTestId('sync-nodes').locator('tbody tr', { hasText: '测试县综治中心' });
    await expect(row).toContainText(county.code);
    await expect(row).toContainText('从未联系');
    await expect(row).toContainText('有效');
    await hub.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-sync-cards.png`, fullPage: false });

    await expect(page.getByTestId('settings-sync-escalations')).toContainText('没有待答复的上报案件');
    // No sync indicator in the status bar of a node that syncs nowhere.
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0);
  });
});
