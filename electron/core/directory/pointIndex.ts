import Flatbush from 'flatbush';
import type { Knex } from 'knex';
import { distanceKm } from '../../../shared/domain/geometry';
import { dataVersions } from '../db/dataVersions';
import type { RecentCache } from '../node/recentCache';

/**
 * The located service points and mediation committees in one in-memory spatial index, for "nearest"
 * queries (grid card, who-can-help). Longitudes are scaled by cos(latitude) so plain Euclidean distance
 * in the index ranks like metres; the answer's distance is then the haversine one.
 */
export interface HelpPlace {
  kind: 'servicePoint' | 'mediationOrg';
  id: number;
  name: string;
  /** Service-point category, or 'mediation_committee'. */
  category: string;
  divisionCode: string;
  phone: string | null;
  address: string | null;
  lon: number;
  lat: number;
}

export interface PlaceIndex {
  places: HelpPlace[];
  index: Flatbush | null;
  kx: number;
}

/** The index of this database's places, from the node's cache (one entry: the current data). */
async function placeIndex(cache: RecentCache<PlaceIndex>, db: Knex): Promise<PlaceIndex> {
  const v = await dataVersions(db);
  // mediation_orgs have no version trigger; their count and max id stand in (they change rarely).
  const orgs: { n: number; m: number | null } | undefined = await db('mediation_orgs').first(db.raw('count(*) as n'), db.raw('max(id) as m'));
  return cache.get(`${v.service_points}|${orgs?.n ?? 0}|${orgs?.m ?? 0}`, db, () => buildPlaceIndex(db));
}

async function buildPlaceIndex(db: Knex): Promise<PlaceIndex> {
  const [points, committees] = await Promise.all([
    db('service_points').whereNotNull('lon').whereNotNull('lat').select('id', 'name', 'category', 'division_code', 'phone', 'address', 'lon', 'lat'),
    db('mediation_orgs').whereNotNull('lon').whereNotNull('lat').select('id', 'name', 'division_code', 'phone', 'address', 'lon', 'lat'),
  ]);
  const places: HelpPlace[] = [
    ...points.map((p: RowOf<'category'>) => ({ kind: 'servicePoint' as const, id: p.id, name: p.name, category: p.category, divisionCode: p.division_code, phone: p.phone, address: p.address, lon: p.lon, lat: p.lat })),
    ...committees.map((p: RowOf<never>) => ({ kind: 'mediationOrg' as const, id: p.id, name: p.name, category: 'mediation_committee', divisionCode: p.division_code, phone: p.phone, address: p.address, lon: p.lon, lat: p.lat })),
  ];
  const meanLat = places.length ? places.reduce((s, p) => s + p.lat, 0) / places.length : 0;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  let index: Flatbush | null = null;
  if (places.length > 0) {
    index = new Flatbush(places.length);
    for (const p of places) index.add(p.lon * kx, p.lat, p.lon * kx, p.lat);
    index.finish();
  }
  return { places, index, kx };
}

type RowOf<K extends string> = { id: number; name: string; division_code: string; phone: string | null; address: string | null; lon: number; lat: number } & Record<K, string>;

export interface NearPlace extends HelpPlace {
  distanceM: number;
}

/** The nearest places accepted by `accept`, nearest first, at most `limit`, within `maxDistanceM`. */
export async function nearestPlaces(
  cache: RecentCache<PlaceIndex>,
  db: Knex,
  lon: number,
  lat: number,
  opts: { limit: number; maxDistanceM?: number; accept?: (p: HelpPlace) => boolean },
): Promise<NearPlace[]> {
  const { places, index, kx } = await placeIndex(cache, db);
  if (!index) return [];
  // 1° of latitude ≈ 111.2 km: the index's distance unit.
  const maxDeg = opts.maxDistanceM !== undefined ? (opts.maxDistanceM / 111_195) * 1.01 : Infinity;
  const ids = index.neighbors(lon * kx, lat, opts.limit, maxDeg, (i) => !opts.accept || opts.accept(places[i]!));
  return ids
    .map((i) => places[i]!)
    .map((p) => ({ ...p, distanceM: Math.round(distanceKm([lon, lat], [p.lon, p.lat]) * 1000) }))
    .filter((p) => opts.maxDistanceM === undefined || p.distanceM <= opts.maxDistanceM)
    .sort((a, b) => a.distanceM - b.distanceM);
}
