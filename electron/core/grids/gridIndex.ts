import Flatbush from 'flatbush';
import type { Knex } from 'knex';
import { geometryBbox, parseAreaGeometry, placeInArea, type AreaGeometry } from '../../../shared/domain/geometry';
import { dataVersions } from '../db/dataVersions';
import type { RecentCache } from '../node/recentCache';
import type { GridPlacement } from './pointToGrid';

/**
 * Every grid in memory: a packed R-tree (flatbush) over the bounding boxes and the parsed polygons, built
 * once per grid data version (bumped by triggers on every grid write). Placing a point is then a tree
 * search plus one or two point-in-polygon tests, with no SQL and no JSON parsing per point.
 */
export class GridIndex {
  private readonly tree: Flatbush | null;

  constructor(
    readonly version: number,
    private readonly grids: ReadonlyArray<GridPlacement & { geometry: AreaGeometry }>,
  ) {
    if (grids.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(grids.length);
    for (const g of grids) this.tree.add(...geometryBbox(g.geometry));
    this.tree.finish();
  }

  get size(): number {
    return this.grids.length;
  }

  /** Same rule as findGridForPoint: inside wins; on a shared edge, the lower code. */
  place(lon: number, lat: number): GridPlacement | null {
    if (!this.tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    let onEdge: (GridPlacement & { geometry: AreaGeometry }) | null = null;
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const g = this.grids[i]!;
      const p = placeInArea(lon, lat, g.geometry);
      if (p === 'in') return strip(g);
      if (p === 'on' && (!onEdge || g.gridCode < onEdge.gridCode)) onEdge = g;
    }
    return onEdge ? strip(onEdge) : null;
  }
}

function strip(g: GridPlacement & { geometry: AreaGeometry }): GridPlacement {
  return { gridId: g.gridId, gridCode: g.gridCode, villageCode: g.villageCode, townshipCode: g.townshipCode, countyCode: g.countyCode };
}

async function build(db: Knex, version: number): Promise<GridIndex> {
  const rows: Array<{ id: number; code: string; village_code: string; township_code: string; county_code: string; polygon: string }> = await db('grids')
    .orderBy('code')
    .select('id', 'code', 'village_code', 'township_code', 'county_code', 'polygon');
  const grids: Array<GridPlacement & { geometry: AreaGeometry }> = [];
  for (const r of rows) {
    const geometry = parseAreaGeometry(r.polygon);
    if (geometry) grids.push({ gridId: r.id, gridCode: r.code, villageCode: r.village_code, townshipCode: r.township_code, countyCode: r.county_code, geometry });
  }
  return new GridIndex(version, grids);
}

/**
 * The grid index of this database, rebuilt when the grids changed since it was built. Kept in the node's
 * state (one entry: the current grids); inside a transaction — imports run in one — a cached index is
 * used when the transaction has not touched the grids, and one built from its own uncommitted grids is
 * not kept (see RecentCache).
 */
export async function gridIndex(cache: RecentCache<GridIndex>, db: Knex): Promise<GridIndex> {
  const { grids: version } = await dataVersions(db);
  return cache.get(String(version), db, () => build(db, version));
}

/** Place many points at once (imports, the map): one index lookup, then pure computation. */
export async function placePoints(cache: RecentCache<GridIndex>, db: Knex, points: ReadonlyArray<readonly [number, number]>): Promise<Array<GridPlacement | null>> {
  const idx = await gridIndex(cache, db);
  return points.map(([lon, lat]) => idx.place(lon, lat));
}
