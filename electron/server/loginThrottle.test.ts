import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { seedSmallWorld, tempCore } from '../../tests/support/tempCore';
import type { Core } from '../core/index';
import { createHttpServer } from './http';

let core: Core;
let cleanup: () => Promise<void>;
let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
  server = await createHttpServer(core, { host: '127.0.0.1', port: 0, staticDir: null, loginAttemptsPerMinute: 3 });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

const post = async (name: string, body: unknown) => {
  const res = await fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
};
const failedLogins = async () => Number(((await core.db('audit_log').where({ action: 'session.login_failed' }).count({ n: '*' }).first()) as { n: number }).n);

describe('login throttled per client', () => {
  it('refuses a client that tries too many usernames, before the core hashes anything; other calls go on', async () => {
    // Three different usernames: the per-account lock never triggers, the per-client limit does.
    for (const username of ['admin', 'ghost1', 'director']) {
      expect((await post('session.login', { username, password: 'wrong-pass1' })).status).toBe(401);
    }
    const before = await failedLogins();
    const throttled = await post('session.login', { username: 'leader', password: 'wrong-pass1' });
    expect(throttled).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED' } } });
    expect(throttled.body.error?.message).toContain('登录尝试过于频繁');
    expect(await failedLogins()).toBe(before); // never reached the core
    expect((await post('system.info', {})).status).toBe(200);
    expect((await post('system.status', {})).status).toBe(200);
  });
});
