import { describe, expect, it } from 'vitest';
import { contract, HANDLER_NAMES } from '../../../../shared/contract';
import zh from '../../i18n/zh-CN/auditLabels';
import en from '../../i18n/en/auditLabels';
import { auditActionText, auditDetailText } from './auditText';

/** Every handler that writes leaves an audit entry: each one's name must read as words, in both languages. */
describe('audit action labels', () => {
  const writing = HANDLER_NAMES.filter((n) => contract[n].writes);

  it('cover every contract name with writes, in Chinese and English', () => {
    expect(writing.length).toBeGreaterThan(10);
    const zhAction: Record<string, string | undefined> = zh.action;
    const enAction: Record<string, string | undefined> = en.action;
    expect(writing.filter((n) => !zhAction[n])).toEqual([]);
    expect(writing.filter((n) => !enAction[n])).toEqual([]);
    expect(auditActionText('zh-CN', 'disputes.batchAssign')).toBe('批量分派');
    expect(auditActionText('en', 'session.login')).toBe('Signed in');
  });

  it('are the same set in both languages, none left as a code', () => {
    for (const part of ['action', 'entity', 'detail'] as const) expect(Object.keys(en[part]).sort()).toEqual(Object.keys(zh[part]).sort());
    for (const label of Object.values(zh.action)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    for (const label of Object.values(en.action)) expect(label).not.toMatch(/[._]/);
  });

  it('shows details as words, not JSON', () => {
    const text = auditDetailText('zh-CN', { caseNo: '2021-1', from: 'registered', to: 'accepted', data: { nested: 1 } });
    expect(text).toBe('原：已登记；新：已受理');
    expect(text).not.toMatch(/[{}"]/);
  });
});
