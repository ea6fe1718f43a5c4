import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordRules';

describe('password rules', () => {
  it('asks for 8+ characters with letters and digits, not containing the username', () => {
    expect(passwordProblem('abc123')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefghij')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('1234567890')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('wangfang2024', 'wangfang')).toBe('密码不能包含用户名');
    expect(passwordProblem('WangFang2024', 'wangfang')).toBe('密码不能包含用户名');
    expect(passwordProblem('qingxi-7788', 'wangfang')).toBeNull();
  });
});
