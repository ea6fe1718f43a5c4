import type { Knex } from 'knex';
import { parseAreaGeometry, placeInArea } from '../../../shared/domain/geometry';

export interface GridPlacement {
  gridId: number;
  gridCode: string;
  villageCode: string;
  townshipCode: string;
  countyCode: string;
}

interface CandidateRow {
  id: number;
  code: string;
  village_code: string;
  township_code: string;
  county_code: string;
  polygon: string;
}

/**
 * The grid a point (WGS-84 lon/lat) lies in, or null outside every grid. A point exactly on an edge
 * shared by two grids goes to the one with the lower code, so the answer never depends on row order.
 * One point at a time straight from SQL (R*Tree prefilter, then point-in-polygon): right for intake, one
 * case at a time, with no index to build. Bulk placement uses the cached in-memory index (gridIndex.ts).
 */
export async function findGridForPoint(db: Knex, lon: number, lat: number): Promise<GridPlacement | null> {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  // The R*Tree (migration 0003, kept by triggers) narrows 5,816 grids to the one or two whose box holds the point.
  const rows = await db('grid_rtree as r')
    .join('grids as g', 'g.id', 'r.id')
    .where('r.min_lon', '<=', lon)
    .andWhere('r.max_lon', '>=', lon)
    .andWhere('r.min_lat', '<=', lat)
    .andWhere('r.max_lat', '>=', lat)
    .orderBy('g.code')
    .select<CandidateRow[]>('g.id', 'g.code', 'g.village_code', 'g.township_code', 'g.county_code', 'g.polygon');
  let onEdge: CandidateRow | null = null;
  for (const row of rows) {
    const geometry = parseAreaGeometry(row.polygon);
    if (!geometry) continue;
    const p = placeInArea(lon, lat, geometry);
    if (p === 'in') return toPlacement(row);
    if (p === 'on' && !onEdge) onEdge = row;
  }
  return onEdge ? toPlacement(onEdge) : null;
}

function toPlacement(row: CandidateRow): GridPlacement {
  return { gridId: row.id, gridCode: row.code, villageCode: row.village_code, townshipCode: row.township_code, countyCode: row.county_code };
}
