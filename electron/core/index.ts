import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import { systemClock, fixedClock, type Clock } from './clock';
import type { HandlerImpls } from './context';
import type { CoreEnv, CoreLog } from './env';
import { openDatabase, type Db } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { createDispatcher, type Invoke } from './dispatch';
import { getMeta } from './meta';
import { NodeState } from './node/nodeState';
import type { QueueTuning } from './disputes/queueEngine';
import type { JobsOptions } from './jobs/jobsService';
import type { JobKind, PeriodicTask } from './jobs/jobKinds';
import { readTile, wmtsTilesAllowed } from './basemap/handlers';
import { isTiandituTileUrl } from './basemap/tianditu';
import type { CspOptions } from './securityHeaders';
import { systemImpls } from './system/handlers';
import { sessionImpls } from './session/handlers';
import { accountImpls } from './accounts/handlers';
import { divisionImpls } from './divisions/handlers';
import { auditImpls } from './audit/handlers';
import { createStartupState, gateWhileStarting, type StartupState } from './system/startup';
import { disputeImpls } from './disputes/handlers';
import { calendarImpls } from './calendar/handlers';
import { mapImpls } from './map/handlers';
import { basemapImpls } from './basemap/handlers';
import { gridImpls } from './grids/handlers';
import { boundaryImpls } from './boundaries/handlers';
import { directoryImpls } from './directory/handlers';
import { jobImpls } from './jobs/handlers';
import { setupImpls } from './setup/handlers';
import { statsImpls } from './stats/handlers';
import { sweepImpls } from './sweeps/handlers';
import { wallImpls } from './walls/handlers';
import { ledgerExport } from './disputes/exportLedger';
import { SEARCH_CATCH_UP } from './disputes/searchCatchUp';
import { MAP_WARMING } from './map/warm';
import { JOB_RETENTION } from './jobs/retention';
import { backupImpls } from './backup/handlers';
import { backupJob, SCHEDULED_BACKUP } from './backup/backupJob';
import { applyPendingRestore, backupBeforeUpgrade, checkOnOpen, lastRun, markClosed, markOpen, recordRestore, shouldQuickCheck } from './backup/openChecks';
import { ensureAuditKey } from './audit/keyedChain';
import { READ_LOG_RETENTION } from './privacy/readLog';
import { syncImpls } from './sync/handlers';
import { SYNC_ROUND } from './sync/round';
import { receivePush, type PushReply, type PushRequest } from './sync/hub';
import type { SyncOptions } from './sync/settings';

export { securityHeaders, SECURITY_HEADERS, consoleCsp, type CspOptions } from './securityHeaders';
export { TIANDITU_TILE_HOSTS } from './basemap/tianditu';
export { AUDIT_KEY_FILE } from './audit/auditKey';
export type { PushReply, PushRequest } from './sync/hub';
export type { SyncOptions, SyncTransport } from './sync/settings';

export const APP_VERSION = '0.1.0';
export const DATABASE_FILE = 'console.sqlite';

/**
 * Every handler of the contract, one `xxxImpls` per core folder (one folder per name prefix); a missing
 * handler is a type error.
 */
const impls: HandlerImpls = {
  ...systemImpls,
  ...sessionImpls,
  ...accountImpls,
  ...divisionImpls,
  ...auditImpls,
  ...disputeImpls,
  ...calendarImpls,
  ...mapImpls,
  ...basemapImpls,
  ...gridImpls,
  ...boundaryImpls,
  ...directoryImpls,
  ...jobImpls,
  ...backupImpls,
  ...setupImpls,
  ...statsImpls,
  ...sweepImpls,
  ...wallImpls,
  ...syncImpls,
};

/** The job kinds people can start (each through a writing handler) — docs/architecture.md "Background work". */
const JOB_KINDS: ReadonlyArray<JobKind<unknown>> = [ledgerExport, backupJob];

/** The node's own periodic upkeep, run by the jobs service once a shell starts background work. */
const PERIODIC_TASKS: readonly PeriodicTask[] = [SEARCH_CATCH_UP, MAP_WARMING, JOB_RETENTION, SCHEDULED_BACKUP, READ_LOG_RETENTION, SYNC_ROUND];

export interface CoreOptions {
  dataDir: string;
  /** Defaults to the system clock, or to the demo's pinned "today" when the node holds demo data. */
  clock?: Clock;
  log?: CoreLog;
  /** The queue engine's thresholds (tests shrink them so a few hundred cases take every path). */
  queueTuning?: Partial<QueueTuning>;
  /** The jobs service: how long finished jobs and their files are kept (`retentionMs`, default a day). */
  jobs?: JobsOptions;
  /** Sync with the hub above and from the nodes below: transport, clock, batch size, skew limits (tests). */
  sync?: SyncOptions;
}

export interface Core {
  /** The one door: every call of every transport goes through it. */
  invoke: Invoke;
  /** Ready unless bootstrap is preparing the node's data; meanwhile `invoke` answers system.status only. */
  startup: StartupState;
  /** True when the caller fixed the clock; otherwise it follows the node's data (demo day or real time). */
  clockFixedByCaller: boolean;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Listen to every event (transports forward them all). */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  env: CoreEnv;
  /** One raster tile of a registered MBTiles package, from a URL's strings (null: 404). */
  readTile(set: string, z: string, x: string, y: string): Promise<{ data: Buffer; contentType: string } | null>;
  /** What the console page's Content-Security-Policy depends on now (the 天地图 layer on or off). */
  pagePolicy(): Promise<CspOptions>;
  /** May the desktop window fetch this remote URL? Only 天地图 tiles, only while that layer is on. */
  allowsRemote(url: string): Promise<boolean>;
  /** Hub: a node below pushes a batch (`POST /sync/push`); authenticated, checked and applied here, whole or not at all. */
  syncPush(req: PushRequest): Promise<PushReply>;
  /**
   * The node's database and its in-memory state, for the core's own maintenance (bootstrap) and tests.
   * The shells and transports never touch them: a lint rule keeps electron/main and electron/server to
   * the methods above.
   */
  db: Db;
  node: NodeState;
  /** Stop background work (waiting for it), close open files and the database. */
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
  const log = opts.log ?? consoleLog;
  const openedAt = (opts.clock ?? systemClock).now();
  // A restore an admin asked for (backup.restore) replaces the file before it is opened.
  const restored = await applyPendingRestore(opts.dataDir, DATABASE_FILE, openedAt, log);
  const previous = lastRun(opts.dataDir, DATABASE_FILE);
  const db = openDatabase(path.join(opts.dataDir, DATABASE_FILE));
  let schemaVersion: number;
  try {
    if (restored || shouldQuickCheck(previous)) await checkOnOpen(db, opts.dataDir);
    else log.info('上次正常关闭且数据库较大：启动时跳过快速校验（每日备份会完整校验）');
    markOpen(opts.dataDir, openedAt);
    await backupBeforeUpgrade(db, opts.dataDir, openedAt, APP_VERSION, log);
    ({ schemaVersion } = await migrateToLatest(db));
    await ensureAuditKey(db, opts.dataDir, openedAt);
    if (restored) await recordRestore(db, openedAt, restored, opts.dataDir);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const clock = opts.clock ?? (await nodeClock(db));
  const env: CoreEnv = { dataDir: opts.dataDir, appVersion: APP_VERSION, schemaVersion, clock, log };
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    bus.emit(event, payload);
    bus.emit('*', event, payload);
  };
  const node = new NodeState({ db, env, emit, queueTuning: opts.queueTuning, jobKinds: JOB_KINDS, periodicTasks: PERIODIC_TASKS, jobs: opts.jobs, sync: opts.sync });
  await node.jobs.recoverInterrupted();
  const startup = createStartupState();
  const invoke = gateWhileStarting(startup, createDispatcher(db, env, node, impls, emit));
  let closing: Promise<void> | null = null;
  return {
    invoke,
    startup,
    clockFixedByCaller: opts.clock !== undefined,
    db,
    node,
    env,
    on(event, listener) {
      bus.on(event, listener as (p: unknown) => void);
      return () => bus.off(event, listener as (p: unknown) => void);
    },
    onAny(listener) {
      bus.on('*', listener);
      return () => bus.off('*', listener);
    },
    readTile: (set, z, x, y) => readTile(node.tiles, db, set, z, x, y),
    pagePolicy: async () => ({ wmts: await wmtsTilesAllowed(db) }),
    allowsRemote: async (url) => isTiandituTileUrl(url) && (await wmtsTilesAllowed(db)),
    syncPush: async (req) => {
      if (startup.status().state !== 'ready') return { status: 503, answer: { ok: false, code: 'NOT_READY', message: '节点正在启动，请稍后重试' } };
      return receivePush(db, env, node.sync, req);
    },
    close: () =>
      (closing ??= (async () => {
        await node.close();
        await db.destroy();
        markClosed(opts.dataDir);
      })()),
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
