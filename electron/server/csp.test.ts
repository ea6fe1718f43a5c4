import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loginAs, seedSmallWorld, tempCore } from '../../tests/support/tempCore';
import type { Core } from '../core/index';
import { createHttpServer } from './http';
import { consoleCsp, TIANDITU_TILE_HOSTS } from '../core/index';

let core: Core;
let cleanup: () => Promise<void>;
let server: FastifyInstance;
let base: string;
let staticDir: string;

beforeAll(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
  staticDir = mkdtempSync(path.join(tmpdir(), 'ggc-csp-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  // No listening socket: inject() with a Host the server was created for.
  server = await createHttpServer(core, { host: '127.0.0.1', port: 80, staticDir });
  base = '127.0.0.1:80';
});
afterAll(async () => {
  await server.close();
  await cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

/** The img-src of the page's policy (the console's index.html). */
async function imgSrc(): Promise<string> {
  const res = await server.inject({ method: 'GET', url: '/', headers: { host: base } });
  expect(res.statusCode).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  const csp = String(res.headers['content-security-policy']);
  return csp.split('; ').find((d) => d.startsWith('img-src')) ?? '';
}

async function setWmts(token: string, input: Record<string, unknown>): Promise<void> {
  const res = await server.inject({ method: 'POST', url: '/api/call/basemap.setWmts', headers: { host: base, authorization: `Bearer ${token}` }, payload: input });
  expect(res.json()).toMatchObject({ ok: true });
}

describe('CSP and the online WMTS base map', () => {
  it('allows the 天地图 tile hosts as images only while WMTS is enabled', async () => {
    expect(await imgSrc()).toBe("img-src 'self' data: blob:");

    const token = await loginAs(core, 'admin');

    await setWmts(token, { enabled: true, key: '0123456789abcdef0123456789abcdef' });
    const on = await imgSrc();
    for (const host of TIANDITU_TILE_HOSTS) expect(on).toContain(host);
    expect(on).toContain('https://t7.tianditu.gov.cn');

    // API answers keep the offline policy (only a page's policy matters).
    const api = await server.inject({ method: 'GET', url: '/api/health', headers: { host: base } });
    expect(String(api.headers['content-security-policy'])).toContain("img-src 'self' data: blob:; ");

    await setWmts(token, { enabled: false });
    expect(await imgSrc()).toBe("img-src 'self' data: blob:");
  });

  it('changes nothing else in the policy', () => {
    const strip = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('img-src'));
    expect(strip(consoleCsp({ wmts: true }))).toEqual(strip(consoleCsp({ wmts: false })));
    expect(consoleCsp({ wmts: true })).toContain("connect-src 'self'");
  });
});
