// Which Chromium the e2e tests (playwright.config.ts), `npm test` (scripts/test.mjs) and the UI benches
// drive — decided here only. In order: $GGC_CHROMIUM (a browser the user points at), Playwright's own
// (`npx playwright install chromium`), a `chromium` on PATH (Debian's /usr/bin/chromium).
// `ensureChromium` also tries to install one where it can; otherwise it fails with one line saying what to do.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';

const require = createRequire(import.meta.url);

/** Without the background-networking flags Chromium keeps trying Google's hosts on a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const NO_CHROMIUM =
  'No Chromium for the e2e tests: run `npx playwright install chromium` (needs downloads), or as root on Debian/Ubuntu `apt-get install -y chromium fonts-noto-cjk`, or set GGC_CHROMIUM=/path/to/chromium' +
  ' (`npm test -- lint typecheck unit build electron-scan` runs the other steps without one)';

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * The browser to launch: `{ executablePath, source }`, with `executablePath` undefined for Playwright's
 * own (Playwright then picks its headless build itself); null when there is none.
 */
export function findChromium() {
  const pinned = process.env.GGC_CHROMIUM;
  if (pinned) return executable(pinned) ? { executablePath: pinned, source: 'GGC_CHROMIUM' } : null;
  if (existsSync(chromium.executablePath())) return { executablePath: undefined, source: 'playwright' };
  const system = onPath('chromium');
  return system ? { executablePath: system, source: system } : null;
}

/** Playwright `launchOptions` for the found browser; throws the one-line instruction when there is none. */
export function chromiumLaunchOptions() {
  const found = findChromium();
  if (!found) {
    // An instruction, not a bug: Playwright prints the stack of a config error, and a stack would bury it.
    const error = new Error(NO_CHROMIUM);
    error.stack = `Error: ${NO_CHROMIUM}`;
    throw error;
  }
  return { ...(found.executablePath ? { executablePath: found.executablePath } : {}), args: CHROMIUM_ARGS };
}

/** Run one install attempt quietly; on failure say why in one line (the installers' own output is long). */
function attempt(say, label, cmd, args) {
  say(`trying \`${label}\` …`);
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status === 0) return true;
  const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const why = r.error?.message ?? lines.find((l) => /error|fail|unable|denied|not found|ENOTFOUND/i.test(l)) ?? lines.at(-1) ?? `exit ${r.status}`;
  say(`  failed: ${why}`);
  return false;
}

/**
 * Find a Chromium, or install one where this machine allows: Playwright's download (with its system
 * libraries when root), then Debian's package when root. Throws NO_CHROMIUM when nothing worked.
 */
export function ensureChromium(say = (line) => console.log(line)) {
  const found = findChromium();
  if (found) return found;
  if (process.env.GGC_CHROMIUM) throw new Error(`GGC_CHROMIUM=${process.env.GGC_CHROMIUM} is not an executable: point it at a Chromium, or unset it to have one found or installed`);
  say('no Chromium found (Playwright\'s own, `chromium` on PATH, $GGC_CHROMIUM): installing one where this machine allows');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // Playwright's CLI through this node, not npx: no shell or PATH lookup needed. The download first (it fails
  // in seconds where there are no downloads); its system libraries (apt) only once there is a browser to run.
  const playwright = [require.resolve('@playwright/test/cli')];
  if (attempt(say, 'playwright install chromium', process.execPath, [...playwright, 'install', 'chromium']) && findChromium()) {
    if (root) attempt(say, 'playwright install-deps chromium', process.execPath, [...playwright, 'install-deps', 'chromium']);
    return findChromium();
  }
  if (root && onPath('apt-get')) {
    // A stale package list is the usual reason an install fails on a fresh machine; a failed update may still leave a usable one.
    attempt(say, 'apt-get update', 'apt-get', ['update']);
    const packages = ['chromium', 'fonts-noto-cjk'];
    if (attempt(say, `apt-get install -y ${packages.join(' ')}`, 'apt-get', ['install', '-y', ...packages]) && findChromium()) return findChromium();
  }
  throw new Error(NO_CHROMIUM);
}
