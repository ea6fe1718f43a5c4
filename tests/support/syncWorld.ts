import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Core, SyncOptions } from '../../electron/core/index';
import { createHttpServer } from '../../electron/server/http';
import { syncRound } from '../../electron/core/sync/client';
import { setMeta } from '../../electron/core/meta';
import { seedSmallWorld, signIn, tempCore } from './tempCore';
import type { Call } from './call';

/** How a node signs a push (tests that forge, replay or tamper with batches sign with the real rule). */
export { signPush } from '../../electron/core/sync/auth';

/** The township every sync test's client node is (甲一镇 of the small world), and its county (the hub). */
export const TOWNSHIP = '999901001000';
export const COUNTY = '999901000000';

export interface HubNode {
  core: Core;
  dir: string;
  admin: Call;
  server: FastifyInstance;
  url: string;
  /** Stop the HTTP server (a hub going down); `listen()` brings it back on the same port. */
  stop(): Promise<void>;
  listen(): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * A county hub: a core on a fresh SQLite file, the small world's divisions, its own division set to the
 * county, served over HTTP on a free loopback port the OS picks.
 */
export async function startHub(wanted = 0, sync: SyncOptions = {}): Promise<HubNode> {
  const { core, dir, cleanup } = await tempCore({ sync });
  await seedSmallWorld(core);
  await setMeta(core.db, 'node_division_code', COUNTY);
  const admin = await signIn(core, 'admin');
  let server = await createHttpServer(core, { host: '127.0.0.1', port: wanted, staticDir: null });
  await server.listen({ host: '127.0.0.1', port: wanted });
  // Port 0 lets the OS pick a free one (test files run in parallel); a restart comes back on the same one.
  const port = (server.server.address() as AddressInfo).port;
  let up = true;
  const hub: HubNode = {
    core,
    dir,
    admin,
    server,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (!up) return;
      up = false;
      // A hub going down cuts its connections (keep-alive sockets of nodes killed mid-request included)
      // rather than waiting for them.
      const closing = server.close();
      server.server.closeAllConnections();
      await closing;
    },
    listen: async () => {
      if (up) return;
      server = await createHttpServer(core, { host: '127.0.0.1', port, staticDir: null });
      await server.listen({ host: '127.0.0.1', port });
      hub.server = server;
      up = true;
    },
    cleanup: async () => {
      await hub.stop();
      await cleanup();
    },
  };
  return hub;
}

export interface TownshipNode {
  core: Core;
  dir: string;
  admin: Call;
  /** One sync round, run directly (deterministic); the schedule's own rounds are tested separately. */
  round(): Promise<{ pushed: number; more: boolean }>;
  cleanup(): Promise<void>;
}

/**
 * A township node holding only its own township's cases (the small world minus 乙一镇's T-3), not yet
 * connected; `dir` reopens the same files (a restart).
 */
export async function startTownship(opts: { dir?: string; sync?: SyncOptions; seed?: boolean } = {}): Promise<TownshipNode> {
  const { core, dir, cleanup } = await tempCore({ dir: opts.dir, sync: opts.sync });
  if (opts.seed ?? !opts.dir) {
    await seedSmallWorld(core);
    await setMeta(core.db, 'node_division_code', TOWNSHIP);
    await core.db('disputes').where({ case_no: 'T-3' }).del();
  }
  const admin = await signIn(core, 'admin');
  return {
    core,
    dir,
    admin,
    round: () => syncRound(core.db, core.node.sync, () => core.env.clock.now(), new AbortController().signal),
    cleanup,
  };
}

/** Register the township at the hub and connect it (what two admins do on their Settings pages). */
export async function connect(hub: HubNode, town: TownshipNode, divisionCode = TOWNSHIP): Promise<{ nodeKey: string; secret: string }> {
  const creds = await hub.admin('sync.nodes.register', { divisionCode, label: '甲一镇综治中心' });
  await town.admin('sync.connect', { hubUrl: hub.url, ...creds });
  return creds;
}

/** What the hub holds of one entity, by key, parsed. */
export async function replica(hub: Core, entity: 'case' | 'event' | 'mediation'): Promise<Map<string, Record<string, unknown>>> {
  const rows: Array<{ key: string; data: string; deleted: number }> = await hub.db('sync_replica').where({ entity }).select('key', 'data', 'deleted');
  return new Map(rows.filter((r) => r.deleted === 0).map((r) => [r.key, JSON.parse(r.data) as Record<string, unknown>]));
}

/** How many operations the hub applied in all (from its audit of every batch received). */
export async function appliedAtHub(hub: Core): Promise<number> {
  const rows: Array<{ detail: string }> = await hub.db('audit_log').where({ action: 'sync.receive' }).select('detail');
  return rows.reduce((n, r) => n + Number((JSON.parse(r.detail) as { applied: number }).applied), 0);
}
