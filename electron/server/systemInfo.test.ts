import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { seedSmallWorld, tempCore } from '../../tests/support/tempCore';
import type { Core } from '../core/index';
import { createHttpServer } from './http';

/** The demo's password as the README gives it, and its usernames (electron/core/demo/demoAccounts.ts). */
const DEMO_PASSWORD = 'zongzhi2021';
const DEMO_USERNAMES = ['admin', 'director', 'dispatcher', 'mediator', 'gridworker', 'leader', 'wall'];
const setDemo = (on: boolean) => core.db('meta').insert({ key: 'demo', value: on ? '1' : '0' }).onConflict('key').merge();

/**
 * system.info is public (no session; `serve --host` puts it on the LAN): it may list a demo node's
 * usernames, never a password — not the demo's, not anyone's.
 */
let core: Core;
let cleanup: () => Promise<void>;
let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core); // one account per role, named like the demo's
  server = await createHttpServer(core, { host: '127.0.0.1', port: 0, staticDir: null });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
  return false;
}

describe('system.info carries no password', () => {
  it('on a demo node lists the demo usernames and roles only, through the dispatcher', async () => {
    await setDemo(true);
    const res = await core.invoke('system.info', {});
    if (!res.ok) throw new Error(res.error.message);
    const value = res.value as { demo: boolean; demoAccounts: Array<{ username: string }> };
    expect(value.demo).toBe(true);
    expect(value.demoAccounts.map((a) => a.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(hasKey(value, 'password')).toBe(false);
    expect(JSON.stringify(value)).not.toContain(DEMO_PASSWORD);
  });

  it('over HTTP, without a session, the answer holds no password either', async () => {
    await setDemo(true);
    const res = await fetch(`${base}/api/call/system.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('"demoAccounts"');
    expect(text).toContain('"director"');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/password/i);
  });

  it('on a node that is not a demo lists no accounts at all', async () => {
    await setDemo(false);
    const res = await core.invoke('system.info', {});
    expect(res).toMatchObject({ ok: true, value: { demo: false, demoAccounts: [] } });
  });
});
