import type { Knex } from 'knex';
import type { Account, EventName, EventPayload, HandlerName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Clock } from './clock';
import type { AuditInput } from './audit/auditLog';

export interface Session {
  tokenHash: string;
  account: Account;
}

export interface CoreLog {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

export interface CoreEnv {
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  clock: Clock;
  log: CoreLog;
}

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  /** The database: inside a writing handler this is its transaction, and nothing else may be used. */
  db: Knex;
  session: Session | null;
  /** The current account; reading it in a public handler throws. */
  account: Account;
  env: CoreEnv;
  now: Date;
  /** Record this write in the hash-chained audit log (writing handlers only; at least once each). */
  audit(entry: Omit<AuditInput, 'actorId' | 'actorName'> & { actorId?: number | null; actorName?: string }): Promise<void>;
  /** Announce a change to connected clients once the transaction has committed. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type HandlerImpl<N extends HandlerName> = (
  input: ParsedInputOf<N>,
  ctx: HandlerContext,
) => Promise<OutputOf<N>>;

export type HandlerImpls = { [N in HandlerName]: HandlerImpl<N> };
