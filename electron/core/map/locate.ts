import type { Knex } from 'knex';
import { findGridForPoint } from '../grids/pointToGrid';

/** The grid at a point with the names of its grid, village, township and county (map clicks, intake). */
export async function locateWithNames(db: Knex, lon: number, lat: number) {
  const hit = await findGridForPoint(db, lon, lat);
  if (!hit) return null;
  const [grid, divs] = await Promise.all([
    db('grids').where({ id: hit.gridId }).first<{ name: string }>('name'),
    db('divisions').whereIn('code', [hit.villageCode, hit.townshipCode, hit.countyCode]).select<Array<{ code: string; name: string }>>('code', 'name'),
  ]);
  const name = new Map(divs.map((d) => [d.code, d.name]));
  return {
    ...hit,
    gridName: grid?.name ?? hit.gridCode,
    villageName: name.get(hit.villageCode) ?? '',
    townshipName: name.get(hit.townshipCode) ?? '',
    countyName: name.get(hit.countyCode) ?? '',
  };
}
