/**
 * Password rules every account follows (setup wizard, new accounts, resets, one's own change): checked by
 * the contract's schemas, so the forms and the core give the same field message. The core adds one rule
 * the UI cannot know: not the demo's published password (electron/core/accounts/passwordPolicy.ts).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The first rule a password breaks, as a field message (zh-CN), or null when it is acceptable. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}

/** Usernames: 3–32 lowercase letters, digits, _ . -, starting with a letter (ASCII: typed on any keyboard). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const USERNAME_MESSAGE = '用户名须为3-32位小写字母、数字或 _ . -，以字母开头';
