/** Nearest-rank percentile (p in 0–100) of a sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** A figure rounded for the results file (one decimal unless told). */
export function round(x: number, digits = 1): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
