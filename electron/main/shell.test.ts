import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/index';
import { cspDirectives, EXPECTED_CSP } from '../../tests/support/consoleCspExpected';

/**
 * The shell's security decisions without an Electron binary (none can be installed here): `electron` is
 * replaced by the few objects these modules touch, and the protocol handler and the IPC handler are
 * called the way Electron would call them.
 */
const fake = vi.hoisted(() => ({
  protocolHandler: null as null | ((req: Request) => Promise<Response>),
  invokeHandler: null as null | ((event: unknown, ...args: unknown[]) => Promise<unknown>),
  sent: [] as unknown[][],
}));

vi.mock('electron', () => {
  let next = 1;
  class BrowserWindow {
    webContents: { id: number; mainFrame: { frameToken: string; detached: boolean; url: string }; send: (...a: unknown[]) => void; isDestroyed: () => boolean };
    constructor() {
      const id = next++;
      this.webContents = { id, mainFrame: { frameToken: `main-${id}`, detached: false, url: '' }, send: (...a) => fake.sent.push(a), isDestroyed: () => false };
    }
    loadURL(url: string) {
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    app: { isPackaged: true },
    BrowserWindow,
    screen: {},
    protocol: { handle: (_scheme: string, h: typeof fake.protocolHandler) => (fake.protocolHandler = h) },
    ipcMain: { handle: (_channel: string, h: typeof fake.invokeHandler) => (fake.invokeHandler = h), removeHandler: () => {} },
  };
});

const { serveRenderer } = await import('./protocol');
const { bindCoreToIpc } = await import('./ipc');
const { openConsoleWindow } = await import('./windows');

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ggc-renderer-'));
  beforeAll(() => {
    mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(root, 'renderer', 'assets', 'app.js'), 'export {}');
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    serveRenderer(path.join(root, 'renderer'), async (set, z, x, y) =>
      [set, z, x, y].join('/') === '1/3/4/5' ? { data: Buffer.from('PNGDATA'), contentType: 'image/png' } : null,
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => fake.protocolHandler!(new Request(url, { method }));

  it('serves the page with the CSP, and assets with their type', async () => {
    const page = await get('app://console/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(cspDirectives(page.headers.get('content-security-policy'))).toEqual(EXPECTED_CSP);
    const js = await get('app://console/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives a page route the app shell but a missing asset a 404', async () => {
    expect(await (await get('app://console/queue/42')).text()).toContain('<title>app');
    expect((await get('app://console/assets/missing.js')).status).toBe(404);
  });

  it('refuses other hosts, other methods and paths out of the folder', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://console/index.html', 'POST')).status).toBe(405);
    for (const p of ['%2e%2e/secret.txt', '..%2fsecret.txt', 'assets/..%2f..%2fsecret.txt']) {
      const res = await get(`app://console/${p}`);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
});

describe('base-map tiles over app://', () => {
  const get = (url: string) => fake.protocolHandler!(new Request(url));
  it('serves a tile the core has, and a 404 for one it has not', async () => {
    const tile = await get('app://console/tiles/1/3/4/5.png');
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(await tile.text()).toBe('PNGDATA');
    expect((await get('app://console/tiles/1/3/4/6')).status).toBe(404);
  });
});

describe('IPC binding', () => {
  const calls: unknown[][] = [];
  let emit: (event: string, payload: unknown) => void = () => {};
  const leader = { id: 6, username: 'leader', displayName: '领导', role: 'leader', divisionCode: '999900000000', divisionName: '测试市' };
  const core = {
    invoke: async (...args: unknown[]) => {
      // The session behind a window's token, asked by the event forwarding.
      if (args[0] === 'session.me') return (args[2] as { token: string | null }).token === 'token' ? { ok: true, value: leader } : { ok: false, error: { code: 'NO_SESSION', message: '' } };
      calls.push(args);
      return { ok: true, value: 'done' };
    },
    onAny: (listener: typeof emit) => ((emit = listener), () => {}),
  } as unknown as Core;
  const win = openConsoleWindow();
  const contents = win.webContents;
  bindCoreToIpc(Promise.resolve(core));
  const call = (event: unknown, name: string) => fake.invokeHandler!(event, name, {}, 'token');

  it('passes a call from our window to the core', async () => {
    expect(await call({ sender: contents, senderFrame: contents.mainFrame }, 'system.info')).toEqual({ ok: true, value: 'done' });
    expect(calls.at(-1)).toEqual(['system.info', {}, { token: 'token' }]);
  });

  it('refuses unknown names and foreign senders before the core sees them', async () => {
    const before = calls.length;
    const refused = async (event: unknown, name = 'system.info') => ((await call(event, name)) as { error: { code: string } }).error.code;
    expect(await refused({ sender: contents, senderFrame: contents.mainFrame }, 'fs.readFile')).toBe('UNKNOWN_HANDLER');
    expect(await refused({ sender: contents, senderFrame: null })).toBe('FORBIDDEN');
    expect(await refused({ sender: contents, senderFrame: { ...contents.mainFrame, frameToken: 'subframe' } })).toBe('FORBIDDEN');
    expect(await refused({ sender: contents, senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' } })).toBe('FORBIDDEN');
    const stranger = { id: 99, mainFrame: { frameToken: 'x', detached: false, url: 'app://console/index.html' } };
    expect(await refused({ sender: stranger, senderFrame: stranger.mainFrame })).toBe('FORBIDDEN');
    expect(calls.length).toBe(before);
  });

  it('forwards core events to our windows, only what the window’s account may see, none after logout', async () => {
    const settle = () => new Promise((r) => setTimeout(r, 10));
    await settle();
    emit('data.changed', { entity: 'grid' });
    await settle();
    expect(fake.sent.at(-1)).toEqual(['core:event', 'data.changed', { entity: 'grid' }]);
    // Another account's job is not this window's business; its own is.
    const sent = fake.sent.length;
    emit('job.progress', { jobId: 'j1', kind: 'disputes.export', accountId: 2, state: 'running', done: 1, total: 2, message: null });
    await settle();
    expect(fake.sent.length).toBe(sent);
    emit('job.progress', { jobId: 'j2', kind: 'disputes.export', accountId: 6, state: 'running', done: 1, total: 2, message: null });
    await settle();
    expect(fake.sent.at(-1)).toMatchObject(['core:event', 'job.progress', { jobId: 'j2' }]);
    // Signed out: nothing more reaches the window.
    await call({ sender: contents, senderFrame: contents.mainFrame }, 'session.logout');
    const after = fake.sent.length;
    emit('data.changed', { entity: 'grid' });
    await settle();
    expect(fake.sent.length).toBe(after);
  });
});
