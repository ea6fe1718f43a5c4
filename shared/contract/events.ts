import { z } from 'zod';
import { JobState } from './jobs';
import type { Role } from './roles';

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
 * What of an event one connected client may get, by the account behind its session (null: nothing).
 * Every transport that forwards events (the WebSocket, the desktop's IPC) asks this for each client.
 *
 * - `job.progress`: only the job's owner (an admin may list every job, so gets them all); a job's kind
 *   and progress tell what someone else is exporting or importing.
 * - `data.changed`: everyone may refresh, but ids of cases and people only reach roles that read them —
 *   the wall gets the entity without ids.
 */
export function eventForAccount<E extends EventName>(account: { id: number; role: Role }, event: E, payload: EventPayload<E>): EventPayload<E> | null {
  if (event === 'job.progress') {
    const p = payload as EventPayload<'job.progress'>;
    return account.role === 'admin' || p.accountId === account.id ? payload : null;
  }
  if (event === 'data.changed') {
    const p = payload as EventPayload<'data.changed'>;
    return (account.role === 'wall' ? { entity: p.entity } : p) as EventPayload<E>;
  }
  return null;
}
