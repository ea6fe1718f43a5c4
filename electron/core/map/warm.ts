import type { Knex } from 'knex';
import { codePrefix } from '../../../shared/domain/divisionCodes';
import { getMeta } from '../meta';
import { definePeriodicTask } from '../jobs/jobKinds';
import { boundaryLayer, type BoundaryCaches } from './boundaries';

/**
 * Build the node's city-view boundary topologies (all grids and the level below the node, at the
 * coarsest tier) once the node is open, so the first person to open the map does not wait for it
 * (~0.3 s of topology building on the demo). A periodic task of the jobs service: at start, then every
 * ten minutes (a no-op while the boundaries have not changed; after an import it builds the new ones).
 * A failure only costs that first open its speed.
 */
export const MAP_WARMING = definePeriodicTask({
  name: 'map.warmCaches',
  everyMs: 10 * 60_000,
  run: (ctx) => warmMapCaches(ctx.node.boundaries, ctx.db),
});

/** The city-view layers of this node, built into the caches. */
export async function warmMapCaches(caches: BoundaryCaches, db: Knex): Promise<void> {
  const node = await getMeta(db, 'node_division_code');
  if (!node) return;
  const like = `${codePrefix(node)}%`;
  await boundaryLayer(caches, db, 'grid', like, 9);
  await boundaryLayer(caches, db, 'county', like, 9);
}
