import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { WallToken } from '../../../shared/contract/walls';
import type { DomainImpls } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { hashToken } from '../session/sessions';

/**
 * LAN wall tokens: created and revoked by the admin, audited; only the hash is stored (the token is
 * shown once). The session layer accepts one as its wall account, and the dispatcher lets it reach
 * only WALL_TOKEN_HANDLERS (shared/contract/walls.ts).
 */
interface Row {
  id: number;
  label: string;
  username: string;
  created_at: string;
  revoked_at: string | null;
}

const rowsQuery = (db: Knex) =>
  db('wall_tokens as w').join('accounts as a', 'a.id', 'w.account_id').select('w.id', 'w.label', 'a.username', 'w.created_at', 'w.revoked_at');

const toToken = (r: Row): WallToken => ({ id: r.id, label: r.label, accountUsername: r.username, createdAt: r.created_at, revokedAt: r.revoked_at });

export const wallImpls: DomainImpls<'walls'> = {
  'walls.createToken': async ({ label, accountId }, ctx) => {
    const j = jurisdictionOf(ctx.account);
    const q = ctx.db('accounts').where({ role: 'wall', disabled: 0 });
    const candidates: Array<{ id: number; division_code: string }> = await (accountId ? q.where({ id: accountId }) : q.orderBy('id')).select('id', 'division_code');
    const account = candidates.find((a) => j.covers(a.division_code));
    if (!account) throw new CoreError(accountId ? 'INVALID_INPUT' : 'NOT_FOUND', '没有可用的大屏账号（角色须为“大屏”且在本辖区）', { field: 'accountId' });
    const token = randomBytes(32).toString('base64url');
    const [id] = (await ctx.db('wall_tokens').insert({ label, token_hash: hashToken(token), account_id: account.id, created_by: ctx.account.id, created_at: ctx.now.toISOString() })) as number[];
    await ctx.audit({ action: 'walls.createToken', entity: 'wall_token', entityId: String(id), detail: { label, accountId: account.id } });
    const row: Row = await rowsQuery(ctx.db).where('w.id', id!).first();
    return { ...toToken(row), token };
  },
  'walls.listTokens': async (_input, ctx) => {
    const rows: Row[] = await rowsQuery(ctx.db).orderBy('w.id', 'desc');
    return { rows: rows.map(toToken) };
  },
  'walls.revokeToken': async ({ id }, ctx) => {
    const row: Row | undefined = await rowsQuery(ctx.db).where('w.id', id).first();
    if (!row) throw new CoreError('NOT_FOUND', '大屏令牌不存在', { field: 'id' });
    if (row.revoked_at) throw new CoreError('CONFLICT', '该令牌已撤销');
    const at = ctx.now.toISOString();
    await ctx.db('wall_tokens').where({ id }).update({ revoked_at: at });
    await ctx.audit({ action: 'walls.revokeToken', entity: 'wall_token', entityId: String(id), detail: { label: row.label } });
    return toToken({ ...row, revoked_at: at });
  },
};
