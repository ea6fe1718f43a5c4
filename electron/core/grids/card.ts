import { CoreError } from '../../../shared/contract/errors';
import type { GridCard } from '../../../shared/contract/grids';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { maskStaff, partyVisibility } from '../../../shared/domain/masking';
import { servicePointLabel } from '../../../shared/domain/servicePoints';
import type { HandlerContext } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { nearestPlaces } from '../directory/pointIndex';

interface GridRow {
  id: number;
  code: string;
  name: string;
  village_code: string;
  township_code: string;
  county_code: string;
  households: number;
  population: number;
  wechat_groups: number;
  wechat_members: number;
  center_lon: number;
  center_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

interface WorkerRow {
  person_id: number;
  name: string;
  phone: string | null;
  title: string | null;
}

/**
 * The grid card. Workers' phones follow the same rule as dispute parties (shared/domain/masking.ts): in
 * full for dispatch staff and for a grid worker on their own grid, masked for the others, and the wall
 * gets no names or phones at all (only how many workers there are).
 */
export async function gridCard(ctx: HandlerContext, by: { gridId?: number; code?: string }, radiusM: number): Promise<GridCard> {
  const q = ctx.db('grids');
  if (by.gridId !== undefined) q.where({ id: by.gridId });
  else q.where({ code: by.code });
  const g: GridRow | undefined = await q.first();
  if (!g) throw new CoreError('NOT_FOUND', '没有该网格');
  if (!jurisdictionOf(ctx.account).covers(g.village_code)) throw new CoreError('FORBIDDEN', '只能查看本辖区的网格');

  const [workers, divisions, disputes, me] = await Promise.all([
    ctx.db('grid_workers as gw')
      .join('people as p', 'p.id', 'gw.person_id')
      .where('gw.grid_id', g.id)
      .andWhere('p.active', true)
      .orderBy('p.id')
      .select<WorkerRow[]>('p.id as person_id', 'p.name', 'p.phone', 'p.title'),
    ctx.db('divisions').whereIn('code', [g.village_code, g.township_code, g.county_code]).select<Array<{ code: string; name: string }>>('code', 'name'),
    ctx.db
      .raw(`SELECT count(*) AS n, coalesce(sum(warning = 'red'), 0) AS red FROM disputes WHERE grid_id = ? AND status IN ${OPEN_STATUSES_SQL}`, [g.id])
      .then((rows: Array<{ n: number; red: number }>) => rows[0] ?? { n: 0, red: 0 }),
    ctx.account.role === 'grid_worker'
      ? ctx.db('accounts').where({ id: ctx.account.id }).first<{ person_id: number | null } | undefined>('person_id')
      : Promise.resolve(undefined),
  ]);
  const ownGrid = me?.person_id != null && workers.some((w) => w.person_id === me.person_id);
  const visibility = partyVisibility(ctx.account.role, ownGrid);
  const name = new Map(divisions.map((d) => [d.code, d.name]));
  const nearby = await nearestPlaces(ctx.node.helpPlaces, ctx.db, g.center_lon, g.center_lat, { limit: 20, maxDistanceM: radiusM, accept: (p) => p.kind === 'servicePoint' });

  return {
    id: g.id,
    code: g.code,
    name: g.name,
    villageCode: g.village_code,
    villageName: name.get(g.village_code) ?? '',
    townshipCode: g.township_code,
    townshipName: name.get(g.township_code) ?? '',
    countyCode: g.county_code,
    countyName: name.get(g.county_code) ?? '',
    workers:
      visibility === 'none'
        ? []
        : workers.map((w) => ({
            name: w.name,
            phone: maskStaff({ name: w.name, phone: w.phone }, visibility).phone,
            title: w.title,
          })),
    workerCount: workers.length,
    households: g.households,
    population: g.population,
    wechatGroups: g.wechat_groups,
    wechatMembers: g.wechat_members,
    openDisputes: Number(disputes.n),
    redWarnings: Number(disputes.red),
    center: [g.center_lon, g.center_lat],
    bbox: [g.min_lon, g.min_lat, g.max_lon, g.max_lat],
    nearbyPoints: nearby.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      categoryName: servicePointLabel(p.category),
      phone: p.phone,
      distanceM: p.distanceM,
    })),
    nearbyRadiusM: radiusM,
  };
}
