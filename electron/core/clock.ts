/** The core's sense of time, injected so tests and the demo can pin "today". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads a fixed instant (tests, the demo's "today"). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`not a date: ${iso}`);
  return { now: () => new Date(at) };
}

/** The calendar date in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
