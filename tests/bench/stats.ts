/** Nearest-rank percentile (p in 0–100) of a sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** Fewest samples a p95 is reported from: with fewer, the "p95" is just the slowest one or two. */
export const MIN_P95_SAMPLES = 50;

/** The p95 of a sample, refusing one too small to have a meaningful tail. */
export function p95(xs: readonly number[]): number {
  if (xs.length < MIN_P95_SAMPLES) throw new Error(`a p95 needs ≥ ${MIN_P95_SAMPLES} samples, got ${xs.length}`);
  return percentile(xs, 95);
}

/** A figure rounded for the results file (one decimal unless told). */
export function round(x: number, digits = 1): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** Milliseconds one call takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
