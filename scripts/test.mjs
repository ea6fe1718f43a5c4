// `npm test`: every check the project has, in the order a failure is cheapest to find.
// Lint and types, the core under Node against real SQLite files (Vitest), the build, the Electron
// security scan, then the real UI in Chromium against the real server (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/vitest-report.json']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['electron-scan', 'node', ['scripts/electronegativity-check.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
].filter(([name]) => only.length === 0 || only.includes(name));

mkdirSync('.tmp', { recursive: true });
rmSync('.tmp/vitest-report.json', { force: true });
rmSync('.tmp/e2e-report.json', { force: true });

const timings = [];
let failedStep = null;
for (const [name, cmd, args] of steps) {
  console.log(`\n━━ ${name} ━━ ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}

// One closing line counting the tests both runners ran.
let passed = 0;
let failed = 0;
if (existsSync('.tmp/vitest-report.json')) {
  const v = JSON.parse(readFileSync('.tmp/vitest-report.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}
if (existsSync('.tmp/e2e-report.json')) {
  const e = JSON.parse(readFileSync('.tmp/e2e-report.json', 'utf8'));
  passed += e.stats?.expected ?? 0;
  failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
}
console.log(`\nsteps: ${timings.join(', ')}${failedStep ? ` — FAILED at ${failedStep}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
