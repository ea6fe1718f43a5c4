import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5199);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/e2e-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 900 },
    screenshot: 'only-on-failure',
    // Playwright's own Chromium, else Debian's (scripts/chromium.mjs); none: one line saying what to install.
    launchOptions: chromiumLaunchOptions(),
  },
  // The real server on a fresh real SQLite file with the demo generated at start (as on first run). It
  // answers at once, but /api/health says 503 until the demo is written: the tests start on a ready node.
  webServer: {
    // The whole suite signs in from one address far more often than a person could: lift the per-client
    // login throttle for it (the throttle itself is tested in electron/server/loginThrottle.test.ts).
    command: `node dist/electron/cli.mjs serve --data-dir .tmp/e2e-data --reset --port ${PORT} --login-rate 1000`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
