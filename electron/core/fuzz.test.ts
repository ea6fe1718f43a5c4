import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, HANDLER_NAMES, type HandlerName } from '../../shared/contract';
import { createSession } from './session/sessions';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../tests/support/disputeWorld';
import { FUZZ_RUNS, FUZZ_SEED, inputFor, KNOWN_CODES, stateQuery } from '../../tests/support/fuzz';

/**
 * Issue 10, item 8: random and malformed input thrown at every handler through the door, as a sample
 * of callers (every role, no session, a forged token). Each call must answer — a value, or a refusal with
 * a known error code (never INTERNAL, never a throw) — and a refused call must change nothing: the audit
 * head and every table's row count are the same after it. One shared core keeps it well under a minute;
 * `FUZZ_RUNS=1000` (or more) runs longer from the command line.
 */

const CALLERS = ['admin', 'director', 'dispatcher', 'mediator', 'gridworker', 'leader', 'wall', 'none', 'forged'] as const;
type Caller = (typeof CALLERS)[number];

describe(`every handler under random input (${FUZZ_RUNS} cases each)`, () => {
  let w: DisputeWorld;
  let state: () => Promise<string>;
  const tokens = new Map<Caller, string | null>();
  const findings: string[] = [];
  const stats = { calls: 0, accepted: 0, refused: new Map<string, number>() };

  const refresh = async (who: Caller) => {
    if (who === 'none') tokens.set(who, null);
    else if (who === 'forged') tokens.set(who, 'F'.repeat(43));
    else {
      // A session row straight away (signing in hashes a password: 100+ ms a time, thousands of logouts).
      const account: { id: number } = await w.core.db('accounts').where({ username: who }).first('id');
      tokens.set(who, await createSession(w.core.db, account.id, new Date('2021-10-29T01:00:00Z')));
    }
  };

  beforeAll(async () => {
    w = await disputeWorld();
    // Some cases, so ids 1..10 mean something to the handlers that take them.
    await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    await w.call('dispatcher', 'disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '陈秀英', phone: '13600000001' }], gridId: w.otherGridId }));
    for (const c of CALLERS) await refresh(c);
    state = await stateQuery(w.core.db);
  });
  afterAll(async () => {
    const refused = [...stats.refused].map(([k, v]) => `${k} ${v}`).join(', ');
    console.info(`fuzz: ${stats.calls} calls, ${stats.accepted} accepted, refused: ${refused}; findings: ${findings.length ? findings.join(' | ') : 'none'}`);
    await w.cleanup();
  });

  it.each(HANDLER_NAMES.map((n) => [n] as [HandlerName]))('%s answers with a value or a known refusal, and a refusal changes nothing', async (name) => {
    const spec = contract[name];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), inputFor(spec.input), async (who, input) => {
        // A job an earlier accepted call started (an export, a backup) writes when it ends: let it end first.
        await w.core.node.jobs.settled();
        const before = await state();
        const res = await w.core.invoke(name, input, { token: tokens.get(who) ?? null });
        stats.calls += 1;
        if (res.ok) {
          stats.accepted += 1;
          // A logout ends the caller's session: sign in again so later cases still reach the handlers.
          if (name === 'session.logout' && who !== 'none' && who !== 'forged') await refresh(who);
          return;
        }
        stats.refused.set(res.error.code, (stats.refused.get(res.error.code) ?? 0) + 1);
        if (!KNOWN_CODES.has(res.error.code)) findings.push(`${name} as ${who}: ${res.error.code} ${res.error.message}`);
        expect(KNOWN_CODES.has(res.error.code), `${name} as ${who}: ${res.error.code} ${res.error.message}`).toBe(true);
        expect(typeof res.error.message === 'string' && res.error.message.length > 0).toBe(true);
        // A failed sign-in is recorded on purpose (the account's failed attempts, the audit log).
        if (name === 'session.login' && (res.error.code === 'BAD_CREDENTIALS' || res.error.code === 'ACCOUNT_LOCKED')) return;
        // So is a wrong current password when changing one (counted towards the lock, audited).
        if (name === 'session.changePassword' && res.error.field === 'currentPassword') return;
        expect(await state(), `${name} as ${who} was refused (${res.error.code}) but changed the database`).toBe(before);
      }),
      { numRuns: FUZZ_RUNS, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) },
    );
  });

  it('an unknown name, any input, any caller: UNKNOWN_HANDLER and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }).filter((s) => !(HANDLER_NAMES as readonly string[]).includes(s)), fc.anything({ maxDepth: 2 }), fc.constantFrom(...CALLERS), async (name, input, who) => {
        const before = await state();
        const res = await w.core.invoke(name, input, { token: tokens.get(who) ?? null });
        expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
        expect(await state()).toBe(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
