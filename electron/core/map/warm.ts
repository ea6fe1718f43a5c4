import type { Knex } from 'knex';
import { codePrefix } from '../../../shared/domain/divisionCodes';
import { getMeta } from '../meta';
import { boundaryLayer } from './boundaries';

/**
 * Build the node's city-view boundary topologies (all grids and the level below the node, at the
 * coarsest tier) once the node is open, so the first person to open the map does not wait for it
 * (~0.3 s of topology building on the demo). Runs in the background after start; a failure only costs
 * that first open its speed.
 */
export async function warmMapCaches(db: Knex): Promise<void> {
  const node = await getMeta(db, 'node_division_code');
  if (!node) return;
  const like = `${codePrefix(node)}%`;
  await boundaryLayer(db, 'grid', like, 9);
  await boundaryLayer(db, 'county', like, 9);
}
