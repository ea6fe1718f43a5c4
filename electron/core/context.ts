import type { Knex } from 'knex';
import type { Account, Domain, EventName, EventPayload, HandlerName, NamesOf, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { CoreEnv } from './env';
import type { Session } from './session/sessions';
import type { AuditEntry } from './audit/auditedWrite';
import type { NodeState } from './node/nodeState';
import type { JobStarter } from './jobs/jobKinds';

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  /** The database: inside a writing handler this is its transaction, and nothing else may be used. */
  db: Knex;
  /** This node's state: its caches, open files and jobs service (never a module global). */
  node: NodeState;
  session: Session | null;
  /** The current account; reading it in a public handler throws. */
  account: Account;
  env: CoreEnv;
  now: Date;
  /** Record this write in the hash-chained audit log (writing handlers only; at least once each). */
  audit(entry: AuditEntry): Promise<void>;
  /** Announce a change to connected clients once the transaction has committed. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Start background work (writing handlers only): the job is stored now and runs once this call commits. */
  jobs: JobStarter;
}

export type HandlerImpl<N extends HandlerName> = (
  input: ParsedInputOf<N>,
  ctx: HandlerContext,
) => Promise<OutputOf<N>>;

/** What a handler's first phase gets: the database outside any transaction, and who calls. */
export interface PrepareContext {
  db: Knex;
  session: Session | null;
  env: CoreEnv;
  now: Date;
}

/**
 * A handler in two phases: `prepare` runs before the write transaction opens (password hashing, reading a
 * packaged file: slow work that must not hold the one connection), `run` inside it with what prepare found.
 * Build one with `twoPhase`.
 */
export interface TwoPhase<N extends HandlerName> {
  prepare(input: ParsedInputOf<N>, ctx: PrepareContext): Promise<unknown>;
  run(input: ParsedInputOf<N>, ctx: HandlerContext, prepared: unknown): Promise<OutputOf<N>>;
}

export function twoPhase<N extends HandlerName, P>(
  prepare: (input: ParsedInputOf<N>, ctx: PrepareContext) => Promise<P>,
  run: (input: ParsedInputOf<N>, ctx: HandlerContext, prepared: P) => Promise<OutputOf<N>>,
): TwoPhase<N> {
  return { prepare, run: run as TwoPhase<N>['run'] };
}

export type HandlerImpls = { [N in HandlerName]: HandlerImpl<N> | TwoPhase<N> };

/**
 * The handlers of one domain, exactly: each core folder exports one `xxxImpls: DomainImpls<'xxx'>`,
 * and a handler missing from it, or one of another prefix in it, is a type error.
 */
export type DomainImpls<D extends Domain> = { [N in NamesOf<D>]: HandlerImpl<N> | TwoPhase<N> };
