import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('verify the right password only', async () => {
    const hash = await hashPassword('Qingxi-2026');
    expect(await verifyPassword('Qingxi-2026', hash)).toBe(true);
    expect(await verifyPassword('qingxi-2026', hash)).toBe(false);
  });

  it('check unknown usernames against a dummy hash that costs what a real one does (same scrypt parameters)', async () => {
    const params = (h: string) => h.split('$').slice(0, 4);
    expect(params(DUMMY_HASH)).toEqual(params(await hashPassword('anything1')));
    expect(await verifyPassword('zongzhi2021', DUMMY_HASH)).toBe(false);
  });
});
