// The closing line of `npm test`, from the runners' JSON reports. A run fails in more ways than a failed
// test — a file that does not load, a beforeAll that throws (its tests are only "skipped"), a web server
// that never starts (no test runs at all) — so each way is counted and named, and a failed run never
// reads "0 failed".
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const firstLine = (text) => stripVTControlCharacters(String(text ?? '')).trim().split('\n')[0];
const rel = (file) => (path.isAbsolute(file) ? path.relative(process.cwd(), file) : file);

/**
 * Vitest's JSON report (numPassedTests, numFailedTests, numPendingTests, success, testResults[]: one per
 * file with status, message and assertionResults). A file that failed with no failed test either did not
 * load (Vitest gives the error as its message) or failed in a hook (no message; its tests show as skipped).
 */
export function summarizeVitest(report) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const t of failedTests) failures.push(`test failed: ${rel(file.name)} › ${[...(t.ancestorTitles ?? []), t.title].filter(Boolean).join(' › ')}`);
    if (file.status === 'failed' && failedTests.length === 0) {
      failures.push(
        file.message
          ? `file failed to load: ${rel(file.name)} (${firstLine(file.message)})`
          : `file failed outside its tests (a beforeAll/afterAll threw): ${rel(file.name)}`,
      );
    }
  }
  if (report.success === false && failures.length === 0) failures.push('Vitest reported an error outside any test file (see its output above)');
  return {
    passed: report.numPassedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    files: (report.testResults ?? []).length,
    failedSuites: report.numFailedTestSuites ?? 0,
    failures,
  };
}

/**
 * Playwright's JSON report: stats (expected, unexpected, flaky, skipped), suites → specs → tests, and
 * errors[] for what stopped tests from running at all (a spec file that does not load, the web server).
 */
export function summarizePlaywright(report) {
  // "No tests found" after a spec failed to load is that failure again, not a second one.
  const errors = (report.errors ?? []).map((e) => firstLine(e.message ?? e.value ?? e.stack));
  const causes = errors.length > 1 ? errors.filter((e) => !/No tests found/.test(e)) : errors;
  const failures = causes.map((e) => `could not run: ${e}`);
  const files = new Set();
  const walk = (suite, titles) => {
    if (suite.file) files.add(suite.file);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const error = t.results?.find((r) => r.error)?.error;
          failures.push(`test ${t.status === 'flaky' ? 'flaky' : 'failed'}: ${spec.file ?? suite.file} › ${[...titles, spec.title].join(' › ')}${error ? ` (${firstLine(error.message)})` : ''}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  const stats = report.stats ?? {};
  const named = failures.length - causes.length;
  // Counted by the stats but not found in the tree (a report shape we did not foresee): still a failure.
  for (let i = named; i < (stats.unexpected ?? 0) + (stats.flaky ?? 0); i++) failures.push('test failed (unnamed in the report)');
  return { passed: stats.expected ?? 0, skipped: stats.skipped ?? 0, files: files.size, failures };
}

/** One line still: beyond this many, the rest are counted, not named (the runners listed them above). */
const MAX_NAMED = 5;

/**
 * The one closing line. `steps`: [{ name, status: 'passed' | 'failed' | 'not run', exit?, reason?, summary? }]
 * in run order, where `summary` is a runner's summary above and `reason` says why a step without one failed.
 */
export function closingLine(steps) {
  const ran = steps.filter((s) => s.status !== 'not run');
  const failedStep = ran.find((s) => s.status === 'failed' || (s.summary?.failures.length ?? 0) > 0);
  let failed = 0;
  const named = [];
  for (const s of ran) {
    const own = s.summary?.failures.length ? s.summary.failures : s.status === 'failed' ? [s.reason ?? `exited ${s.exit ?? '?'} (see its output above)`] : [];
    if (own.length === 0) continue;
    failed += own.length;
    const room = Math.max(1, MAX_NAMED - named.length);
    named.push(`${s.name}: ${[...own.slice(0, room), ...(own.length > room ? [`and ${own.length - room} more above`] : [])].join('; ')}`);
  }
  const counted = ran.filter((s) => s.summary);
  const passed = counted.reduce((n, s) => n + s.summary.passed, 0);
  const skipped = counted.reduce((n, s) => n + s.summary.skipped, 0);
  const tally = counted.map((s) => `${s.name} ${s.summary.passed} passed in ${s.summary.files} file${s.summary.files === 1 ? '' : 's'}`).join(', ');
  if (!failedStep) return `✔ npm test passed: ${passed} passed, ${skipped} skipped, 0 failed${tally ? ` (${tally})` : ''}`;
  const notRun = steps.filter((s) => s.status === 'not run').map((s) => s.name);
  return (
    `✘ npm test FAILED at ${failedStep.name}: ${failed} failed — ${named.join(' · ')}` +
    (counted.length ? ` · ${passed} passed, ${skipped} skipped` : '') +
    (notRun.length ? ` · not run: ${notRun.join(', ')}` : '')
  );
}
