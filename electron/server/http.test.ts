import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { loginAs, seedSmallWorld, signIn, tempCore, TEST_PASSWORD } from '../../tests/support/tempCore';
import { makeMbtiles, PNG } from '../../tests/support/mbtiles';
import type { Core } from '../core/index';
import { createHttpServer } from './http';
import { cspDirectives, EXPECTED_CSP } from '../../tests/support/consoleCspExpected';

let core: Core;
let dir: string;
let cleanup: () => Promise<void>;
let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  ({ core, dir, cleanup } = await tempCore());
  await seedSmallWorld(core);
  // Port 0: the Host check must follow the port the OS picked.
  server = await createHttpServer(core, { host: '127.0.0.1', port: 0, staticDir: null });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as { port: number };
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

async function call(name: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; field?: string } }, headers: res.headers };
}

describe('HTTP transport', () => {
  it('logs in and calls a handler with the bearer token, with security headers on every answer', async () => {
    const login = await call('session.login', { username: 'admin', password: TEST_PASSWORD });
    expect(login).toMatchObject({ status: 200, body: { ok: true, value: { account: { username: 'admin' } } } });
    const me = await call('session.me', {}, await loginAs(core, 'admin'));
    expect(me.body).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    expect(cspDirectives(me.headers.get('content-security-policy'))).toEqual(EXPECTED_CSP);
    expect(me.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers refusals with the matching status and the same CallResult shape', async () => {
    expect(await call('nope.nothing', {})).toMatchObject({ status: 404, body: { ok: false, error: { code: 'UNKNOWN_HANDLER' } } });
    expect(await call('session.me', {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'NO_SESSION' } } });
    expect(await call('session.login', { username: 'admin' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', field: 'password' } } });
    expect(await call('session.login', '{"username": "admin", ')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = server.server.address() as { port: number };
    const res = await new Promise<number>((resolve, reject) => {
      // fetch() will not let us set Host; use the raw http client.
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/health', headers: { host: `evil.example:${port}` } }, (r) => resolve(r.statusCode ?? 0));
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(res).toBe(421);
  });

  it('pushes core events over the WebSocket only after auth', async () => {
    const token = await loginAs(core, 'admin');
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`);
    const messages: Array<{ event: string; payload: unknown }> = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
      ws.on('message', (m) => {
        const msg = JSON.parse(String(m)) as { event: string; payload: unknown };
        messages.push(msg);
        if (msg.event === 'ready') resolve();
      });
      ws.on('error', reject);
    });
    const created = await call('accounts.create', { username: 'wsuser', displayName: '张三', role: 'leader', divisionCode: '999901000000', password: 'long-enough-pass' }, token);
    expect(created.body.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.some((m) => m.event === 'data.changed')).toBe(true);
    ws.close();

    const bad = new WebSocket(`${base.replace('http', 'ws')}/api/events`);
    const code = await new Promise<number>((resolve) => {
      bad.on('open', () => bad.send(JSON.stringify({ type: 'auth', token: 'x'.repeat(43) })));
      bad.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4401);
  });

  it('tells the wall that something changed, never which record, and no job progress', async () => {
    const wallToken = await loginAs(core, 'wall');
    const adminToken = await loginAs(core, 'admin');
    const open = (token: string) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`);
      const got: Array<{ event: string; payload: unknown }> = [];
      const ready = new Promise<void>((resolve, reject) => {
        ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
        ws.on('message', (m) => {
          const msg = JSON.parse(String(m)) as { event: string; payload: unknown };
          if (msg.event === 'ready') resolve();
          else got.push(msg);
        });
        ws.on('error', reject);
      });
      return { ws, got, ready };
    };
    const wall = open(wallToken);
    const staff = open(adminToken);
    await Promise.all([wall.ready, staff.ready]);
    const created = await call('accounts.create', { username: 'wsuser2', displayName: '李四', role: 'leader', divisionCode: '999901000000', password: 'long-enough-pass' }, adminToken);
    expect(created.body.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    const staffChange = staff.got.find((m) => m.event === 'data.changed');
    expect(staffChange?.payload).toMatchObject({ ids: expect.any(Array) });
    const wallChange = wall.got.find((m) => m.event === 'data.changed');
    expect(wallChange?.payload).toEqual({ entity: (staffChange!.payload as { entity: string }).entity });
    expect(wall.got.every((m) => m.event === 'data.changed' && !('ids' in (m.payload as object)))).toBe(true);
    wall.ws.close();
    staff.ws.close();
  });

  it('serves tiles of a registered MBTiles package without a session, 404 otherwise', async () => {
    await makeMbtiles(path.join(dir, 'tiles.mbtiles'));
    const { id } = await (await signIn(core, 'admin'))('basemap.addMbtiles', { path: path.join(dir, 'tiles.mbtiles') });
    const ok = await fetch(`${base}/tiles/${id}/1/1/0.png`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${base}/tiles/${id}/1/1/1`)).status).toBe(404);
    expect((await fetch(`${base}/tiles/${id}/1/1/%2e%2e%2fx`)).status).toBe(404);
  });

  it('sends large answers gzipped to a client that accepts it, plain JSON to one that does not, headers kept', async () => {
    const { port } = server.server.address() as { port: number };
    const token = ((await call('session.login', { username: 'admin', password: TEST_PASSWORD })).body.value as { token: string }).token;
    const raw = (acceptEncoding: string | null) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) };
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/call/audit.list', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end('{}');
      });
    const plain = await raw(null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024); // over the threshold, or this test proves nothing
    expect(JSON.parse(String(plain.body))).toMatchObject({ ok: true });
    const zipped = await raw('gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(String(gunzipSync(zipped.body))).toBe(String(plain.body));
    expect(zipped.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
    expect(zipped.headers['x-frame-options']).toBe('DENY');
  });

  it('while the node starts: health says 503 with the progress, calls are refused with NODE_STARTING', async () => {
    core.startup.begin('generating');
    core.startup.progress('insert', 61);
    try {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, state: 'generating', step: 'insert', percent: 61 });
      expect(await call('system.info', {})).toMatchObject({ status: 503, body: { ok: false, error: { code: 'NODE_STARTING' } } });
      expect(await call('system.status', {})).toMatchObject({ status: 200, body: { ok: true, value: { state: 'generating', percent: 61 } } });
    } finally {
      core.startup.ready();
    }
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, state: 'ready', percent: 100 });
  });
});
