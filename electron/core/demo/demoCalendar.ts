import type { Rng } from './random';

/**
 * The demo's clock: China time (UTC+8, no daylight saving). "Today" is the day of the source report; every
 * generated time lies before its 09:00. Timestamps are stored as ISO strings in UTC (what the app writes).
 */
export const DEMO_TODAY = '2021-10-29';
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2021-10-29 09:00 in China. */
export const DEMO_NOW_MS = Date.UTC(2021, 9, 29, 1, 0, 0);

const OFFSET = 8 * HOUR;
// Memoised: the demo asks for the same few hundred days hundreds of thousands of times.
const startOfDay = new Map<string, number>();
const dayOfIndex = new Map<number, string>();

/** Midnight (China time) of a YYYY-MM-DD day, in epoch ms. */
export function dayStart(date: string): number {
  let t = startOfDay.get(date);
  if (t === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    t = Date.UTC(y, m - 1, d) - OFFSET;
    startOfDay.set(date, t);
  }
  return t;
}

/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDay(ms: number): string {
  const index = Math.floor((ms + OFFSET) / DAY);
  let day = dayOfIndex.get(index);
  if (day === undefined) {
    day = new Date(index * DAY).toISOString().slice(0, 10);
    dayOfIndex.set(index, day);
  }
  return day;
}

const utcDays = new Map<number, string>();
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Date#toISOString, memoised by day: ~400,000 timestamps are formatted. */
export function iso(ms: number): string {
  const t = Math.floor(ms);
  const index = Math.floor(t / DAY);
  let day = utcDays.get(index);
  if (day === undefined) {
    day = new Date(index * DAY).toISOString().slice(0, 10);
    utcDays.set(index, day);
  }
  let rest = t - index * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${day}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(rest - s * 1000, 3)}Z`;
}

export function addDays(date: string, days: number): string {
  return chinaDay(dayStart(date) + days * DAY + 12 * HOUR);
}

/** Every day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return new Date(dayStart(date) + 12 * HOUR).getUTCDay();
}

/** A time within office hours (08:00–17:30) on a day. */
export function officeTime(date: string, rng: Rng): number {
  return dayStart(date) + 8 * HOUR + Math.floor(rng.next() * 9.5 * HOUR);
}

/**
 * `hours` of office time after `from`: time outside 08:00–17:30 does not count, so steps of a case's
 * timeline land in office hours as they would in a ledger.
 */
export function afterOfficeHours(from: number, hours: number): number {
  let local = from + OFFSET;
  let left = hours * HOUR;
  for (let guard = 0; guard < 400 && left > 0; guard++) {
    const midnight = Math.floor(local / DAY) * DAY;
    const open = midnight + 8 * HOUR;
    const close = midnight + 17.5 * HOUR;
    if (local < open) local = open;
    if (local >= close) {
      local = midnight + DAY + 8 * HOUR;
      continue;
    }
    const step = Math.min(left, close - local);
    local += step;
    left -= step;
  }
  return local - OFFSET;
}

/** How busy a registration day is: fewer cases at weekends and over the Spring Festival and National Day holidays. */
export function dayWeight(date: string): number {
  const month = Number(date.slice(5, 7));
  // After the Spring Festival (12 Feb 2021) family and wage disputes come in with the returning workers.
  const monthly = [1, 1.0, 1.15, 1.08, 0.95, 0.95, 0.9, 0.95, 1.0, 1.0, 1.0][month] ?? 1;
  const wd = weekday(date);
  let w = monthly * (wd === 6 ? 0.45 : wd === 0 ? 0.35 : 1);
  if (date >= '2021-02-11' && date <= '2021-02-17') w *= 0.3;
  if (date >= '2021-10-01' && date <= '2021-10-07') w *= 0.4;
  return w;
}
