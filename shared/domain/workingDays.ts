import chineseDays from 'chinese-days';

/**
 * China's working-day calendar: weekends and public holidays off, make-up workdays (调休) on, from the
 * maintained `chinese-days` package, with the admin's own overrides on top (a holiday announced after this
 * release, a local day off). Dates are calendar dates in China as YYYY-MM-DD.
 */

export type WorkdayOverrides = ReadonlyMap<string, boolean>;
const NO_OVERRIDES: WorkdayOverrides = new Map();

export function isWorkday(date: string, overrides: WorkdayOverrides = NO_OVERRIDES): boolean {
  const o = overrides.get(date);
  if (o !== undefined) return o;
  return chineseDays.isWorkday(date);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The date on which the `n`-th working day after `date` falls (the start day itself does not count,
 * as in 自受理之日起N个工作日: the clock starts the next day).
 */
export function addWorkingDays(date: string, n: number, overrides: WorkdayOverrides = NO_OVERRIDES): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`工作日数须为非负整数: ${n}`);
  let d = date;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkday(d, overrides)) left -= 1;
  }
  return d;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, overrides: WorkdayOverrides = NO_OVERRIDES): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkday(d, overrides)) n += 1;
  return n;
}
