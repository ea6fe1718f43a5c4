import { CoreError } from '../../../shared/contract/errors';
import type { DomainImpls } from '../context';
import { verifyPassword } from '../accounts/passwords';
import { accountQuery, createSession, toAccount, type AccountRow } from './sessions';

const MAX_FAILED_ATTEMPTS = 5;
const LOCK_MINUTES = 15;

/** Logging in and out: a wrong user and a wrong password get the same answer; five wrong passwords lock. */
export const sessionImpls: DomainImpls<'session'> = {
  'session.login': async ({ username, password }, ctx) => {
    const row: AccountRow | undefined = await accountQuery(ctx.db).where('accounts.username', username).first();
    const nowIso = ctx.now.toISOString();
    if (!row || row.disabled) {
      // Same answer as a wrong password: the login page must not reveal which usernames exist.
      await ctx.audit({ actorId: null, actorName: username, action: 'session.login_failed', entity: 'account', entityId: null, detail: { reason: 'unknown_or_disabled' } });
      throw new CoreError('BAD_CREDENTIALS', '用户名或密码错误', { keepWrites: true });
    }
    if (row.locked_until && row.locked_until > nowIso) {
      throw new CoreError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定至 ${new Date(row.locked_until).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })}`);
    }
    if (!(await verifyPassword(password, row.password_hash))) {
      const failed = row.failed_attempts + 1;
      const lock = failed >= MAX_FAILED_ATTEMPTS;
      await ctx.db('accounts').where({ id: row.id }).update({
        failed_attempts: lock ? 0 : failed,
        locked_until: lock ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
      });
      await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login_failed', entity: 'account', entityId: row.id, detail: { failed, locked: lock } });
      throw new CoreError('BAD_CREDENTIALS', '用户名或密码错误', { keepWrites: true });
    }
    await ctx.db('accounts').where({ id: row.id }).update({ failed_attempts: 0, locked_until: null });
    const token = await createSession(ctx.db, row.id, ctx.now);
    await ctx.audit({ actorId: row.id, actorName: row.username, action: 'session.login', entity: 'account', entityId: row.id });
    return { token, account: toAccount(row) };
  },

  'session.logout': async (_input, ctx) => {
    const session = ctx.session;
    if (session) await ctx.db('sessions').where({ token_hash: session.tokenHash }).delete();
    await ctx.audit({ action: 'session.logout', entity: 'account', entityId: ctx.account.id });
    return { ok: true as const };
  },

  'session.me': async (_input, ctx) => ctx.account,
};
