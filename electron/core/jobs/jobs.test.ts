import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventPayload } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { Core } from '../index';
import { accountById } from '../session/sessions';
import { defineJobKind, definePeriodicTask, type JobKind } from './jobKinds';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';
import { seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import { until } from '../../../tests/support/until';

/** A job that takes `steps` × 10 ms, writing a file as it goes: long enough to cancel or interrupt. */
const slowJob = defineJobKind({
  kind: 'test.slow',
  input: z.object({ steps: z.number().int() }),
  run: async ({ steps }, ctx) => {
    writeFileSync(ctx.outputFile('slow.txt'), 'partial');
    for (let i = 1; i <= steps; i++) {
      ctx.signal.throwIfAborted();
      await new Promise((r) => setTimeout(r, 10));
      ctx.progress(i, steps);
    }
  },
});

/** Start a job as a writing handler does (ctx.jobs.start): stored in a transaction, run after it commits. */
async function startJob<I>(core: Core, kind: JobKind<I>, input: I, username: string): Promise<string> {
  const { id } = await core.db('accounts').where({ username }).first('id');
  const owner = (await accountById(core.db, id))!;
  const job = await core.db.transaction((trx) => core.node.jobs.insert(trx, kind, input, owner, core.env.clock.now()));
  core.node.jobs.launch(job.jobId);
  return job.jobId;
}

function events(core: Core): Array<EventPayload<'job.progress'>> {
  const seen: Array<EventPayload<'job.progress'>> = [];
  core.on('job.progress', (p) => seen.push(p));
  return seen;
}

describe('jobs survive a restart', () => {
  let w: DisputeWorld;
  afterEach(async () => w.cleanup());

  it('keeps a finished export across a restart, and shows a job cut off by the stop as failed, not gone', async () => {
    w = await disputeWorld({ jobs: { kinds: [slowJob] } });
    await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    const exported = await w.call('director', 'disputes.export.start', { view: { filter: {} } });
    await until(async () => (await w.call('director', 'jobs.get', { jobId: exported.jobId })).state === 'done');
    const seen = events(w.core);
    const slow = await startJob(w.core, slowJob, { steps: 1000 }, 'director');
    await until(() => seen.some((e) => e.jobId === slow && e.done > 0));

    // A crash leaves a row marked running and a partial file behind; simulate one beside the slow job.
    const crashed = await startJob(w.core, slowJob, { steps: 0 }, 'director');
    await until(async () => (await w.call('director', 'jobs.get', { jobId: crashed })).state === 'done');
    await w.core.db('jobs').where({ id: crashed }).update({ state: 'running', finished_at: null, file_name: null, file_path: null });

    await w.core.close();
    // Closing stopped the slow job: recorded as interrupted, its partial file removed.
    const { core, cleanup } = await tempCore({ dir: w.dir });
    w.cleanup = cleanup;
    const director = await signIn(core, 'director');
    const mine = (await director('jobs.list', {})).jobs;
    expect(mine.map((j) => [j.kind, j.state])).toEqual(
      expect.arrayContaining([['disputes.export', 'done'], ['test.slow', 'failed'], ['test.slow', 'failed']]),
    );
    for (const id of [slow, crashed]) {
      const j = await director('jobs.get', { jobId: id });
      expect(j).toMatchObject({ state: 'failed', message: '任务因程序退出而中断' });
      expect(j.finishedAt).not.toBeNull();
    }
    // The restart's own bookkeeping is audited as the system, naming the job it found cut off.
    const audit = await core.db('audit_log').where({ action: 'jobs.interrupted' }).first('actor_name', 'actor_id', 'detail');
    expect(audit).toMatchObject({ actor_name: 'system', actor_id: null });
    expect(audit.detail).toContain(crashed);
    expect(readdirSync(path.join(w.dir, 'jobs')).filter((f) => f.startsWith(slow) || f.startsWith(crashed))).toEqual([]);
    // The finished export is still there to download.
    const file = await director('disputes.export.download', { jobId: exported.jobId });
    expect(file.contentBase64.length).toBeGreaterThan(100);
  });
});

describe('cancelling a job', () => {
  let w: DisputeWorld;
  afterEach(async () => w.cleanup());

  it('stops it through the door (owner or admin only), removes its file and says so in an event and the audit log', async () => {
    w = await disputeWorld({ jobs: { kinds: [slowJob] } });
    const seen = events(w.core);
    const id = await startJob(w.core, slowJob, { steps: 1000 }, 'director');
    await until(() => seen.some((e) => e.jobId === id && e.done > 0));
    expect(existsSync(path.join(w.dir, 'jobs', `${id}.txt`))).toBe(true);

    // Someone else's job does not exist for a dispatcher; the admin sees every job.
    expect(await w.attempt('dispatcher', 'jobs.cancel', { jobId: id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await w.attempt('dispatcher', 'jobs.list', { all: true })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.call('admin', 'jobs.list', { all: true })).jobs.map((j) => j.jobId)).toContain(id);
    expect((await w.call('dispatcher', 'jobs.list', {})).jobs).toEqual([]);

    const cancelled = await w.call('director', 'jobs.cancel', { jobId: id });
    expect(cancelled).toMatchObject({ state: 'cancelled', message: '任务已取消' });
    await until(() => seen.some((e) => e.jobId === id && e.state === 'cancelled'));
    const after = await w.call('director', 'jobs.get', { jobId: id });
    expect(after.state).toBe('cancelled');
    expect(after.done).toBeLessThan(1000);
    expect(existsSync(path.join(w.dir, 'jobs', `${id}.txt`))).toBe(false);
    expect(await w.core.db('audit_log').where({ action: 'jobs.cancel', entity_id: id }).first('actor_name')).toEqual({ actor_name: 'director' });
    expect(await w.attempt('director', 'jobs.cancel', { jobId: id })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('retention', () => {
  it('removes finished jobs and their files after the retention period, audited as the system', async () => {
    let now = new Date('2021-10-29T09:00:00+08:00').getTime();
    const clock: Clock = { now: () => new Date(now) };
    const { core, dir, cleanup } = await tempCore({ clock, jobs: { retentionMs: 24 * 3600_000 } });
    try {
      await seedSmallWorld(core);
      const director = await signIn(core, 'director');
      const job = await director('disputes.export.start', { view: { filter: {} } });
      await until(async () => (await director('jobs.get', { jobId: job.jobId })).state === 'done');
      const file = path.join(dir, 'jobs', `${job.jobId}.xlsx`);
      expect(existsSync(file)).toBe(true);
      // An export left by a version before the jobs service, two days old, and a fresh stray file.
      mkdirSync(path.join(dir, 'exports'), { recursive: true });
      const legacy = path.join(dir, 'exports', 'old.xlsx');
      const fresh = path.join(dir, 'exports', 'new.xlsx');
      writeFileSync(legacy, 'x');
      writeFileSync(fresh, 'x');
      utimesSync(legacy, new Date(Date.now() - 48 * 3600_000), new Date(Date.now() - 48 * 3600_000));

      now += 23 * 3600_000;
      expect(await core.node.jobs.purgeExpired()).toEqual({ jobs: 0, files: 1 });
      expect(existsSync(file)).toBe(true);
      now += 2 * 3600_000;
      expect(await core.node.jobs.purgeExpired()).toEqual({ jobs: 1, files: 1 });
      expect(existsSync(file)).toBe(false);
      expect(existsSync(legacy)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      expect(await core.db('jobs').count({ n: '*' }).first()).toEqual({ n: 0 });
      const purges = await core.db('audit_log').where({ action: 'jobs.purge' }).select('actor_name', 'detail');
      expect(purges.map((p: { actor_name: string }) => p.actor_name)).toEqual(['system', 'system']);
      expect(purges[1].detail).toContain('disputes.export');
    } finally {
      await cleanup();
    }
  });
});

describe('periodic tasks', () => {
  it('back off after failures, recover after a success, and write as the system actor through an audited transaction', async () => {
    let failing = true;
    const flaky = definePeriodicTask({
      name: 'test.flaky',
      everyMs: 20,
      maxBackoffMs: 1000,
      run: async (ctx) => {
        if (failing) throw new Error('not today');
        await ctx.write('test.flaky', async (trx, audit) => {
          await trx('meta').insert({ key: 'test_flaky', value: 'ran' }).onConflict('key').merge();
          await audit({ action: 'test.flaky', entity: 'node', entityId: null });
        });
      },
    });
    const unaudited = definePeriodicTask({
      name: 'test.unaudited',
      everyMs: 60_000,
      run: (ctx) => ctx.write('test.unaudited', async (trx) => void (await trx('meta').insert({ key: 'test_unaudited', value: 'x' }))),
    });
    const { core, cleanup } = await tempCore({ jobs: { tasks: [flaky, unaudited] } });
    try {
      const status = () => core.node.jobs.schedule.status().find((s) => s.name === 'test.flaky')!;
      core.node.jobs.schedule.start();
      await until(() => status().failures >= 3);
      const { failures, nextDelayMs } = status();
      expect(nextDelayMs).toBe(Math.min(20 * 2 ** failures, 1000));
      expect(status().lastError).toBe('not today');
      failing = false;
      await until(() => status().failures === 0 && !status().running);
      expect(status().nextDelayMs).toBe(20);
      expect(await core.db('audit_log').where({ action: 'test.flaky' }).first('actor_name', 'actor_id')).toEqual({ actor_name: 'system', actor_id: null });

      // A write that leaves no audit entry is rolled back, and counts as a failure.
      await until(() => core.node.jobs.schedule.status().find((s) => s.name === 'test.unaudited')!.runs > 0);
      expect(core.node.jobs.schedule.status().find((s) => s.name === 'test.unaudited')!.failures).toBe(1);
      expect(await core.db('meta').where({ key: 'test_unaudited' }).first()).toBeUndefined();
    } finally {
      await cleanup();
    }
  });
});
