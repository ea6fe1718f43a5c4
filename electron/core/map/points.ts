import type { Knex } from 'knex';
import type { DisputeMapFilter, PointLayer } from '../../../shared/contract/map';
import { OPEN_STATUSES, WARNING_LEVELS } from '../../../shared/domain/disputeStatus';
import { encodeInts, encodePoints } from '../../../shared/domain/mapEncoding';
import { SERVICE_POINT_CATEGORY_CODES } from '../../../shared/domain/servicePoints';
import type { HandlerContext } from '../context';
import { callerScope } from '../jurisdiction/cases';

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

export async function servicePointRows(db: Knex, like: string, categories: readonly string[] | undefined): Promise<PointRow[]> {
  const q = db('service_points').where('division_code', 'like', like).select('id', 'lon', 'lat', 'category as kind');
  if (categories && categories.length > 0) q.whereIn('category', categories);
  return q;
}

export const SERVICE_POINT_KINDS: readonly string[] = SERVICE_POINT_CATEGORY_CODES;
export const DISPUTE_KINDS: readonly string[] = WARNING_LEVELS;

/**
 * The disputes an account may see on the map, as dots without names: the cases of its scope (mediators
 * their own cases, grid workers their grids' — jurisdiction/cases.ts; the wall every case of its
 * division), inside the area the map shows.
 */
export async function disputeRows(ctx: HandlerContext, like: string, filter: DisputeMapFilter): Promise<PointRow[]> {
  const scope = await callerScope(ctx, { withoutPersonalData: true });
  const statuses = filter.statuses ?? OPEN_STATUSES;
  if (scope.role === 'wall') return wallDisputeRows(ctx, scope.sql, like, statuses, filter);
  const q = ctx
    .db('disputes as d')
    .whereRaw(scope.sql)
    .whereIn('d.status', statuses)
    .andWhere((w) => {
      // Disputes carry the township always, the village when known; a village scope needs the latter.
      if (like.length >= 13) w.where('d.village_code', 'like', like);
      else w.where('d.township_code', 'like', like);
    })
    .select('d.id', 'd.lon', 'd.lat', 'd.warning as kind', 'd.category as sub');
  if (filter.categories?.length) q.whereIn('d.category', filter.categories);
  if (filter.warnings?.length) q.whereIn('d.warning', filter.warnings);
  if (filter.sources?.length) q.whereIn('d.source', filter.sources);
  if (filter.gridId !== undefined) q.where('d.grid_id', filter.gridId);
  return q;
}

/**
 * The wall never receives a case's id or point: for it the disputes layer is one dot per grid with
 * matching cases, at the grid's centre, its id the grid's, its kind the highest warning among them.
 */
async function wallDisputeRows(ctx: HandlerContext, scopeSql: string, like: string, statuses: readonly string[], filter: DisputeMapFilter): Promise<PointRow[]> {
  const q = ctx
    .db('disputes as d')
    .join('grids as g', 'g.id', 'd.grid_id')
    .whereRaw(scopeSql)
    .whereIn('d.status', statuses)
    .andWhere((w) => {
      if (like.length >= 13) w.where('d.village_code', 'like', like);
      else w.where('d.township_code', 'like', like);
    })
    .groupBy('g.id')
    .select('g.id as id', 'g.center_lon as lon', 'g.center_lat as lat')
    .select(ctx.db.raw(`CASE max(d.warning_rank) WHEN 3 THEN 'red' WHEN 2 THEN 'yellow' WHEN 1 THEN 'blue' ELSE 'none' END AS kind`));
  if (filter.categories?.length) q.whereIn('d.category', filter.categories);
  if (filter.warnings?.length) q.whereIn('d.warning', filter.warnings);
  if (filter.sources?.length) q.whereIn('d.source', filter.sources);
  if (filter.gridId !== undefined) q.where('d.grid_id', filter.gridId);
  return q;
}
