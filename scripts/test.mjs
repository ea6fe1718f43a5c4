// `npm test`: every check the project has, in the order a failure is cheapest to find.
// A browser for the e2e step first (found, or installed where this machine allows — so a machine without
// one learns it in seconds, not after the build), lint and types, the core under Node against real SQLite
// files (Vitest), the build, the Electron security scan, then the real UI in Chromium against the real
// server (Playwright). `npm test -- unit e2e` runs the named steps only; after a further `--`, arguments
// for the runner of the one named step (`npm test -- e2e -- tests/e2e/map.spec.ts`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { closingLine, summarizePlaywright, summarizeVitest } from './testSummary.mjs';

const VITEST_REPORT = '.tmp/vitest-report.json';
const E2E_REPORT = '.tmp/e2e-report.json';

/** A step is a command, or (the browser) a function that throws a one-line reason. */
const ALL_STEPS = [
  { name: 'browser', run: () => ensureChromium((line) => console.log(line)) },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_REPORT}`], report: VITEST_REPORT, summarize: summarizeVitest },
  { name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'] },
  { name: 'electron-scan', cmd: 'node', args: ['scripts/electronegativity-check.mjs'] },
  { name: 'e2e', cmd: 'npx', args: ['playwright', 'test'], report: E2E_REPORT, summarize: summarizePlaywright },
];

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const only = split < 0 ? argv : argv.slice(0, split);
const runnerArgs = split < 0 ? [] : argv.slice(split + 1);
const unknown = only.filter((n) => !ALL_STEPS.some((s) => s.name === n));
if (unknown.length || (runnerArgs.length && only.length !== 1)) {
  console.error(`usage: npm test [-- STEP… [-- ARGS for the one STEP's runner]]; steps: ${ALL_STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const wanted = (name) => only.length === 0 || only.includes(name) || (name === 'browser' && only.includes('e2e'));
const steps = ALL_STEPS.filter((s) => wanted(s.name));

mkdirSync('.tmp', { recursive: true });
rmSync(VITEST_REPORT, { force: true });
rmSync(E2E_REPORT, { force: true });

const outcomes = [];
const timings = [];
let stopped = false;
for (const step of steps) {
  if (stopped) {
    outcomes.push({ name: step.name, status: 'not run' });
    continue;
  }
  const started = Date.now();
  const outcome = { name: step.name, status: 'passed' };
  if (step.run) {
    console.log(`\n━━ ${step.name} ━━`);
    try {
      const found = step.run();
      console.log(`Chromium: ${found.source === 'playwright' ? "Playwright's own" : found.source}`);
    } catch (err) {
      Object.assign(outcome, { status: 'failed', reason: err instanceof Error ? err.message : String(err) });
    }
  } else {
    const args = only.includes(step.name) ? [...step.args, ...runnerArgs] : step.args;
    console.log(`\n━━ ${step.name} ━━ ${step.cmd} ${args.join(' ')}`);
    const r = spawnSync(step.cmd, args, { stdio: 'inherit', env: process.env });
    if (r.status !== 0) Object.assign(outcome, { status: 'failed', exit: r.status ?? r.signal, ...(r.error ? { reason: r.error.message } : {}) });
    if (step.report) {
      if (existsSync(step.report)) outcome.summary = step.summarize(JSON.parse(readFileSync(step.report, 'utf8')));
      else if (outcome.status === 'failed') outcome.reason = `exited ${outcome.exit} before writing its report (see its output above)`;
    }
  }
  timings.push(`${step.name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  outcomes.push(outcome);
  stopped = outcome.status === 'failed' || (outcome.summary?.failures.length ?? 0) > 0;
}

console.log(`\nsteps: ${timings.join(', ')}`);
console.log(closingLine(outcomes));
process.exit(stopped ? 1 : 0);
