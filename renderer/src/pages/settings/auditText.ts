import zhLabels from '../../i18n/zh-CN/auditLabels';
import enLabels from '../../i18n/en/auditLabels';
import enQueue from '../../i18n/en/queue';
import { STATUS_LABELS } from '../../../../shared/domain/workflow';

type Table = { action: Record<string, string | undefined>; entity: Record<string, string | undefined>; detail: Record<string, string | undefined> };

function labels(language: string): Table {
  return language === 'en' ? enLabels : zhLabels;
}

/** Every action the log has words for (to filter by). */
export const AUDIT_ACTIONS = Object.keys(zhLabels.action);
export const AUDIT_ENTITIES = Object.keys(zhLabels.entity);

/** An audit action in words (the name itself for one this version has no words for). */
export function auditActionText(language: string, action: string): string {
  return labels(language).action[action] ?? action;
}

export function auditEntityText(language: string, entity: string): string {
  return labels(language).entity[entity] ?? entity;
}

function valueText(v: unknown, language: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  // A workflow status (from / to of a step) in words.
  if (typeof v === 'string' && v in STATUS_LABELS) {
    const status = v as keyof typeof STATUS_LABELS;
    return language === 'en' ? enQueue.status[status] : STATUS_LABELS[status];
  }
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (Array.isArray(v)) return String(v.length);
  return null;
}

/** The entry's details as "label：value" pairs in words, not JSON; nested structures are left out. */
export function auditDetailText(language: string, detail: unknown): string {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return '';
  const zh = language !== 'en';
  const words = labels(language).detail;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(detail as Record<string, unknown>)) {
    if (k === 'caseNo') continue; // shown as the record's link
    const value = valueText(v, language);
    if (value === null) continue;
    parts.push(`${words[k] ?? k}${zh ? '：' : ': '}${value}`);
  }
  return parts.join(zh ? '；' : '; ');
}
