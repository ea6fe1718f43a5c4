import { CoreError } from '../../../shared/contract/errors';
import type { DomainImpls } from '../context';
import { hashPassword } from './passwords';
import { accountQuery, toAccount, type AccountRow } from '../session/sessions';

/** Staff accounts of this node (admin only). */
export const accountImpls: DomainImpls<'accounts'> = {
  'accounts.list': async (_input, ctx) => {
    const rows: AccountRow[] = await accountQuery(ctx.db).orderBy('accounts.id');
    return { accounts: rows.map((r) => ({ ...toAccount(r), disabled: Boolean(r.disabled) })) };
  },

  'accounts.create': async (input, ctx) => {
    const division = await ctx.db('divisions').where({ code: input.divisionCode }).first('code');
    if (!division) throw new CoreError('INVALID_INPUT', `输入有误：divisionCode：没有代码为 ${input.divisionCode} 的区划`, { field: 'divisionCode' });
    const taken = await ctx.db('accounts').where({ username: input.username }).first('id');
    if (taken) throw new CoreError('CONFLICT', `用户名 ${input.username} 已被使用`, { field: 'username' });
    const nowIso = ctx.now.toISOString();
    const [id] = await ctx.db('accounts').insert({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      division_code: input.divisionCode,
      password_hash: await hashPassword(input.password),
      created_at: nowIso,
      updated_at: nowIso,
    });
    await ctx.audit({ action: 'accounts.create', entity: 'account', entityId: Number(id), detail: { username: input.username, role: input.role, divisionCode: input.divisionCode } });
    ctx.emit('data.changed', { entity: 'account', ids: [Number(id)] });
    const row: AccountRow = await accountQuery(ctx.db).where('accounts.id', Number(id)).first();
    return toAccount(row);
  },
};
