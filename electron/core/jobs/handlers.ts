import { CoreError, type Job } from '../../../shared/contract';
import type { DomainImpls, HandlerContext } from '../context';

/** A job the caller may see: their own, or any job for an admin. Anyone else's does not exist for them. */
async function visibleJob(ctx: HandlerContext, jobId: string): Promise<Job> {
  const job = await ctx.node.jobs.find(ctx.db, jobId);
  if (!job || (job.ownerId !== ctx.account.id && ctx.account.role !== 'admin')) throw new CoreError('NOT_FOUND', '没有这个任务', { field: 'jobId' });
  const { filePath: _path, ...visible } = job;
  return visible;
}

export const jobImpls: DomainImpls<'jobs'> = {
  'jobs.list': async ({ all, limit }, ctx) => {
    if (all && ctx.account.role !== 'admin') throw new CoreError('FORBIDDEN', '只有系统管理员可以查看全部任务', { field: 'all' });
    return { jobs: await ctx.node.jobs.list(ctx.db, all ? null : ctx.account.id, limit) };
  },

  'jobs.get': async ({ jobId }, ctx) => visibleJob(ctx, jobId),

  'jobs.cancel': async ({ jobId }, ctx) => {
    const job = await visibleJob(ctx, jobId);
    if (job.state !== 'running') throw new CoreError('CONFLICT', '任务已结束，无需取消', { field: 'jobId' });
    // Recorded now; the run stops once this commits (it checks its signal between steps), removes its
    // partial file and announces the end with a job.progress event.
    const cancelled = await ctx.jobs.cancel(jobId);
    await ctx.audit({ action: 'jobs.cancel', entity: 'job', entityId: jobId, detail: { kind: job.kind, ownerId: job.ownerId } });
    return { ...job, ...cancelled };
  },
};
