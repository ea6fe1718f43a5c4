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

/**
 * What a client of this role may receive of an event, or null for nothing. The wall display never gets
 * record ids (a changed case's id is personal enough): it hears that something changed, and refetches its
 * aggregates; background jobs are none of its business. Transports that forward events apply this.
 */
export function eventForRole(role: string, event: string, payload: unknown): unknown {
  if (role !== 'wall') return payload;
  if (event === 'data.changed' && typeof payload === 'object' && payload !== null && 'entity' in payload) return { entity: (payload as { entity: unknown }).entity };
  return null;
}
