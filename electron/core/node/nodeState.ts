import type { Knex } from 'knex';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { PointLayer } from '../../../shared/contract/map';
import type { CoreEnv } from '../env';
import { QueueEngine, type QueueTuning } from '../disputes/queueEngine';
import { SearchIndexer } from '../disputes/searchIndex';
import { boundaryCaches, type BoundaryCaches } from '../map/boundaries';
import type { PlaceIndex } from '../directory/pointIndex';
import type { GridIndex } from '../grids/gridIndex';
import { TileFiles } from '../basemap/mbtiles';
import { JobsService, type JobsOptions } from '../jobs/jobsService';
import type { JobKind, PeriodicTask } from '../jobs/jobKinds';
import { RecentCache } from './recentCache';
import { syncSettings, type SyncOptions, type SyncSettings } from '../sync/settings';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface NodeStateOptions {
  db: Knex;
  env: CoreEnv;
  emit: Emit;
  queueTuning?: Partial<QueueTuning>;
  jobKinds: ReadonlyArray<JobKind<unknown>>;
  periodicTasks: readonly PeriodicTask[];
  jobs?: JobsOptions;
  sync?: SyncOptions;
}

/**
 * Everything one node keeps in memory while it runs: caches, indexes, open files, background work. Built
 * by createCore, handed to every handler as `ctx.node`, disposed by `core.close()`. Nothing of the kind
 * lives in a module global, so two cores in one process (tests; a county node holding a township's
 * replica) never meet. Every cache keys on a data version; inside a transaction cached values are read
 * but values built there are not kept (RecentCache).
 */
export class NodeState {
  /** The dispute queue's totals, cursors and cursor ladders (disputes/queueEngine.ts). */
  readonly queue: QueueEngine;
  /** The quick-search index's catch-up, one at a time (disputes/searchIndex.ts). */
  readonly search = new SearchIndexer();
  /** "Every case lies inside this division", per division and data version (jurisdiction/cases.ts). */
  readonly wholeNode = new RecentCache<boolean>(16);
  /** Boundary topologies and their encoded tiers (map/boundaries.ts). */
  readonly boundaries: BoundaryCaches = boundaryCaches();
  /** Encoded service-point layers (map.servicePoints). */
  readonly servicePointLayers = new RecentCache<PointLayer>(8);
  /** Service points and committees in a spatial index, for "nearest" (directory/pointIndex.ts). */
  readonly helpPlaces = new RecentCache<PlaceIndex>(1);
  /** Every grid in a spatial index, for bulk point → grid (grids/gridIndex.ts). */
  readonly gridIndex = new RecentCache<GridIndex>(1);
  /** Open MBTiles packages (basemap/mbtiles.ts). */
  readonly tiles = new TileFiles();
  /** Jobs people start and the node's periodic tasks (jobs/). */
  readonly jobs: JobsService;
  /** How this node syncs with its hub and receives from the nodes below (sync/settings.ts). */
  readonly sync: SyncSettings;
  private closing: Promise<void> | null = null;

  constructor(opts: NodeStateOptions) {
    this.queue = new QueueEngine(opts.queueTuning);
    this.sync = syncSettings(opts.sync);
    this.jobs = new JobsService({ db: opts.db, env: opts.env, node: this, emit: opts.emit }, opts.jobKinds, opts.periodicTasks, opts.jobs);
  }

  /** Stop background work (waiting for what runs), close open files, drop the caches. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.jobs.close();
      await Promise.all([this.queue.close(), this.search.settled()]);
      await this.tiles.closeAll();
      for (const c of [this.wholeNode, this.boundaries.topologies, this.boundaries.tiers, this.servicePointLayers, this.helpPlaces, this.gridIndex]) c.clear();
    })();
    return this.closing;
  }
}
