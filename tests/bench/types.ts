/** One measured figure (docs/architecture.md, "Benchmarks"): `target` is the figure the issue names, `baseline` is measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
  better: 'lower' | 'higher';
  baseline?: { name: string; value: number };
  pass?: boolean;
  note?: string;
}

export interface BenchSuite {
  run(opts: { size?: string }): Promise<BenchResult[]>;
}
