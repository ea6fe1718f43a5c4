import type { Knex } from 'knex';
import type { DisputeMapFilter, PointLayer } from '../../../shared/contract/map';
import { OPEN_STATUSES, WARNING_LEVELS } from '../../../shared/domain/disputeStatus';
import { encodeInts, encodePoints } from '../../../shared/domain/mapEncoding';
import { SERVICE_POINT_CATEGORY_CODES } from '../../../shared/domain/servicePoints';
import type { HandlerContext } from '../context';

/** ~1 m: finer than any marker needs, coarse enough that deltas stay 2–3 characters. */
const POINT_STEP = 1e-5;

interface PointRow {
  id: number;
  lon: number | null;
  lat: number | null;
  kind: string;
  sub?: string;
}

/**
 * Points in the compact layer form. Points are ordered in bands of latitude, alternating direction
 * (boustrophedon), so consecutive points are near each other and their deltas encode short.
 */
export function toPointLayer(rows: PointRow[], kinds: readonly string[], subKinds: readonly string[] | null): PointLayer {
  const located = rows.filter((r): r is PointRow & { lon: number; lat: number } => r.lon !== null && r.lat !== null);
  let minX = Infinity;
  let minY = Infinity;
  for (const r of located) {
    if (r.lon < minX) minX = r.lon;
    if (r.lat < minY) minY = r.lat;
  }
  if (located.length === 0) minX = minY = 0;
  const q = located.map((r) => ({ r, x: Math.round((r.lon - minX) / POINT_STEP), y: Math.round((r.lat - minY) / POINT_STEP) }));
  const BAND = 2000; // 0.02°
  q.sort((a, b) => {
    const ba = Math.floor(a.y / BAND);
    const bb = Math.floor(b.y / BAND);
    if (ba !== bb) return ba - bb;
    return ba % 2 === 0 ? a.x - b.x : b.x - a.x;
  });
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  const extraKinds = [...kinds];
  const idx = (k: string) => {
    let i = kindIndex.get(k);
    if (i === undefined) {
      i = extraKinds.push(k) - 1;
      kindIndex.set(k, i);
    }
    return i;
  };
  const subIndex = new Map((subKinds ?? []).map((k, i) => [k, i]));
  const extraSub = [...(subKinds ?? [])];
  return {
    quantization: { scale: [POINT_STEP, POINT_STEP], translate: [minX, minY] },
    count: q.length,
    positions: encodePoints(q.map((p) => [p.x, p.y] as const)),
    ids: encodeInts(q.map((p) => p.r.id), true),
    kind: encodeInts(q.map((p) => idx(p.r.kind)), false),
    kinds: extraKinds,
    subKind: subKinds
      ? encodeInts(q.map((p) => {
          const s = p.r.sub ?? '';
          let i = subIndex.get(s);
          if (i === undefined) {
            i = extraSub.push(s) - 1;
            subIndex.set(s, i);
          }
          return i;
        }), false)
      : '',
    subKinds: subKinds ? extraSub : [],
    withoutLocation: rows.length - located.length,
  };
}

const layerCache = new WeakMap<Knex, Map<string, PointLayer>>();

/** A few recent layers per database; the key must carry the data version. */
export async function cachedPointLayer(db: Knex, key: string, build: () => Promise<PointLayer>): Promise<PointLayer> {
  let m = layerCache.get(db);
  if (!m) layerCache.set(db, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;
  const layer = await build();
  m.set(key, layer);
  while (m.size > 8) m.delete(m.keys().next().value as string);
  return layer;
}

export async function servicePointRows(db: Knex, like: string, categories: readonly string[] | undefined): Promise<PointRow[]> {
  const q = db('service_points').where('division_code', 'like', like).select('id', 'lon', 'lat', 'category as kind');
  if (categories && categories.length > 0) q.whereIn('category', categories);
  return q;
}

export const SERVICE_POINT_KINDS: readonly string[] = SERVICE_POINT_CATEGORY_CODES;
export const DISPUTE_KINDS: readonly string[] = WARNING_LEVELS;

/**
 * Which disputes an account may see on the map: mediators their own cases, grid workers their grids' cases
 * (PRODUCT.md roles); everyone else the cases of their division.
 */
export async function disputeRows(ctx: HandlerContext, like: string, filter: DisputeMapFilter): Promise<PointRow[]> {
  const db = ctx.db;
  const statuses = filter.statuses ?? OPEN_STATUSES;
  const q = db('disputes')
    .whereIn('status', statuses)
    .andWhere((w) => {
      // Disputes carry the township always, the village when known; a village scope needs the latter.
      if (like.length >= 13) w.where('village_code', 'like', like);
      else w.where('township_code', 'like', like);
    })
    .select('id', 'lon', 'lat', 'warning as kind', 'category as sub');
  if (filter.categories?.length) q.whereIn('category', filter.categories);
  if (filter.warnings?.length) q.whereIn('warning', filter.warnings);
  if (filter.sources?.length) q.whereIn('source', filter.sources);
  if (filter.gridId !== undefined) q.where('grid_id', filter.gridId);
  const role = ctx.account.role;
  if (role === 'mediator' || role === 'grid_worker') {
    const acct: { person_id: number | null } | undefined = await db('accounts').where({ id: ctx.account.id }).first('person_id');
    const personId = acct?.person_id ?? -1;
    if (role === 'mediator') q.where('mediator_id', personId);
    else q.whereIn('grid_id', db('grid_workers').where('person_id', personId).select('grid_id'));
  }
  return q;
}
