import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import { systemClock, fixedClock, type Clock } from './clock';
import type { CoreEnv, CoreLog, HandlerImpls } from './context';
import { openDatabase, type Db } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { createDispatcher, type Invoke } from './dispatch';
import { getMeta } from './meta';
import { accountImpls } from './accounts/handlers';
import { auditImpls } from './audit/handlers';
import { divisionImpls } from './divisions/handlers';
import { systemImpls } from './system/handlers';
import { createStartupState, gateWhileStarting, type StartupState } from './system/startup';
import { disputeImpls } from './disputes/handlers';
import { setBackgroundEmitter } from './disputes/jobEvents';
import { mapImpls } from './map/handlers';
import { gridImpls } from './grids/handlers';
import { directoryImpls } from './directory/handlers';

export const APP_VERSION = '0.1.0';
export const DATABASE_FILE = 'console.sqlite';

/** Every handler of the contract, merged from the per-domain modules; a missing one is a type error. */
const impls: HandlerImpls = {
  ...systemImpls,
  ...accountImpls,
  ...divisionImpls,
  ...auditImpls,
  ...disputeImpls,
  ...mapImpls,
  ...gridImpls,
  ...directoryImpls,
};

export interface CoreOptions {
  dataDir: string;
  /** Defaults to the system clock, or to the demo's pinned "today" when the node holds demo data. */
  clock?: Clock;
  log?: CoreLog;
}

export interface Core {
  invoke: Invoke;
  /** Ready unless bootstrap is preparing the node's data; meanwhile `invoke` answers system.status only. */
  startup: StartupState;
  /** True when the caller fixed the clock; otherwise it follows the node's data (demo day or real time). */
  clockFixedByCaller: boolean;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Listen to every event (transports forward them all). */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  db: Db;
  env: CoreEnv;
  close(): Promise<void>;
}

export const consoleLog: CoreLog = {
  info: (msg, extra) => console.log(`[core] ${msg}`, extra ?? ''),
  warn: (msg, extra) => console.warn(`[core] ${msg}`, extra ?? ''),
  error: (msg, extra) => console.error(`[core] ${msg}`, extra ?? ''),
};

/** Open (creating if needed) the node's database in dataDir and return the handler map behind one door. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(path.join(opts.dataDir, DATABASE_FILE));
  let schemaVersion: number;
  try {
    ({ schemaVersion } = await migrateToLatest(db));
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const clock = opts.clock ?? (await nodeClock(db));
  const env: CoreEnv = { dataDir: opts.dataDir, appVersion: APP_VERSION, schemaVersion, clock, log: opts.log ?? consoleLog };
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    bus.emit(event, payload);
    bus.emit('*', event, payload);
  };
  const startup = createStartupState();
  const invoke = gateWhileStarting(startup, createDispatcher(db, env, impls, emit));
  setBackgroundEmitter(db, emit);
  return {
    invoke,
    startup,
    clockFixedByCaller: opts.clock !== undefined,
    db,
    env,
    on(event, listener) {
      bus.on(event, listener as (p: unknown) => void);
      return () => bus.off(event, listener as (p: unknown) => void);
    },
    onAny(listener) {
      bus.on('*', listener);
      return () => bus.off('*', listener);
    },
    close: () => db.destroy(),
  };
}

/**
 * The clock a node runs on: real time, except on demo data, whose cases end on its "today" — deadlines
 * and overdue flags only make sense on that day.
 */
export async function nodeClock(db: Db): Promise<Clock> {
  const demoToday = (await getMeta(db, 'demo')) === '1' ? await getMeta(db, 'demo_today') : null;
  return demoToday ? pinnedDayClock(demoToday) : systemClock;
}

/** The demo's day at the current time of day (so sessions still expire and audit times still advance). */
function pinnedDayClock(day: string): Clock {
  const start = Date.now();
  const base = fixedClock(`${day}T09:00:00+08:00`).now().getTime();
  return { now: () => new Date(base + (Date.now() - start)) };
}
