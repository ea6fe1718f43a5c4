import { CoreError } from '../../../shared/contract/errors';
import { DEMO_PASSWORD } from '../demo/demoAccounts';

/** Passwords published somewhere (the README's demo password): never a real account's. */
const PUBLISHED_PASSWORDS = new Set([DEMO_PASSWORD]);

/**
 * The rule the shared password rules (shared/domain/passwordRules.ts, in the contract) cannot carry without
 * shipping the demo's password to every browser: a real account may not use it. Refused with a field message.
 */
export function refusePublishedPassword(password: string, field: string): void {
  if (PUBLISHED_PASSWORDS.has(password.trim().toLowerCase())) {
    throw new CoreError('INVALID_INPUT', `输入有误：${field}：不能使用演示密码`, { field, issues: [{ field, message: '不能使用演示密码' }] });
  }
}
