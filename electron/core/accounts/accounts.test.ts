import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, signIn, tempCore, TEST_PASSWORD } from '../../../tests/support/tempCore';
import { attemptAs, callAs, type Call } from '../../../tests/support/call';
import type { Core } from '../index';

let core: Core;
let cleanup: () => Promise<void>;
let admin: Call;
beforeEach(async () => {
  ({ core, cleanup } = await tempCore());
  await seedSmallWorld(core);
  admin = await signIn(core, 'admin');
});
afterEach(async () => cleanup());

const NEW = { username: 'liqiang', displayName: '李强', role: 'mediator' as const, divisionCode: '999901001000', phone: '0737-5201234', password: 'Tiaojie-2026' };
const idOf = async (username: string) => ((await core.db('accounts').where({ username }).first('id')) as { id: number }).id;
const auditCount = async (action: string) => Number(((await core.db('audit_log').where({ action }).count({ n: '*' }).first()) as { n: number }).n);

describe('accounts: the admin manages staff', () => {
  it('creates an account, refusing weak or published passwords and duplicate usernames with field messages', async () => {
    const token = await loginAs(core, 'admin');
    for (const [password, message] of [
      ['short1', '密码至少 8 位'],
      ['onlyletters', '密码须同时包含字母和数字'],
      ['liqiang2026', '密码不能包含用户名'],
      ['zongzhi2021', '不能使用演示密码'],
    ] as const) {
      const res = await core.invoke('accounts.create', { ...NEW, password }, { token });
      expect(res, password).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'password' } });
      if (!res.ok) expect(res.error.message).toContain(message);
    }
    expect(await attemptAs(core, token, 'accounts.create', { ...NEW, username: 'mediator' })).toMatchObject({ ok: false, code: 'CONFLICT', field: 'username' });
    expect(await attemptAs(core, token, 'accounts.create', { ...NEW, phone: 'call me' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'phone' });
    expect(await core.db('accounts').where({ username: 'liqiang' }).first()).toBeUndefined();

    expect(await admin('accounts.create', NEW)).toMatchObject({ username: 'liqiang', displayName: '李强', role: 'mediator', divisionName: '甲一镇' });
    const row = (await admin('accounts.list', {})).accounts.find((a) => a.username === 'liqiang');
    expect(row).toMatchObject({ phone: '0737-5201234', disabled: false, mustChangePassword: false, lockedUntil: null });
    await expect(signIn(core, 'liqiang')).rejects.toThrow(); // TEST_PASSWORD is not theirs
    expect(await callAs(core, null)('session.login', { username: 'liqiang', password: NEW.password })).toMatchObject({ mustChangePassword: false });
  });

  it('edits real name, role, division and phone; the real name is what the case timeline shows', async () => {
    const id = await idOf('mediator');
    const edited = await admin('accounts.update', { id, displayName: '赵敏', divisionCode: '999901001000', phone: '13800000000' });
    expect(edited).toMatchObject({ displayName: '赵敏', divisionCode: '999901001000', phone: '13800000000', role: 'mediator' });
    expect(await attemptAs(core, await loginAs(core, 'director'), 'accounts.update', { id, displayName: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const dispatcherId = await idOf('dispatcher');
    await admin('accounts.update', { id: dispatcherId, displayName: '刘洋' });
    const dispatcher = await signIn(core, 'dispatcher');
    const dispute = (await core.db('disputes').where({ case_no: 'T-1' }).first('id')) as { id: number };
    await dispatcher('disputes.addNote', { id: dispute.id, note: '已电话联系双方' });
    const event = await core.db('dispute_events').where({ dispute_id: dispute.id, kind: 'note' }).orderBy('id', 'desc').first('actor_name');
    expect(event).toEqual({ actor_name: '刘洋' });
    expect(await attemptAs(core, await loginAs(core, 'admin'), 'accounts.update', { id, divisionCode: '123456789012' })).toMatchObject({ ok: false, field: 'divisionCode' });
  });

  it('disabling ends the sessions at once; a login then fails alike and is audited', async () => {
    const token = await loginAs(core, 'mediator');
    const id = await idOf('mediator');
    expect(await admin('accounts.setDisabled', { id, disabled: true })).toMatchObject({ disabled: true });
    expect(await attemptAs(core, token, 'session.me', {})).toMatchObject({ ok: false, code: 'NO_SESSION' });
    const before = await auditCount('session.login_failed');
    expect(await attemptAs(core, null, 'session.login', { username: 'mediator', password: TEST_PASSWORD })).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' });
    expect(await auditCount('session.login_failed')).toBe(before + 1);
    expect(await core.db('audit_log').orderBy('seq', 'desc').first('detail')).toMatchObject({ detail: expect.stringContaining('disabled') });
    await admin('accounts.setDisabled', { id, disabled: false });
    await expect(signIn(core, 'mediator')).resolves.toBeTypeOf('function');
  });

  it('keeps one active admin: the last one cannot be disabled or demoted, nor can an admin disable themselves', async () => {
    const adminId = await idOf('admin');
    expect(await attemptAs(core, await loginAs(core, 'admin'), 'accounts.setDisabled', { id: adminId, disabled: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await attemptAs(core, await loginAs(core, 'admin'), 'accounts.update', { id: adminId, role: 'director' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a reset gives a one-time password that must be changed before anything else', async () => {
    const id = await idOf('leader');
    const oldToken = await loginAs(core, 'leader');
    const { oneTimePassword } = await admin('accounts.resetPassword', { id });
    expect(oneTimePassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    expect(await attemptAs(core, oldToken, 'session.me', {})).toMatchObject({ ok: false, code: 'NO_SESSION' });
    expect(await attemptAs(core, null, 'session.login', { username: 'leader', password: TEST_PASSWORD })).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' });

    const login = await callAs(core, null)('session.login', { username: 'leader', password: oneTimePassword });
    expect(login.mustChangePassword).toBe(true);
    const leader = callAs(core, login.token);
    expect(await attemptAs(core, login.token, 'divisions.tree', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await attemptAs(core, login.token, 'session.changePassword', { currentPassword: 'wrong-one1', newPassword: 'Lingdao-2026' })).toMatchObject({ ok: false, field: 'currentPassword' });
    expect(await attemptAs(core, login.token, 'session.changePassword', { currentPassword: oneTimePassword, newPassword: oneTimePassword })).toMatchObject({ ok: false, field: 'newPassword' });
    expect(await attemptAs(core, login.token, 'session.changePassword', { currentPassword: oneTimePassword, newPassword: 'leader2026' })).toMatchObject({ ok: false, field: 'newPassword' });
    expect(await leader('session.changePassword', { currentPassword: oneTimePassword, newPassword: 'Lingdao-2026' })).toEqual({ ok: true });
    // The same session goes on, now unrestricted.
    await expect(leader('divisions.tree', {})).resolves.toBeTruthy();
    expect(await callAs(core, null)('session.login', { username: 'leader', password: 'Lingdao-2026' })).toMatchObject({ mustChangePassword: false });
    expect(await auditCount('session.changePassword')).toBe(1);
    expect(await auditCount('accounts.resetPassword')).toBe(1);
  });

  it('everyone changes their own password, the current one required; other sessions end', async () => {
    const elsewhere = await loginAs(core, 'gridworker');
    const here = await signIn(core, 'gridworker');
    expect(await here('session.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'Wangge-2026x' })).toEqual({ ok: true });
    expect(await attemptAs(core, elsewhere, 'session.me', {})).toMatchObject({ ok: false, code: 'NO_SESSION' });
    expect(await here('session.me', {})).toMatchObject({ username: 'gridworker' });
  });

  it('counts and audits wrong current passwords like failed logins: the fifth locks the account and ends its sessions', async () => {
    const token = await loginAs(core, 'dispatcher');
    for (let i = 1; i <= 4; i++) {
      expect(await attemptAs(core, token, 'session.changePassword', { currentPassword: `guess-${i}x`, newPassword: 'Diaodu-2026' })).toMatchObject({ ok: false, field: 'currentPassword' });
    }
    expect(await auditCount('session.changePassword_failed')).toBe(4);
    expect(await attemptAs(core, token, 'session.changePassword', { currentPassword: 'guess-5x', newPassword: 'Diaodu-2026' })).toMatchObject({ ok: false, field: 'currentPassword' });
    expect(await attemptAs(core, token, 'session.me', {})).toMatchObject({ ok: false, code: 'NO_SESSION' });
    expect(await attemptAs(core, null, 'session.login', { username: 'dispatcher', password: TEST_PASSWORD })).toMatchObject({ ok: false, code: 'ACCOUNT_LOCKED' });
  });
});
