import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { CoreError, type Account, type EventName, type EventPayload, type Job, type JobState } from '../../../shared/contract';
import { auditedWrite, SYSTEM_ACTOR, type Actor } from '../audit/auditedWrite';
import type { CoreEnv } from '../env';
import type { NodeState } from '../node/nodeState';
import { accountById } from '../session/sessions';
import type { JobContext, JobKind, PeriodicTask, WorkContext } from './jobKinds';
import { Schedule } from './schedule';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface JobsOptions {
  /** How long finished jobs and their files are kept (default one day: exports hold unmasked personal data). */
  retentionMs?: number;
  /** Job kinds beside the node's own (core/index.ts JOB_KINDS): tests, or a program embedding the core. */
  kinds?: ReadonlyArray<JobKind<unknown>>;
  /** Periodic tasks beside the node's own (core/index.ts PERIODIC_TASKS). */
  tasks?: readonly PeriodicTask[];
}

export const DEFAULT_JOB_RETENTION_MS = 24 * 3600_000;
/** Job files, under the data folder; `exports/` is where versions before the jobs service left theirs. */
const FILES_DIR = 'jobs';
const LEGACY_FILES_DIR = 'exports';
const INTERRUPTED = '任务因程序退出而中断';
const CANCELLED = '任务已取消';

interface JobRow {
  id: string;
  kind: string;
  owner_id: number | null;
  owner_name: string;
  state: JobState;
  done: number;
  total: number;
  message: string | null;
  input: string;
  file_name: string | null;
  file_path: string | null;
  started_at: string;
  finished_at: string | null;
}

interface Live {
  controller: AbortController;
  done: number;
  total: number;
  finished: Promise<void>;
}

/**
 * The node's jobs service (jobKinds.ts describes the API): job kinds people start, stored in the `jobs`
 * table and run in the background with progress, cancellation and retention; and the periodic tasks of
 * the node's own upkeep (./schedule.ts). One per node, in its NodeState; `close()` stops it all.
 */
export class JobsService {
  private readonly kinds = new Map<string, JobKind<unknown>>();
  private readonly live = new Map<string, Live>();
  readonly schedule: Schedule;
  readonly retentionMs: number;
  private closed = false;

  constructor(
    private readonly deps: { db: Knex; env: CoreEnv; node: NodeState; emit: Emit },
    kinds: ReadonlyArray<JobKind<unknown>>,
    tasks: readonly PeriodicTask[],
    opts: JobsOptions = {},
  ) {
    for (const k of [...kinds, ...(opts.kinds ?? [])]) {
      if (this.kinds.has(k.kind)) throw new Error(`job kind ${k.kind} registered twice`);
      this.kinds.set(k.kind, k);
    }
    this.retentionMs = opts.retentionMs ?? DEFAULT_JOB_RETENTION_MS;
    this.schedule = new Schedule([...tasks, ...(opts.tasks ?? [])], (signal) => this.workContext(signal, SYSTEM_ACTOR), deps.env.log);
  }

  /** At start: jobs still marked running were cut off when the process stopped; say so, audited. */
  async recoverInterrupted(): Promise<number> {
    const { db, env } = this.deps;
    const rows: Array<Pick<JobRow, 'id' | 'kind'>> = await db('jobs').where({ state: 'running' }).select('id', 'kind');
    if (rows.length === 0) return 0;
    const now = env.clock.now();
    await auditedWrite(db, now, SYSTEM_ACTOR, 'jobs.interrupted', async (trx, audit) => {
      await trx('jobs').whereIn('id', rows.map((r) => r.id)).update({ state: 'failed', message: INTERRUPTED, file_path: null, finished_at: now.toISOString() });
      await audit({ action: 'jobs.interrupted', entity: 'job', entityId: null, detail: { jobs: rows.map((r) => ({ id: r.id, kind: r.kind })) } });
    });
    for (const r of rows) this.removeFile(this.partialFile(r.id));
    return rows.length;
  }

  /** Store a new job in the caller's transaction (HandlerContext.jobs.start); `launch` runs it after the commit. */
  async insert<I>(trx: Knex, kind: JobKind<I>, input: I, owner: Account, now: Date, total = 0): Promise<Job> {
    if (this.kinds.get(kind.kind) !== kind) throw new Error(`job kind ${kind.kind} is not registered (core/index.ts JOB_KINDS)`);
    const row: JobRow = {
      id: randomUUID(),
      kind: kind.kind,
      owner_id: owner.id,
      owner_name: owner.username,
      state: 'running',
      done: 0,
      total,
      message: null,
      input: JSON.stringify(kind.input.parse(input)),
      file_name: null,
      file_path: null,
      started_at: now.toISOString(),
      finished_at: null,
    };
    await trx('jobs').insert(row);
    return toJob(row);
  }

  /** Run a stored job in the background (after the transaction that stored it committed). */
  launch(jobId: string): void {
    const controller = new AbortController();
    const live: Live = { controller, done: 0, total: 0, finished: Promise.resolve() };
    this.live.set(jobId, live);
    live.finished = this.run(jobId, live)
      .catch((err: unknown) => this.deps.env.log.error('job runner failed', { jobId, error: err instanceof Error ? err.message : String(err) }))
      .finally(() => this.live.delete(jobId));
  }

  /** Record a running job as cancelled, in the caller's transaction (HandlerContext.jobs.cancel); `abort` follows the commit. */
  async markCancelled(trx: Knex, jobId: string, now: Date): Promise<Pick<Job, 'state' | 'message' | 'finishedAt'>> {
    const finishedAt = now.toISOString();
    const n = await trx('jobs').where({ id: jobId, state: 'running' }).update({ state: 'cancelled', message: CANCELLED, finished_at: finishedAt });
    if (n === 0) throw new CoreError('CONFLICT', '任务已结束，无需取消', { field: 'jobId' });
    return { state: 'cancelled', message: CANCELLED, finishedAt };
  }

  /** Stop a running job: its run sees the signal; its row was already marked by the caller's transaction. */
  abort(jobId: string, reason: 'cancelled' | 'shutdown' = 'cancelled'): void {
    this.live.get(jobId)?.controller.abort(reason);
  }

  async find(db: Knex, jobId: string): Promise<(Job & { filePath: string | null }) | null> {
    const row: JobRow | undefined = await db('jobs').where({ id: jobId }).first();
    return row ? { ...this.view(row), filePath: row.file_path ? path.join(this.deps.env.dataDir, row.file_path) : null } : null;
  }

  /** Newest first; `ownerId` null lists every job (an admin's view). */
  async list(db: Knex, ownerId: number | null, limit: number): Promise<Job[]> {
    const q = db('jobs').orderBy('started_at', 'desc').orderBy('id').limit(limit);
    if (ownerId !== null) q.where({ owner_id: ownerId });
    const rows: JobRow[] = await q;
    return rows.map((r) => this.view(r));
  }

  /** Remove finished jobs older than the retention period and their files, and stray files as old. */
  async purgeExpired(ctx: WorkContext = this.workContext(new AbortController().signal, SYSTEM_ACTOR)): Promise<{ jobs: number; files: number }> {
    const { db, env } = this.deps;
    const cutoff = new Date(ctx.now().getTime() - this.retentionMs).toISOString();
    const rows: Array<Pick<JobRow, 'id' | 'kind' | 'file_path'>> = await db('jobs')
      .whereNot({ state: 'running' })
      .where('finished_at', '<', cutoff)
      .select('id', 'kind', 'file_path');
    const files = rows.flatMap((r) => (r.file_path ? [path.join(env.dataDir, r.file_path)] : []));
    files.push(...(await this.strayFiles(db)));
    if (rows.length === 0 && files.length === 0) return { jobs: 0, files: 0 };
    await ctx.write('jobs.retention', async (trx, audit) => {
      for (let i = 0; i < rows.length; i += 400) await trx('jobs').whereIn('id', rows.slice(i, i + 400).map((r) => r.id)).delete();
      const kinds = [...new Set(rows.map((r) => r.kind))];
      await audit({ action: 'jobs.purge', entity: 'job', entityId: null, detail: { jobs: rows.length, files: files.length, kinds, olderThan: cutoff } });
    });
    for (const f of files) this.removeFile(f);
    return { jobs: rows.length, files: files.length };
  }

  /** Resolves once no job started by a caller is still running (tests that compare the database before and after). */
  async settled(): Promise<void> {
    while (this.live.size > 0) await Promise.all([...this.live.values()].map((l) => l.finished));
  }

  /** Stop the schedule, stop running jobs (they record themselves as interrupted) and wait for all of it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.schedule.close();
    for (const id of this.live.keys()) this.abort(id, 'shutdown');
    await Promise.all([...this.live.values()].map((l) => l.finished));
  }

  private async run(jobId: string, live: Live): Promise<void> {
    const { db, env, emit } = this.deps;
    const row: JobRow | undefined = await db('jobs').where({ id: jobId }).first();
    if (!row || row.state !== 'running') return;
    live.done = row.done;
    live.total = row.total;
    const signal = live.controller.signal;
    let filePath: string | null = null;
    let fileName: string | null = null;
    let outcome: { state: JobState; message: string | null };
    try {
      if (this.closed) live.controller.abort('shutdown');
      signal.throwIfAborted();
      const kind = this.kinds.get(row.kind);
      if (!kind) throw new Error(`unknown job kind ${row.kind}`);
      const owner = row.owner_id === null ? null : await accountById(db, row.owner_id);
      if (!owner) throw new CoreError('FORBIDDEN', '发起任务的账号已不存在或已停用');
      const ctx: JobContext = {
        ...this.workContext(signal, { id: owner.id, name: owner.username }),
        jobId,
        owner,
        progress: (done, total) => {
          live.done = done;
          if (total !== undefined) live.total = total;
          emit('job.progress', { jobId, kind: row.kind, accountId: row.owner_id, state: 'running', done: live.done, total: live.total, message: null });
        },
        outputFile: (name) => {
          fileName = name;
          filePath = path.join(FILES_DIR, `${jobId}${path.extname(name)}`);
          mkdirSync(path.join(env.dataDir, FILES_DIR), { recursive: true });
          return path.join(env.dataDir, filePath);
        },
      };
      await kind.run(kind.input.parse(JSON.parse(row.input)), ctx);
      signal.throwIfAborted();
      outcome = { state: 'done', message: null };
    } catch (err) {
      if (signal.aborted) outcome = signal.reason === 'shutdown' ? { state: 'failed', message: INTERRUPTED } : { state: 'cancelled', message: CANCELLED };
      else {
        env.log.error('job failed', { jobId, kind: row.kind, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        outcome = { state: 'failed', message: err instanceof CoreError ? err.message : null };
      }
    }
    const done = outcome.state === 'done';
    // Only a job still marked running is ours to finish: a cancel may have recorded it already.
    const changed = await db('jobs')
      .where({ id: jobId, state: 'running' })
      .update({ ...outcome, done: live.done, total: live.total, file_name: done ? fileName : null, file_path: done ? filePath : null, finished_at: env.clock.now().toISOString() })
      .catch((err: unknown) => {
        env.log.error('job state not recorded', { jobId, error: String(err) });
        return 0;
      });
    if (filePath && (!done || changed === 0)) this.removeFile(path.join(env.dataDir, filePath));
    const final: Pick<JobRow, 'state' | 'message'> = changed ? outcome : ((await db('jobs').where({ id: jobId }).first('state', 'message').catch(() => undefined)) ?? outcome);
    emit('job.progress', { jobId, kind: row.kind, accountId: row.owner_id, state: final.state, done: live.done, total: live.total, message: final.message });
  }

  private workContext(signal: AbortSignal, actor: Actor): WorkContext {
    const { db, env, node } = this.deps;
    return {
      db,
      node,
      env,
      signal,
      now: () => env.clock.now(),
      write: (what, fn) => auditedWrite(db, env.clock.now(), actor, what, fn),
    };
  }

  /** A stored row as callers see it; a running job's progress comes from memory (not written per step). */
  private view(row: JobRow): Job {
    const live = this.live.get(row.id);
    return toJob(live && row.state === 'running' ? { ...row, done: live.done, total: live.total } : row);
  }

  /** The file a job was writing when it stopped (its name is only recorded when it finishes). */
  private partialFile(jobId: string): string | null {
    const dir = path.join(this.deps.env.dataDir, FILES_DIR);
    try {
      const f = readdirSync(dir).find((n) => n.startsWith(jobId));
      return f ? path.join(dir, f) : null;
    } catch {
      return null;
    }
  }

  /** Files past the retention period that no job row holds (left by a crash, or by older versions). */
  private async strayFiles(db: Knex): Promise<string[]> {
    const kept = new Set((await db('jobs').whereNotNull('file_path').select('file_path')).map((r: { file_path: string }) => path.join(this.deps.env.dataDir, r.file_path)));
    const running = new Set([...this.live.keys()]);
    const old = Date.now() - this.retentionMs;
    const out: string[] = [];
    for (const dir of [FILES_DIR, LEGACY_FILES_DIR]) {
      let names: string[] = [];
      try {
        names = readdirSync(path.join(this.deps.env.dataDir, dir));
      } catch {
        continue;
      }
      for (const n of names) {
        const f = path.join(this.deps.env.dataDir, dir, n);
        if (kept.has(f) || [...running].some((id) => n.startsWith(id))) continue;
        try {
          if (statSync(f).isFile() && statSync(f).mtimeMs < old) out.push(f);
        } catch {
          // gone meanwhile
        }
      }
    }
    return out;
  }

  private removeFile(file: string | null): void {
    if (!file) return;
    try {
      rmSync(file, { force: true });
    } catch (err) {
      this.deps.env.log.warn('job file not removed', { file, error: String(err) });
    }
  }
}

function toJob(r: JobRow): Job {
  return {
    jobId: r.id,
    kind: r.kind,
    state: r.state,
    done: r.done,
    total: r.total,
    message: r.message,
    fileName: r.file_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
