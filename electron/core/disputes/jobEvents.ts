import type { Knex } from 'knex';
import type { EventName, EventPayload } from '../../../shared/contract/events';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * The core's event bus for work that outlives a handler call (an export's progress): a handler's own
 * ctx.emit only delivers when its call ends. createCore registers the bus here, keyed by its database.
 */
const buses = new WeakMap<Knex, Emit>();

export function setBackgroundEmitter(db: Knex, emit: Emit): void {
  buses.set(db, emit);
}

export function backgroundEmit<E extends EventName>(db: Knex, event: E, payload: EventPayload<E>): void {
  buses.get(db)?.(event, payload);
}
