import type { TFunction } from 'i18next';
import { formatChinaDateTime } from '../../lib/format';
import type { WarningLevel } from '../../../../shared/domain/disputeStatus';

const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 12000 → "12,000 元" (the ledger's unit; no currency sign). */
export function formatYuan(amount: number | null | undefined, t: TFunction): string {
  if (amount === null || amount === undefined) return '';
  return t('queue.yuan', { amount: yuan.format(amount) });
}

/** An instant as its Beijing calendar day, 2021-10-29 (dense tables). */
export function chinaDay(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatChinaDateTime(iso).slice(0, 10);
}

/** An instant as Beijing time without seconds, 2021-10-29 09:30. */
export function chinaMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatChinaDateTime(iso).slice(0, 16);
}

/** Warning colours used in tags, row tints and the grid's dot. */
export const WARNING_COLORS: Record<WarningLevel, string> = {
  none: 'default',
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
};
