import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Account } from '../../../shared/contract';
import { Role } from '../../../shared/contract/roles';

/** A caller's session: the hash of their token and the account behind it. */
export interface Session {
  tokenHash: string;
  account: Account;
  /** Logged in with a one-time password: only changing it (and logging out) is allowed. */
  mustChangePassword: boolean;
  /** A LAN wall token (walls.createToken), not a login: it reaches only WALL_TOKEN_HANDLERS. */
  wallToken?: boolean;
}

/** A working day at a center (the default of the node's session policy); the token lives only in the client's memory. */
export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  division_code: string;
  division_name?: string | null;
  person_id: number | null;
  password_hash: string;
  disabled: number | boolean;
  failed_attempts: number;
  locked_until: string | null;
  phone?: string | null;
  must_change_password?: number | boolean;
  last_login_at?: string | null;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: Role.parse(row.role),
    divisionCode: row.division_code,
    divisionName: row.division_name ?? '',
  };
}

export function accountQuery(db: Knex) {
  return db('accounts')
    .leftJoin('divisions', 'divisions.code', 'accounts.division_code')
    .select('accounts.*', 'divisions.name as division_name');
}

/** An active account by id (a background job runs as the account that started it), or null. */
export async function accountById(db: Knex, id: number): Promise<Account | null> {
  const row: AccountRow | undefined = await accountQuery(db).where('accounts.id', id).first();
  return row && !row.disabled ? toAccount(row) : null;
}

/** Only the token's hash is stored: a copied database file does not hand out live sessions. */
export async function createSession(trx: Knex, accountId: number, now: Date, hours = SESSION_HOURS): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx('sessions').insert({
    token_hash: hashToken(token),
    account_id: accountId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(),
  });
  return token;
}

export async function resolveSession(db: Knex, token: string, now: Date): Promise<Session | null> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row: (AccountRow & { expires_at: string }) | undefined = await accountQuery(db)
    .join('sessions', 'sessions.account_id', 'accounts.id')
    .where('sessions.token_hash', tokenHash)
    .first('sessions.expires_at');
  if (row) return row.expires_at <= now.toISOString() || row.disabled ? null : { tokenHash, account: toAccount(row), mustChangePassword: Boolean(row.must_change_password) };
  // Not a login: perhaps a LAN wall token (not revoked), acting as its wall account.
  const wall: AccountRow | undefined = await accountQuery(db)
    .join('wall_tokens', 'wall_tokens.account_id', 'accounts.id')
    .where('wall_tokens.token_hash', tokenHash)
    .whereNull('wall_tokens.revoked_at')
    .first();
  if (!wall || wall.disabled || wall.role !== 'wall') return null;
  return { tokenHash, account: toAccount(wall), mustChangePassword: false, wallToken: true };
}
