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
 * One point at a time straight from SQL (bbox prefilter, then point-in-polygon); bulk placement uses
 * the cached in-memory index in gridIndex.ts.
 */
export async function findGridForPoint(db: Knex, lon: number, lat: number): Promise<GridPlacement | null> {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const rows = await db('grids')
    .where('min_lon', '<=', lon)
    .andWhere('max_lon', '>=', lon)
    .andWhere('min_lat', '<=', lat)
    .andWhere('max_lat', '>=', lat)
    .orderBy('code')
    .select<CandidateRow[]>('id', 'code', 'village_code', 'township_code', 'county_code', 'polygon');
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
