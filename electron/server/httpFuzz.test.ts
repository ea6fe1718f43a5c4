import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { contract, HANDLER_NAMES } from '../../shared/contract';
import { loginAs, seedSmallWorld, tempCore } from '../../tests/support/tempCore';
import { FUZZ_RUNS, FUZZ_SEED, inputFor, KNOWN_CODES, stateQuery } from '../../tests/support/fuzz';
import type { Core } from '../core/index';
import { createHttpServer } from './http';

/**
 * Issue 10, item 8 over HTTP, a smaller run: what a client on the LAN can send — any handler name, a body
 * that is JSON shaped by the schema, JSON of another shape, or not JSON at all, with or without a bearer
 * token. Every answer is a CallResult with a known code and the status that goes with it, and a refused
 * call changes nothing.
 */
const RUNS = Math.max(20, Math.round(FUZZ_RUNS / 4));

let core: Core;
let cleanup: () => Promise<void>;
let server: FastifyInstance;
let base: string;
let state: () => Promise<string>;
const tokens: Array<string | null> = [null, 'F'.repeat(43)];

beforeAll(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
  server = await createHttpServer(core, { host: '127.0.0.1', port: 0, staticDir: null });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  for (const u of ['admin', 'dispatcher', 'leader', 'wall']) tokens.push(await loginAs(core, u));
  state = await stateQuery(core.db);
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

const STATUS: Record<string, number[]> = {
  UNKNOWN_HANDLER: [404],
  INVALID_INPUT: [400],
  NO_SESSION: [401],
  FORBIDDEN: [403],
  BAD_CREDENTIALS: [401],
  ACCOUNT_LOCKED: [423],
  NOT_FOUND: [404],
  CONFLICT: [409],
  NODE_UNCONFIGURED: [409],
  RATE_LIMITED: [429],
};

const body = (name: (typeof HANDLER_NAMES)[number]) =>
  fc.oneof(
    { weight: 6, arbitrary: inputFor(contract[name].input).map((v) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '"x"', '{"a":', '\u0000', '{"__proto__":{"x":1}}', '1e999', '{"a":1,"a":2}') },
  );

describe(`HTTP: every handler, random bodies (${RUNS} cases each)`, () => {
  it.each(HANDLER_NAMES.filter((n) => n !== 'session.logout').map((n) => [n] as [(typeof HANDLER_NAMES)[number]]))('%s', async (name) => {
    await fc.assert(
      fc.asyncProperty(body(name), fc.constantFrom(...tokens), fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'), async (text, token, type) => {
        await core.node.jobs.settled();
        const before = await state();
        const res = await fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: text });
        const answer = (await res.json()) as { ok: boolean; error?: { code: string; message: string; field?: string } };
        if (answer.ok) {
          expect(res.status).toBe(200);
          return;
        }
        const code = answer.error?.code ?? '(none)';
        expect(KNOWN_CODES.has(code), `${name}: ${res.status} ${code} ${answer.error?.message}`).toBe(true);
        expect(STATUS[code], `${name}: ${code} came with ${res.status}`).toContain(res.status);
        if (name === 'session.login' && (code === 'BAD_CREDENTIALS' || code === 'ACCOUNT_LOCKED')) return;
        if (name === 'session.changePassword' && answer.error?.field === 'currentPassword') return;
        expect(await state(), `${name} refused (${code}) but changed the database`).toBe(before);
      }),
      { numRuns: RUNS, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) },
    );
  });
});
