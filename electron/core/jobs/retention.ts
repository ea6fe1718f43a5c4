import { definePeriodicTask } from './jobKinds';

/**
 * Remove finished jobs and their files once the retention period (createCore's `jobs.retentionMs`) has
 * passed: an export holds personal data as its exporter could see it, and must not stay on disk forever.
 * Audited as the system actor (`jobs.purge`) whenever it removes something.
 */
export const JOB_RETENTION = definePeriodicTask({
  name: 'jobs.retention',
  everyMs: 3600_000,
  firstRunMs: 60_000,
  run: async (ctx) => {
    await ctx.node.jobs.purgeExpired(ctx);
  },
});
