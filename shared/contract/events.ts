import { z } from 'zod';

/** Events the core pushes to every connected client (IPC or WebSocket). */
export const events = {
  /** Something changed that open views may want to refetch. */
  'data.changed': z.object({ entity: z.string(), ids: z.array(z.union([z.string(), z.number()])).optional() }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
