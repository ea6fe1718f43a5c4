// Types of scripts/testSummary.mjs for its unit test.
export interface RunnerSummary {
  passed: number;
  skipped: number;
  files: number;
  failedSuites?: number;
  /** One readable line per failure: a test, a file that did not load or failed in a hook, a run that could not start. */
  failures: string[];
}
export interface StepOutcome {
  name: string;
  status: 'passed' | 'failed' | 'not run';
  exit?: number | null;
  reason?: string;
  summary?: RunnerSummary;
}
export declare function summarizeVitest(report: unknown): RunnerSummary;
export declare function summarizePlaywright(report: unknown): RunnerSummary;
export declare function closingLine(steps: StepOutcome[]): string;
