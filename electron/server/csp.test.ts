import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loginAs, seedSmallWorld, tempCore } from '../../tests/support/tempCore';
import type { Core } from '../core/index';
import { createHttpServer } from './http';
import { consoleCsp } from '../core/index';
import { cspDirectives, EXPECTED_CSP, EXPECTED_CSP_WMTS } from '../../tests/support/consoleCspExpected';

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

/** The page's policy (the console's index.html), as directives. */
async function pagePolicy(): Promise<Record<string, string[]>> {
  const res = await server.inject({ method: 'GET', url: '/', headers: { host: base } });
  expect(res.statusCode).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  return cspDirectives(String(res.headers['content-security-policy']));
}

async function setWmts(token: string, input: Record<string, unknown>): Promise<void> {
  const res = await server.inject({ method: 'POST', url: '/api/call/basemap.setWmts', headers: { host: base, authorization: `Bearer ${token}` }, payload: input });
  expect(res.json()).toMatchObject({ ok: true });
}

describe('CSP and the online WMTS base map', () => {
  it('allows the 天地图 tile hosts as images only while WMTS is enabled', async () => {
    expect(await pagePolicy()).toEqual(EXPECTED_CSP);

    const token = await loginAs(core, 'admin');

    await setWmts(token, { enabled: true, key: '0123456789abcdef0123456789abcdef' });
    expect(await pagePolicy()).toEqual(EXPECTED_CSP_WMTS);

    // API answers keep the offline policy (only a page's policy matters).
    const api = await server.inject({ method: 'GET', url: '/api/health', headers: { host: base } });
    expect(cspDirectives(String(api.headers['content-security-policy']))).toEqual(EXPECTED_CSP);

    await setWmts(token, { enabled: false });
    expect(await pagePolicy()).toEqual(EXPECTED_CSP);
  });

  it('is exactly the expected policy, whole, with WMTS off and on', () => {
    expect(cspDirectives(consoleCsp({ wmts: false }))).toEqual(EXPECTED_CSP);
    expect(cspDirectives(consoleCsp({ wmts: true }))).toEqual(EXPECTED_CSP_WMTS);
  });
});
