import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MB and ~0.3 s here; 2^15 keeps a login snappy on
// old office PCs while staying far beyond a fast hash. Parameters are stored with each hash, so they can rise.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** `scrypt$N$r$p$salt$hash` (base64), self-describing so old hashes still verify after a change. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * What a login checks an unknown username (or a disabled or locked account) against, so every login costs
 * one scrypt of the same parameters: the time of an answer does not tell which usernames exist. A fixed
 * hash of a random password nobody kept (made once with hashPassword), so even the first attempt after a
 * start costs exactly one hash. Its parameters must follow N, R, P (passwords.test.ts checks).
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$4rCxCxfnLSWEbZw5RItJKA==$EK344UpOLZVgrEcsFwYLeHxwzdvmU7hQuEJ9NG5SceY=';
