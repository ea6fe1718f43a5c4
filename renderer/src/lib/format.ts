import dayjs from 'dayjs';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 5816 → "5,816" (thousands separators read the same in Chinese and English). */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A calendar date "YYYY-MM-DD" in the given dayjs format (zh-CN: 2021年10月29日). */
export function formatDate(isoDate: string, format: string): string {
  const d = dayjs(isoDate);
  return d.isValid() ? d.format(format) : isoDate;
}

const chinaClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/**
 * An instant (ISO string) as Beijing time "YYYY-MM-DD HH:mm:ss", whatever the PC's time zone: the core
 * keeps its calendar in Asia/Shanghai and the audit log must read the same on every machine.
 */
export function formatChinaDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : chinaClock.format(d);
}
