import { z } from 'zod';
import { JobState } from './jobs';

/** Events the core pushes to every connected client (IPC or WebSocket). */
export const events = {
  /** Something changed that open views may want to refetch. */
  'data.changed': z.object({ entity: z.string(), ids: z.array(z.union([z.string(), z.number()])).optional() }),
  /**
   * A background job (jobs.ts) moved on: started, progressed, finished, failed or was cancelled.
   * `accountId` is who started it (null: the node itself), so clients show only their own.
   */
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    accountId: z.number().int().nullable(),
    state: JobState,
    done: z.number().int(),
    total: z.number().int(),
    message: z.string().nullable(),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
