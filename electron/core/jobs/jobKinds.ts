import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Account, Job } from '../../../shared/contract';
import type { Audit } from '../audit/auditedWrite';
import type { CoreEnv } from '../env';
import type { NodeState } from '../node/nodeState';

/**
 * The jobs API: what a domain writes to run work in the background. Two shapes (docs/architecture.md,
 * "Background work"):
 *
 * - a **job kind**: work a person starts through a handler (an export; later a backup, a large import).
 *   Stored in the `jobs` table, visible to its owner (and to an admin), with progress events,
 *   cancellation and retention of its file.
 * - a **periodic task**: the node's own upkeep on a schedule (the search catch-up, map cache warming,
 *   retention; later sync rounds). Not stored as rows; backs off when it fails; writes as the system actor.
 *
 * Both run outside any handler's transaction, on the node's database, and write only through `write()`,
 * which is the door's rule for writes: one transaction that must leave an audit entry.
 */

/** What a job's or a task's run function gets. */
export interface WorkContext {
  /** The node's database (not a transaction: background work outlives the call that started it). */
  db: Knex;
  node: NodeState;
  env: CoreEnv;
  /** Aborted when the job is cancelled or the node closes: check it between steps (`signal.throwIfAborted()`). */
  signal: AbortSignal;
  now(): Date;
  /**
   * Write as the door does: `fn` runs in one transaction and must call `audit` at least once, or the
   * transaction is rolled back. The actor is the job's owner, or the system actor for periodic tasks.
   */
  write<T>(what: string, fn: (trx: Knex.Transaction, audit: Audit) => Promise<T>): Promise<T>;
}

export interface JobContext extends WorkContext {
  jobId: string;
  /** Who started the job, read afresh when it runs (their role and division decide what it may see). */
  owner: Account;
  /** Report progress: a `job.progress` event, and what `jobs.get` answers while the job runs. */
  progress(done: number, total?: number): void;
  /**
   * The path to write the job's file to. The job's `fileName` (what a download is saved as) is recorded
   * when it finishes; the file is removed if the job fails or is cancelled, and by retention later.
   */
  outputFile(fileName: string): string;
}

export interface JobKind<I> {
  /** `domain.verb`, stored in the jobs table (e.g. `disputes.export`). */
  kind: string;
  /** The job's input as stored (JSON): checked again when the job runs. */
  input: z.ZodType<I>;
  run(input: I, ctx: JobContext): Promise<void>;
}

/** Declare a job kind (list it in core/index.ts `JOB_KINDS` so the service knows it). */
export function defineJobKind<I>(kind: JobKind<I>): JobKind<I> {
  return kind;
}

export interface PeriodicTask {
  /** `domain.task`, as it appears in logs and in the audit entries it writes. */
  name: string;
  /** Time between runs. */
  everyMs: number;
  /** First run this long after the schedule starts (default: at once). */
  firstRunMs?: number;
  /** Longest wait after repeated failures (each failure doubles the wait; default 32 × everyMs). */
  maxBackoffMs?: number;
  run(ctx: WorkContext): Promise<void>;
}

export function definePeriodicTask(task: PeriodicTask): PeriodicTask {
  return task;
}

/** `ctx.jobs` of a writing handler: changes recorded in the handler's transaction, acted on after its commit. */
export interface JobStarter {
  /** Store a new job owned by the caller; it starts running once the handler's transaction commits. */
  start<I>(kind: JobKind<I>, input: I, opts?: { total?: number }): Promise<Job>;
  /** Mark a running job cancelled; its run is stopped once the transaction commits. */
  cancel(jobId: string): Promise<Pick<Job, 'state' | 'message' | 'finishedAt'>>;
}
