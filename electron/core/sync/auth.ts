import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over `${time}.` followed by the (compressed) body, hex: what a push's signature header carries. */
export function signPush(secret: string, time: number, body: Uint8Array): string {
  return createHmac('sha256', secret).update(`${time}.`).update(body).digest('hex');
}

export function signatureMatches(secret: string, time: number, body: Uint8Array, given: string): boolean {
  const want = Buffer.from(signPush(secret, time, body), 'hex');
  const got = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A registration's key (public, names the node in headers) and secret (shown once). */
export function newCredentials(): { nodeKey: string; secret: string } {
  return { nodeKey: `n_${randomBytes(12).toString('base64url')}`, secret: randomBytes(32).toString('hex') };
}
