import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, signIn, tempCore, TEST_PASSWORD } from '../../../tests/support/tempCore';
import { attemptAs, callAs } from '../../../tests/support/call';
import type { Core } from '../index';

let core: Core;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
});
afterEach(async () => cleanup());

describe('login hardening', () => {
  it('hashes before its transaction: a read that starts during a login does not wait for the hash', async () => {
    const order: string[] = [];
    const login = core.invoke('session.login', { username: 'director', password: TEST_PASSWORD }).then((r) => order.push(`login:${r.ok}`));
    // Started while the login hashes (scrypt takes far longer than a query): with the hash inside the write
    // transaction, the one connection was held and this read came back only after the login.
    await new Promise((r) => setImmediate(r));
    const read = core.invoke('system.info', {}).then((r) => order.push(`info:${r.ok}`));
    await Promise.all([login, read]);
    expect(order).toEqual(['info:true', 'login:true']);
  });

  it('audits attempts against a locked account and a disabled one, and answers them like a wrong password or a lock', async () => {
    for (let i = 0; i < 5; i++) await attemptAs(core, null, 'session.login', { username: 'mediator', password: 'wrong-pass1' });
    const locked = await attemptAs(core, null, 'session.login', { username: 'mediator', password: TEST_PASSWORD });
    expect(locked).toMatchObject({ ok: false, code: 'ACCOUNT_LOCKED' });
    const lockedEntry = await core.db('audit_log').orderBy('seq', 'desc').first('action', 'actor_name', 'detail');
    expect(lockedEntry).toMatchObject({ action: 'session.login_failed', actor_name: 'mediator' });
    expect(JSON.parse((lockedEntry as { detail: string }).detail)).toMatchObject({ reason: 'locked' });

    await core.db('accounts').where({ username: 'leader' }).update({ disabled: true });
    const disabled = await attemptAs(core, null, 'session.login', { username: 'leader', password: TEST_PASSWORD });
    const unknown = await attemptAs(core, null, 'session.login', { username: 'nobody', password: TEST_PASSWORD });
    expect(disabled).toEqual(unknown);
    const entries = (await core.db('audit_log').orderBy('seq', 'desc').limit(2).select('detail')) as Array<{ detail: string }>;
    expect(entries.map((e) => (JSON.parse(e.detail) as { reason: string }).reason)).toEqual(['unknown', 'disabled']);
  });

  it('gives sessions the length of the node policy', async () => {
    const admin = await signIn(core, 'admin');
    expect(await admin('session.policy', {})).toEqual({ sessionHours: 12, idleLockMinutes: 15 });
    expect(await admin('session.setPolicy', { sessionHours: 2, idleLockMinutes: 5 })).toEqual({ sessionHours: 2, idleLockMinutes: 5 });
    const login = await callAs(core, null)('session.login', { username: 'director', password: TEST_PASSWORD });
    expect(login.policy).toEqual({ sessionHours: 2, idleLockMinutes: 5 });
    const session = (await core.db('sessions').where({ account_id: login.account.id }).first('created_at', 'expires_at')) as { created_at: string; expires_at: string };
    expect(Date.parse(session.expires_at) - Date.parse(session.created_at)).toBe(2 * 3600_000);
    expect(await attemptAs(core, await loginAs(core, 'director'), 'session.setPolicy', { sessionHours: 1, idleLockMinutes: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await attemptAs(core, await loginAs(core, 'admin'), 'session.setPolicy', { sessionHours: 100, idleLockMinutes: 0 })).toMatchObject({ ok: false, field: 'sessionHours' });
  });
});
