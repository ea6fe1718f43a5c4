import { CoreError } from '../../../shared/contract/errors';
import { passwordProblem } from '../../../shared/domain/passwordRules';
import { twoPhase, type DomainImpls } from '../context';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../accounts/passwords';
import { refusePublishedPassword } from '../accounts/passwordPolicy';
import { accountQuery, createSession, toAccount, type AccountRow } from './sessions';
import { readPolicy, writePolicy } from './policy';

const MAX_FAILED_ATTEMPTS = 5;
const LOCK_MINUTES = 15;

interface LoginCheck {
  accountId: number | null;
  passwordOk: boolean;
}

const badCredentials = () => new CoreError('BAD_CREDENTIALS', '用户名或密码错误', { keepWrites: true });
const lockedMessage = (until: string) =>
  `密码错误次数过多，账号已锁定至 ${new Date(until).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })}`;

/** Logging in and out: a wrong user and a wrong password get the same answer; five wrong passwords lock. */
export const sessionImpls: DomainImpls<'session'> = {
  // The hash runs before the write transaction opens: a login no longer holds the one connection (and so
  // every other request) for the ~0.1 s of scrypt.
  'session.login': twoPhase<'session.login', LoginCheck>(
    async ({ username, password }, ctx) => {
      const row: AccountRow | undefined = await accountQuery(ctx.db).where('accounts.username', username).first();
      const usable = row && !row.disabled && !(row.locked_until && row.locked_until > ctx.now.toISOString());
      const passwordOk = await verifyPassword(password, usable ? row.password_hash : DUMMY_HASH);
      return { accountId: row?.id ?? null, passwordOk: Boolean(usable) && passwordOk };
    },
    async ({ username }, ctx, check) => {
      // Read again inside the transaction: the counters may have moved since the hash started.
      const row: AccountRow | undefined = check.accountId === null ? undefined : await accountQuery(ctx.db).where('accounts.id', check.accountId).first();
      const nowIso = ctx.now.toISOString();
      if (!row) {
        // Same answer as a wrong password: the login page must not reveal which usernames exist.
        await ctx.audit({ actorId: null, actorName: username, action: 'session.login_failed', entity: 'account', entityId: null, detail: { reason: 'unknown' } });
        throw badCredentials();
      }
      if (row.disabled) {
        await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login_failed', entity: 'account', entityId: row.id, detail: { reason: 'disabled' } });
        throw badCredentials();
      }
      if (row.locked_until && row.locked_until > nowIso) {
        // Attempts against a locked account are audited too (someone keeps trying).
        await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login_failed', entity: 'account', entityId: row.id, detail: { reason: 'locked', lockedUntil: row.locked_until } });
        throw new CoreError('ACCOUNT_LOCKED', lockedMessage(row.locked_until), { keepWrites: true });
      }
      if (!check.passwordOk) {
        const failed = row.failed_attempts + 1;
        const lock = failed >= MAX_FAILED_ATTEMPTS;
        await ctx.db('accounts').where({ id: row.id }).update({
          failed_attempts: lock ? 0 : failed,
          locked_until: lock ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
        });
        await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login_failed', entity: 'account', entityId: row.id, detail: { failed, locked: lock } });
        throw badCredentials();
      }
      await ctx.db('accounts').where({ id: row.id }).update({ failed_attempts: 0, locked_until: null, last_login_at: nowIso });
      const policy = await readPolicy(ctx.db);
      const token = await createSession(ctx.db, row.id, ctx.now, policy.sessionHours);
      const mustChangePassword = Boolean(row.must_change_password);
      await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login', entity: 'account', entityId: row.id, detail: mustChangePassword ? { oneTimePassword: true } : undefined });
      return { token, account: toAccount(row), mustChangePassword, policy };
    },
  ),

  'session.logout': async (_input, ctx) => {
    const session = ctx.session;
    if (session) await ctx.db('sessions').where({ token_hash: session.tokenHash }).delete();
    await ctx.audit({ action: 'session.logout', entity: 'account', entityId: ctx.account.id });
    return { ok: true as const };
  },

  'session.me': async (_input, ctx) => ctx.account,

  'session.changePassword': twoPhase<'session.changePassword', { currentOk: boolean; hash: string | null }>(
    async ({ currentPassword, newPassword }, ctx) => {
      const account = ctx.session?.account;
      if (!account) throw new CoreError('NO_SESSION', '未登录');
      const newProblem = (problem: string) => new CoreError('INVALID_INPUT', `输入有误：newPassword：${problem}`, { field: 'newPassword', issues: [{ field: 'newPassword', message: problem }] });
      const problem = passwordProblem(newPassword, account.username);
      if (problem) throw newProblem(problem);
      refusePublishedPassword(newPassword, 'newPassword');
      const row: AccountRow | undefined = await ctx.db('accounts').where({ id: account.id }).first();
      const currentOk = Boolean(row) && (await verifyPassword(currentPassword, row!.password_hash));
      if (currentOk && newPassword === currentPassword) throw newProblem('新密码不能与当前密码相同');
      return { currentOk, hash: currentOk ? await hashPassword(newPassword) : null };
    },
    async (_input, ctx, { currentOk, hash }) => {
      const nowIso = ctx.now.toISOString();
      if (!currentOk || !hash) {
        // Someone at an unlocked console guessing its owner's password: counted and audited like a login.
        const row: AccountRow = await ctx.db('accounts').where({ id: ctx.account.id }).first();
        const failed = row.failed_attempts + 1;
        const lock = failed >= MAX_FAILED_ATTEMPTS;
        await ctx.db('accounts').where({ id: row.id }).update({
          failed_attempts: lock ? 0 : failed,
          locked_until: lock ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
        });
        if (lock) await ctx.db('sessions').where({ account_id: row.id }).delete();
        await ctx.audit({ action: 'session.changePassword_failed', entity: 'account', entityId: row.id, detail: { failed, locked: lock } });
        throw new CoreError('INVALID_INPUT', '输入有误：currentPassword：当前密码不正确', { field: 'currentPassword', issues: [{ field: 'currentPassword', message: '当前密码不正确' }], keepWrites: true });
      }
      await ctx.db('accounts').where({ id: ctx.account.id }).update({ password_hash: hash, must_change_password: false, failed_attempts: 0, password_changed_at: nowIso, updated_at: nowIso });
      // Sessions elsewhere (another PC where the old password was known) end; this one goes on.
      await ctx.db('sessions').where({ account_id: ctx.account.id }).whereNot({ token_hash: ctx.session!.tokenHash }).delete();
      await ctx.audit({ action: 'session.changePassword', entity: 'account', entityId: ctx.account.id });
      return { ok: true as const };
    },
  ),

  'session.policy': async (_input, ctx) => readPolicy(ctx.db),

  'session.setPolicy': async (input, ctx) => {
    const before = await readPolicy(ctx.db);
    await writePolicy(ctx.db, input);
    await ctx.audit({ action: 'session.setPolicy', entity: 'node', entityId: null, detail: { before, after: input } });
    return input;
  },
};
