import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, signIn, tempCore } from '../../tests/support/tempCore';
import { callAs } from '../../tests/support/call';
import type { Core } from './index';

let core: Core;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
});
afterEach(async () => cleanup());

async function snapshot(c: Core) {
  const [accounts, audit, sessions] = await Promise.all([
    c.db('accounts').count({ n: '*' }).first(),
    c.db('audit_log').count({ n: '*' }).first(),
    c.db('sessions').count({ n: '*' }).first(),
  ]);
  return { accounts, audit, sessions };
}

describe('the dispatcher refuses bad calls clearly and changes nothing', () => {
  const valid = { username: 'clerk01', displayName: '王芳', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass1' };

  it('unknown handler', async () => {
    const token = await loginAs(core, 'admin');
    const before = await snapshot(core);
    const res = await core.invoke('accounts.dropAll', {}, { token });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    expect(await snapshot(core)).toEqual(before);
  });

  it('wrong type, naming the field', async () => {
    const token = await loginAs(core, 'admin');
    const before = await snapshot(core);
    const res = await core.invoke('accounts.create', { ...valid, role: 42 }, { token });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'role' } });
    expect(await snapshot(core)).toEqual(before);
  });

  it('missing field, naming the field', async () => {
    const token = await loginAs(core, 'admin');
    const before = await snapshot(core);
    const { password: _omit, ...noPassword } = valid;
    const res = await core.invoke('accounts.create', noPassword, { token });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'password' } });
    expect(await snapshot(core)).toEqual(before);
  });

  it('no session, or a forged token', async () => {
    const before = await snapshot(core);
    expect(await core.invoke('accounts.create', valid)).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.invoke('accounts.create', valid, { token: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await snapshot(core)).toEqual(before);
  });

  it('wrong role', async () => {
    const token = await loginAs(core, 'director');
    const before = await snapshot(core);
    const res = await core.invoke('accounts.create', valid, { token });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await snapshot(core)).toEqual(before);
  });

  it('a valid write lands with exactly one more audit entry', async () => {
    const token = await loginAs(core, 'admin');
    const before = await snapshot(core);
    const res = await core.invoke('accounts.create', valid, { token });
    expect(res).toMatchObject({ ok: true, value: { username: 'clerk01', role: 'dispatcher', divisionName: '甲一镇' } });
    const after = await snapshot(core);
    expect(Number(after.accounts?.n)).toBe(Number(before.accounts?.n) + 1);
    expect(Number(after.audit?.n)).toBe(Number(before.audit?.n) + 1);
    const last = await core.db('audit_log').orderBy('seq', 'desc').first();
    expect(last).toMatchObject({ action: 'accounts.create', actor_name: 'admin' });
  });

  it('a write refused inside the handler (duplicate username) rolls back and is not audited', async () => {
    const token = await loginAs(core, 'admin');
    const before = await snapshot(core);
    const res = await core.invoke('accounts.create', { ...valid, username: 'director' }, { token });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'username' } });
    expect(await snapshot(core)).toEqual(before);
  });
});

describe('login', () => {
  it('answers a wrong password and an unknown user alike, audits both, and locks after five failures', async () => {
    const wrong = await core.invoke('session.login', { username: 'admin', password: 'nope' });
    const unknown = await core.invoke('session.login', { username: 'ghost', password: 'nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const failures = await core.db('audit_log').where({ action: 'session.login_failed' }).count({ n: '*' }).first();
    expect(Number(failures?.n)).toBe(2);
    for (let i = 0; i < 4; i++) await core.invoke('session.login', { username: 'admin', password: 'nope' });
    const locked = await core.invoke('session.login', { username: 'admin', password: 'correct-horse-battery' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  });

  it('logout ends the session', async () => {
    const token = await loginAs(core, 'leader');
    expect(await core.invoke('session.me', {}, { token })).toMatchObject({ ok: true, value: { role: 'leader' } });
    expect(await core.invoke('session.logout', {}, { token })).toMatchObject({ ok: true });
    expect(await core.invoke('session.me', {}, { token })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });
});

describe('divisions.tree', () => {
  it('counts villages, grids, service points and open disputes per division, rolled up', async () => {
    const { nodes } = await (await signIn(core, 'wall'))('divisions.tree', {});
    const get = (code: string) => nodes.find((n) => n.code === code)?.counts;
    expect(get('999900000000')).toEqual({ villages: 3, grids: 4, servicePoints: 2, openDisputes: 2 });
    expect(get('999901000000')).toEqual({ villages: 2, grids: 3, servicePoints: 2, openDisputes: 1 });
    expect(get('999901001201')).toEqual({ villages: 1, grids: 2, servicePoints: 1, openDisputes: 1 });
    expect(get('999902001201')).toEqual({ villages: 1, grids: 1, servicePoints: 0, openDisputes: 1 });
  });

  it('stops at the requested depth and refuses a root outside the account division', async () => {
    await (await signIn(core, 'admin'))('accounts.create', { username: 'jia', displayName: '甲县主任', role: 'director', divisionCode: '999901000000', password: 'long-enough-pass1' });
    const { token } = await callAs(core, null)('session.login', { username: 'jia', password: 'long-enough-pass1' });
    const tree = await callAs(core, token)('divisions.tree', { depth: 'township' });
    const codes = tree.nodes.map((n) => n.code).sort();
    expect(codes).toEqual(['999901000000', '999901001000']);
    expect(await core.invoke('divisions.tree', { rootCode: '999902000000' }, { token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
