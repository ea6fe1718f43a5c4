import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES } from './roles';

/**
 * Background jobs of the node (a ledger export today; backups, large imports and sync rounds next). A job
 * is started by a handler that writes (so its start is audited), runs in the core, reports progress as
 * `job.progress` events and survives in the `jobs` table: after a restart a job that was running shows
 * as failed ("interrupted"), never silently gone. Finished jobs and their files are removed after the
 * retention period. Everyone sees their own jobs; an admin may list all.
 */

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;

export const Job = z.object({
  jobId: z.string(),
  /** What the job does, as `domain.verb` (e.g. `disputes.export`). */
  kind: z.string(),
  state: JobState,
  done: z.number().int(),
  total: z.number().int(),
  /** Why it failed or was cancelled, for people. */
  message: z.string().nullable(),
  /** The file it produced, once done (the name a download is saved under). */
  fileName: z.string().nullable(),
  /** Who started it; null for the node's own work (the system actor). */
  ownerId: z.number().int().nullable(),
  ownerName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

const JobId = z.string().min(1).max(64);

export const jobHandlers = {
  'jobs.list': handler({
    summary: "The caller's background jobs, newest first; an admin may ask for every job of the node (`all: true`).",
    input: z.object({ all: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ jobs: z.array(Job) }),
    access: ALL_ROLES,
    writes: false,
  }),
  'jobs.get': handler({
    summary: 'Where one job stands (own jobs; an admin any job).',
    input: z.object({ jobId: JobId }).strict(),
    output: Job,
    access: ALL_ROLES,
    writes: false,
  }),
  'jobs.cancel': handler({
    summary: 'Stop a running job (own jobs; an admin any job). Its partial file is removed; a finished job is left as it is.',
    input: z.object({ jobId: JobId }).strict(),
    output: Job,
    access: ALL_ROLES,
    writes: true,
  }),
};
