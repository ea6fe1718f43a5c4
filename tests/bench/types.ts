/**
 * One measured figure (docs/architecture.md, "Benchmarks"): `target` is the figure the issue names (or what a user would
 * notice), `baseline` is measured in the same run. `samples` says how many measurements the figure was
 * computed from: a p95 of 10 is the maximum, so percentiles come from ≥ 50 (see stats.ts).
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  samples: number;
  target?: number;
  better: 'lower' | 'higher';
  baseline?: { name: string; value: number; samples: number };
  pass?: boolean;
  note?: string;
}

export interface BenchSuite {
  run(opts: { size?: string }): Promise<BenchResult[]>;
}
