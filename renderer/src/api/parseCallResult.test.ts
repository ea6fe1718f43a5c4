import { describe, expect, it } from 'vitest';
import { parseCallResult } from './parseCallResult';

describe('parseCallResult', () => {
  it('reads a success whatever the value', () => {
    expect(parseCallResult({ ok: true, value: { n: 1 } })).toEqual({ ok: true, value: { n: 1 } });
    expect(parseCallResult({ ok: true, value: null })).toEqual({ ok: true, value: null });
  });

  it('reads a core error with its field and issues', () => {
    const error = { code: 'INVALID_INPUT', message: '输入有误：username：请输入用户名', field: 'username', issues: [{ field: 'username', message: '请输入用户名' }] };
    expect(parseCallResult({ ok: false, error })).toEqual({ ok: false, error });
  });

  it('refuses what is not a CallResult (a proxy error page, an unknown code, a bare value)', () => {
    expect(parseCallResult(null)).toBeNull();
    expect(parseCallResult('<html>502</html>')).toBeNull();
    expect(parseCallResult({ ok: false, error: { code: 'TEAPOT', message: 'x' } })).toBeNull();
    expect(parseCallResult({ ok: true })).toBeNull();
    expect(parseCallResult({ value: 1 })).toBeNull();
  });
});
