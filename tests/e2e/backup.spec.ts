import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { login } from './queueHelpers';

const SHOTS = '.tmp/screenshots/backup';

test.describe('backups on the settings page', () => {
  test('the admin backs up now, sees the verified backup, asks for a restore at the next start and withdraws it', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await login(page, 'admin');
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('settings-backup');
    await expect(card).toBeVisible();
    const rows = card.getByTestId('backup-table').locator('tbody tr[data-row-key]');
    // The data folder may keep backups of earlier runs (a reset replaces the database, not its backups).
    await expect(card.getByTestId('backup-table')).toBeVisible();
    const keys = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key') ?? ''));
    const earlier = new Set(await keys());

    await card.getByTestId('backup-create').click();
    await expect(page.getByText('备份完成')).toBeVisible({ timeout: 60_000 });
    // This run's backup by its id (on the demo's pinned clock an earlier run's can carry the same minute).
    await expect.poll(async () => (await keys()).filter((k) => !earlier.has(k)).length).toBe(1);
    const made = (await keys()).find((k) => !earlier.has(k))!;
    const newest = card.locator(`tbody tr[data-row-key="${made}"]`);
    await expect(newest).toContainText('手动');
    await expect(newest).toContainText('MB');
    await expect(newest).toContainText('#');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SHOTS}/backup-card.png` });

    const id = await newest.getAttribute('data-row-key');
    expect(id).toMatch(/-manual-/);
    await card.getByTestId(`backup-restore-${id}`).click();
    await expect(page.getByText('恢复到这份备份？')).toBeVisible();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    const pending = card.getByTestId('backup-pending');
    await expect(pending).toContainText(`已安排恢复备份 ${id}`);
    await card.screenshot({ path: `${SHOTS}/backup-restore-pending.png` });

    await pending.getByRole('button', { name: '撤销恢复' }).click();
    await expect(pending).toHaveCount(0);
  });

  test('a wrong second folder is refused with the field named; the settings are kept', async ({ page }) => {
    await login(page, 'admin');
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('backup-settings');
    await form.getByLabel('第二备份目录（如 U 盘，绝对路径，可留空）').fill('relative/folder');
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByTestId('settings-backup')).toContainText('第二备份目录须为绝对路径');
  });

  test('only the admin sees the card', async ({ page }) => {
    await login(page, 'director');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-page')).toBeVisible();
    // The page is fully there (the director's own audit-log card), and the backup card is not.
    await expect(page.getByTestId('settings-audit-log')).toBeVisible();
    await expect(page.getByTestId('settings-backup')).toHaveCount(0);
  });
});
