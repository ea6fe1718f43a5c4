import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { AccountRow as AccountListRow } from '../../../shared/contract/accounts';
import { twoPhase, type DomainImpls, type HandlerContext } from '../context';
import { hashPassword } from './passwords';
import { refusePublishedPassword } from './passwordPolicy';
import { accountQuery, toAccount, type AccountRow } from '../session/sessions';

function toListRow(r: AccountRow): AccountListRow {
  return {
    ...toAccount(r),
    phone: r.phone ?? null,
    disabled: Boolean(r.disabled),
    mustChangePassword: Boolean(r.must_change_password),
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at ?? null,
  };
}

async function rowOf(db: Knex, id: number): Promise<AccountRow> {
  const row: AccountRow | undefined = await accountQuery(db).where('accounts.id', id).first();
  if (!row) throw new CoreError('NOT_FOUND', `没有编号为 ${id} 的账号`);
  return row;
}

async function requireDivision(db: Knex, code: string): Promise<void> {
  const division = await db('divisions').where({ code }).first('code');
  if (!division) throw new CoreError('INVALID_INPUT', `输入有误：divisionCode：没有代码为 ${code} 的区划`, { field: 'divisionCode' });
}

/** The node keeps at least one active admin: nobody can lock everyone out of account management. */
async function refuseLastAdmin(ctx: HandlerContext, row: AccountRow, what: string): Promise<void> {
  if (row.role !== 'admin' || row.disabled) return;
  const others = await ctx.db('accounts').where({ role: 'admin', disabled: false }).whereNot({ id: row.id }).first('id');
  if (!others) throw new CoreError('CONFLICT', `${what}后本节点将没有可用的管理员账号`);
}

/**
 * A one-time password an admin reads out or hands over: 12 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), always with letters and digits, so it passes the password rules.
 */
function oneTimePassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)]!, digits[randomInt(digits.length)]!];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** Staff accounts of this node (admin only). Passwords are hashed before the write transaction opens. */
export const accountImpls: DomainImpls<'accounts'> = {
  'accounts.list': async (_input, ctx) => {
    const rows: AccountRow[] = await accountQuery(ctx.db).orderBy('accounts.id');
    return { accounts: rows.map(toListRow) };
  },

  'accounts.create': twoPhase<'accounts.create', { hash: string }>(
    async (input) => {
      refusePublishedPassword(input.password, 'password');
      return { hash: await hashPassword(input.password) };
    },
    async (input, ctx, { hash }) => {
      await requireDivision(ctx.db, input.divisionCode);
      const taken = await ctx.db('accounts').where({ username: input.username }).first('id');
      if (taken) throw new CoreError('CONFLICT', `用户名 ${input.username} 已被使用`, { field: 'username' });
      const nowIso = ctx.now.toISOString();
      const [id] = await ctx.db('accounts').insert({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        division_code: input.divisionCode,
        phone: input.phone ?? null,
        password_hash: hash,
        password_changed_at: nowIso,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await ctx.audit({ action: 'accounts.create', entity: 'account', entityId: Number(id), detail: { username: input.username, role: input.role, divisionCode: input.divisionCode } });
      ctx.emit('data.changed', { entity: 'account', ids: [Number(id)] });
      return toAccount(await rowOf(ctx.db, Number(id)));
    },
  ),

  'accounts.update': async ({ id, ...changes }, ctx) => {
    const row = await rowOf(ctx.db, id);
    if (changes.divisionCode !== undefined) await requireDivision(ctx.db, changes.divisionCode);
    if (changes.role !== undefined && changes.role !== 'admin') await refuseLastAdmin(ctx, row, '改变角色');
    const update: Record<string, unknown> = {};
    if (changes.displayName !== undefined) update.display_name = changes.displayName;
    if (changes.role !== undefined) update.role = changes.role;
    if (changes.divisionCode !== undefined) update.division_code = changes.divisionCode;
    if (changes.phone !== undefined) update.phone = changes.phone;
    const before = { displayName: row.display_name, role: row.role, divisionCode: row.division_code, phone: row.phone ?? null };
    update.updated_at = ctx.now.toISOString();
    await ctx.db('accounts').where({ id }).update(update);
    // The phone is personal data: the audit says it changed, not what it is.
    const { phone: _p, ...auditBefore } = before;
    const { phone, ...auditChanges } = changes;
    await ctx.audit({ action: 'accounts.update', entity: 'account', entityId: id, detail: { before: auditBefore, after: auditChanges, ...(phone !== undefined ? { phoneChanged: true } : {}) } });
    ctx.emit('data.changed', { entity: 'account', ids: [id] });
    return toListRow(await rowOf(ctx.db, id));
  },

  'accounts.setDisabled': async ({ id, disabled }, ctx) => {
    const row = await rowOf(ctx.db, id);
    if (disabled) {
      if (id === ctx.account.id) throw new CoreError('CONFLICT', '不能停用自己的账号');
      await refuseLastAdmin(ctx, row, '停用');
      await ctx.db('sessions').where({ account_id: id }).delete();
    }
    await ctx.db('accounts').where({ id }).update({ disabled, failed_attempts: 0, locked_until: null, updated_at: ctx.now.toISOString() });
    await ctx.audit({ action: disabled ? 'accounts.disable' : 'accounts.enable', entity: 'account', entityId: id, detail: { username: row.username } });
    ctx.emit('data.changed', { entity: 'account', ids: [id] });
    return toListRow(await rowOf(ctx.db, id));
  },

  'accounts.resetPassword': twoPhase<'accounts.resetPassword', { password: string; hash: string }>(
    async () => {
      const password = oneTimePassword();
      return { password, hash: await hashPassword(password) };
    },
    async ({ id }, ctx, { password, hash }) => {
      const row = await rowOf(ctx.db, id);
      const nowIso = ctx.now.toISOString();
      await ctx.db('accounts').where({ id }).update({ password_hash: hash, must_change_password: true, failed_attempts: 0, locked_until: null, password_changed_at: nowIso, updated_at: nowIso });
      await ctx.db('sessions').where({ account_id: id }).delete();
      await ctx.audit({ action: 'accounts.resetPassword', entity: 'account', entityId: id, detail: { username: row.username } });
      ctx.emit('data.changed', { entity: 'account', ids: [id] });
      return { oneTimePassword: password };
    },
  ),
};
