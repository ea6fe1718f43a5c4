import type { TFunction } from 'i18next';
import { formatChinaDateTime } from '../../lib/format';
import type { DisputeCategory, DisputeSource, DisputeStatus, WarningLevel } from '../../../../shared/domain/disputeStatus';

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

export const statusText = (t: TFunction, s: DisputeStatus): string => t(`queue.status.${s}`);
export const sourceText = (t: TFunction, s: DisputeSource): string => t(`queue.source.${s}`);
export const warningText = (t: TFunction, w: WarningLevel): string => t(`queue.warning.${w}`);
/** Categories are the ledgers' own Chinese names; English gets a translation. */
export const categoryText = (t: TFunction, c: DisputeCategory): string => t(`queue.category.${CATEGORY_KEYS[c]}`);

const CATEGORY_KEYS = {
  婚姻家庭: 'marriage',
  邻里: 'neighbour',
  土地山林: 'land',
  '宅基地/房屋': 'homestead',
  '劳动/欠薪': 'labour',
  医疗: 'medical',
  交通事故: 'traffic',
  物业: 'property',
  消费: 'consumer',
  征地拆迁: 'expropriation',
  环境: 'environment',
  其他: 'other',
} as const satisfies Record<DisputeCategory, string>;

/** Warning colours used in tags, row tints and the grid's dot. */
export const WARNING_COLORS: Record<WarningLevel, string> = {
  none: 'default',
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
};
