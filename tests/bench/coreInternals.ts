/**
 * The ONE place the benches reach past the core's front door (createCore + invoke). Everything else in
 * tests/bench imports engine internals from here only, so that when per-node state moves into the object
 * createCore builds (and test helpers move to tests/support), this file is the only one to repoint.
 *
 * Functions here take the Core, not its Knex handle, so the repointed versions can read per-core state.
 */
import type { Core } from '../../electron/core/index';
import { placePoints as placePointsOn } from '../../electron/core/grids/gridIndex';
import { createCore } from '../../electron/core/index';
import { generateDemo as generate } from '../../electron/core/demo/generateDemo';
import { quietLog as silent } from '../support/tempCore';

export { quietLog } from '../support/tempCore';
export { fixedClock } from '../../electron/core/clock';
export { hashPassword } from '../../electron/core/accounts/passwords';
export { matchExpression } from '../../electron/core/disputes/searchTokens';
export { DEMO_PHASES, generateDemo, type DemoSummary } from '../../electron/core/demo/generateDemo';
export { DEMO_PASSWORD } from '../../electron/core/demo/demoAccounts';
export { buildSyntheticCity, rng, SYNTHETIC_CITY_CODE } from '../support/syntheticCity';
export { CONNECTION_PRAGMAS } from '../../electron/core/db/connection';

/**
 * Forget the queue engine's cached totals, cursors and search hit counts (a view opened for the first
 * time, or right after a write), and wait until any cursor ladder still being built has stopped: a
 * sample timed after this has nothing of the previous one running beside it.
 */
export async function coldQueue(core: Core): Promise<void> {
  // Take hold of the running ladders first: once the state is dropped they stop at their next rung.
  const stopping = core.node.queue.settled();
  core.node.queue.clear();
  await stopping;
}

/** Wait for the queue's background work (cursor ladders) to finish. */
export function queueWorkSettled(core: Core): Promise<void> {
  return core.node.queue.settled();
}

/** The engine thresholds the bench reports against (where the search plan switches). */
export function queueThresholds(core: Core): { searchWalkSteps: number; ladderStep: number; ladderMinRows: number } {
  const t = core.node.queue.tuning;
  return { searchWalkSteps: t.searchWalkSteps, ladderStep: t.ladderStep, ladderMinRows: t.ladderMinRows };
}

/** Bring the quick-search index up to date (the catch-up the first search after a bulk write runs). */
export function catchUpSearchIndex(core: Core): Promise<number> {
  return core.node.search.refresh(core.db);
}

/** Point → grid through the node's cached grid index. */
export function placePoints(core: Core, points: ReadonlyArray<readonly [number, number]>): ReturnType<typeof placePointsOn> {
  return placePointsOn(core.node.gridIndex, core.db, points);
}

/** A node in `dataDir` holding the demo (seed 20211029), closed again: the UI benches then serve it. */
export async function demoNode(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir, log: silent });
  await generate(core.db, { seed: 20211029 });
  await core.close();
}
