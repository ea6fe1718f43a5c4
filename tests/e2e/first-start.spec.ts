import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PASSWORD, SCREENSHOTS } from './queueHelpers';

// A server of its own on an empty data folder (the suite's shared server is already past its first start),
// on a port the OS picks so it never collides with another server on this machine.
test('a first start serves the login page at once, shows the demo being generated, then lets you log in', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ggc-first-start-'));
  const server = spawn(process.execPath, ['dist/electron/cli.mjs', 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += String(chunk);
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
    });
    await page.goto(`${url}#/login`);

    // The page is there while the demo is written: progress, a step name, and a form that cannot be used yet.
    const startup = page.getByTestId('node-startup');
    await expect(startup).toBeVisible();
    await expect(startup).toContainText('首次启动时生成演示数据');
    await expect(page.getByTestId('login-submit')).toBeDisabled();
    await expect(page.getByLabel('用户名')).toBeDisabled();
    const percent = async () => Number(await startup.getByRole('progressbar').getAttribute('aria-valuenow'));
    const first = await percent();
    await page.screenshot({ path: `${SCREENSHOTS}/first-start-progress.png` });
    // The page keeps asking: the bar moves on while the node works (or the node finishes first).
    await expect.poll(async () => (await startup.isVisible()) ? await percent() : 100, { timeout: 120_000 }).toBeGreaterThan(first);

    // Ready: the progress goes, the demo accounts appear, the form opens with the cursor in it.
    await expect(page.getByTestId('demo-accounts')).toBeVisible({ timeout: 240_000 });
    await expect(startup).toBeHidden();
    await expect(page.getByLabel('用户名')).toBeFocused();
    await page.getByLabel('用户名').fill('director');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('header-account')).toBeVisible();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
