import { describe, expect, it } from 'vitest';
import { closingLine, summarizePlaywright, summarizeVitest } from './testSummary.mjs';

// Report shapes as Vitest 4 and Playwright 1.65 wrote them for throwaway broken tests (trimmed).
const vitestBroken = {
  numFailedTestSuites: 4,
  numPassedTests: 2,
  numFailedTests: 1,
  numPendingTests: 3,
  numTodoTests: 0,
  success: false,
  testResults: [
    {
      name: '/repo/electron/x/beforeall.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { ancestorTitles: ['a suite whose setup throws'], title: 'one', status: 'skipped' },
        { ancestorTitles: [], title: 'outside passes', status: 'passed' },
      ],
    },
    { name: '/repo/electron/x/loadfail.test.ts', status: 'failed', message: "Cannot find module './doesNotExist' imported from …", assertionResults: [] },
    {
      name: '/repo/electron/x/ok.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { ancestorTitles: [], title: 'passes', status: 'passed' },
        { ancestorTitles: [], title: 'fails', status: 'failed' },
      ],
    },
  ],
};

describe('the closing line of npm test', () => {
  it('counts a file that did not load and a beforeAll that threw, not only failed tests', () => {
    const s = summarizeVitest(vitestBroken);
    expect(s.failures).toHaveLength(3);
    expect(s.failures.join('\n')).toMatch(/file failed outside its tests.*beforeall\.test\.ts/);
    expect(s.failures.join('\n')).toMatch(/file failed to load: .*loadfail\.test\.ts \(Cannot find module/);
    expect(s.failures.join('\n')).toMatch(/test failed: .*ok\.test\.ts › fails/);
    const line = closingLine([
      { name: 'lint', status: 'passed' },
      { name: 'unit', status: 'failed', exit: 1, summary: s },
      { name: 'e2e', status: 'not run' },
    ]);
    expect(line).toMatch(/^✘ npm test FAILED at unit: 3 failed — /);
    expect(line).toContain('not run: e2e');
    expect(line).not.toMatch(/\b0 failed/);
  });

  it('counts a run that failed with no failed test in its report (an unhandled error)', () => {
    const s = summarizeVitest({ numPassedTests: 5, numFailedTests: 0, success: false, testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [] }] });
    expect(s.failures).toEqual(['Vitest reported an error outside any test file (see its output above)']);
  });

  it('counts errors that stopped Playwright from running any test (the web server, a spec that does not load)', () => {
    const s = summarizePlaywright({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'Error: Process from config.webServer was not able to start. Exit code: 3' }], suites: [] });
    const line = closingLine([{ name: 'e2e', status: 'failed', exit: 1, summary: s }]);
    expect(line).toBe('✘ npm test FAILED at e2e: 1 failed — e2e: could not run: Error: Process from config.webServer was not able to start. Exit code: 3 · 0 passed, 0 skipped');
  });

  it('counts a spec that does not load once, not again as "No tests found"', () => {
    const s = summarizePlaywright({
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: "Error: Cannot find module './doesNotExist' imported from tests/e2e/x.spec.ts" }, { message: 'Error: No tests found.' }],
      suites: [],
    });
    expect(s.failures).toEqual(["could not run: Error: Cannot find module './doesNotExist' imported from tests/e2e/x.spec.ts"]);
  });

  it('names a Playwright test whose beforeAll threw', () => {
    const s = summarizePlaywright({
      stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 1 },
      errors: [],
      suites: [
        {
          title: 'hook.spec.ts',
          file: 'hook.spec.ts',
          specs: [{ title: 'fine', file: 'hook.spec.ts', tests: [{ status: 'expected', results: [{ status: 'passed' }] }] }],
          suites: [
            {
              title: 'setup throws',
              file: 'hook.spec.ts',
              specs: [
                { title: 'one', file: 'hook.spec.ts', tests: [{ status: 'unexpected', results: [{ status: 'failed', error: { message: 'Error: setup broke' } }] }] },
                { title: 'two', file: 'hook.spec.ts', tests: [{ status: 'skipped', results: [] }] },
              ],
            },
          ],
        },
      ],
    });
    expect(s).toMatchObject({ passed: 1, skipped: 1, files: 1, failures: ['test failed: hook.spec.ts › setup throws › one (Error: setup broke)'] });
  });

  it('says which step failed when it has no report, and reads "0 failed" only when everything passed', () => {
    expect(closingLine([{ name: 'lint', status: 'failed', exit: 1 }, { name: 'unit', status: 'not run' }])).toBe(
      '✘ npm test FAILED at lint: 1 failed — lint: exited 1 (see its output above) · not run: unit',
    );
    const ok = closingLine([
      { name: 'unit', status: 'passed', summary: { passed: 200, skipped: 7, files: 40, failures: [] } },
      { name: 'e2e', status: 'passed', summary: { passed: 45, skipped: 0, files: 8, failures: [] } },
    ]);
    expect(ok).toBe('✔ npm test passed: 245 passed, 7 skipped, 0 failed (unit 200 passed in 40 files, e2e 45 passed in 8 files)');
  });
});
