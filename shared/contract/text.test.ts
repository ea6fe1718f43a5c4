import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnsafeText, hasUnsafeText, SafeInput, SafeString } from './text';

describe('unsafe characters in names and text', () => {
  it('refuses C0 controls but tab and line feed, DEL, bidi overrides and isolates', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u202a', '\u202e', '\u2066', '\u2069', '\r', '\u000b']) expect(hasUnsafeText(`张${c}三`)).toBe(true);
    for (const s of ['张三', '第一行\n第二行', '甲\t乙', 'Windows\r\n换行', '‎普通文字', 'Ünïcödé 😀']) expect(hasUnsafeText(s)).toBe(false);
  });
  it('names the first unsafe field by its path, keys included', () => {
    expect(findUnsafeText({ parties: [{ name: '刘伟' }, { name: '张\u202e强' }] })).toBe('parties.1.name');
    expect(findUnsafeText({ a: 1, b: [true, null], c: { d: '好' } })).toBe(null);
    expect(findUnsafeText({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findUnsafeText('\u0000')).toBe('(input)');
  });
  it('works as zod refinements', () => {
    expect(SafeString.safeParse('刘伟').success).toBe(true);
    expect(SafeString.safeParse('刘\u0000伟').success).toBe(false);
    const r = z.object({ summary: z.string() }).superRefine(SafeInput).safeParse({ summary: 'x\u202ey' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['summary']);
  });
});
