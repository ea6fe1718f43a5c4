import { CoreError } from '../../../shared/contract/errors';
import { DISPUTE_CATEGORIES } from '../../../shared/domain/disputeStatus';
import { helpCategoriesFor, helpCategoryLabel } from '../../../shared/domain/helpCategories';
import { servicePointLabel } from '../../../shared/domain/servicePoints';
import type { DomainImpls, HandlerContext } from '../context';
import { jurisdictionOf, type CaseDivisions } from '../jurisdiction/divisions';
import { callerScope, canSee } from '../jurisdiction/cases';
import { nearestPlaces } from './pointIndex';
import { filteredPoints, pointById, POINT_COLUMNS, toServicePoint, type ServicePointRow } from './rows';
import { checkPlacement, type PlacementInput } from './validate';
import { exportDirectoryXlsx, importDirectoryXlsx } from './excel';
import { printableDirectory } from './printable';

const SORT_COLUMNS = { name: 'sp.name', category: 'sp.category', division: 'sp.division_code', updated: 'sp.updated_at' } as const;

/** Refuse with every rule that failed, each naming its field, and change nothing. */
async function placeOrRefuse(ctx: HandlerContext, f: PlacementInput) {
  const { issues, placement } = await checkPlacement(ctx.db, jurisdictionOf(ctx.account), f);
  const first = issues[0];
  if (first) throw new CoreError('INVALID_INPUT', `输入有误：${first.message}`, { field: first.field, issues });
  return placement;
}

async function loadVisible(ctx: HandlerContext, id: number): Promise<ServicePointRow> {
  const row = await pointById(ctx.db, id);
  if (!row || !jurisdictionOf(ctx.account).covers(row.division_code)) throw new CoreError('NOT_FOUND', '没有该服务点');
  return row;
}

export const directoryImpls: DomainImpls<'directory'> = {
  'directory.list': async ({ offset, limit, sort, desc, ...filter }, ctx) => {
    const { like } = jurisdictionOf(ctx.account).area(undefined);
    const base = filteredPoints(ctx.db, like, filter);
    const [countRow, rows] = await Promise.all([
      base.clone().count<{ n: number }[]>({ n: '*' }).first(),
      base
        .clone()
        .select(POINT_COLUMNS)
        .orderBy([{ column: SORT_COLUMNS[sort], order: desc ? 'desc' : 'asc' }, { column: 'sp.id', order: 'asc' }])
        .offset(offset)
        .limit(limit),
    ]);
    return { total: Number(countRow?.n ?? 0), rows: (rows as ServicePointRow[]).map((r) => toServicePoint(r, ctx.account.role)) };
  },
  'directory.get': async ({ id }, ctx) => toServicePoint(await loadVisible(ctx, id), ctx.account.role),
  'directory.create': async (f, ctx) => {
    const placement = await placeOrRefuse(ctx, f);
    const now = ctx.now.toISOString();
    const [id] = await ctx.db('service_points').insert({
      name: f.name,
      category: f.category,
      level: f.level,
      division_code: f.divisionCode,
      township_code: placement.townshipCode,
      county_code: placement.countyCode,
      grid_id: placement.gridId,
      address: f.address ?? null,
      lon: f.lon ?? null,
      lat: f.lat ?? null,
      phone: f.phone ?? null,
      hours: f.hours ?? null,
      contact_name: f.contactName ?? null,
      staff_count: f.staffCount ?? null,
      notes: f.notes ?? null,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit({ action: 'directory.create', entity: 'service_point', entityId: String(id), detail: { name: f.name, category: f.category, divisionCode: f.divisionCode } });
    ctx.emit('data.changed', { entity: 'service_point', ids: [Number(id)] });
    return toServicePoint((await pointById(ctx.db, Number(id)))!, ctx.account.role);
  },
  'directory.update': async ({ id, ...changes }, ctx) => {
    const before = await loadVisible(ctx, id);
    const merged = {
      category: changes.category ?? before.category,
      level: changes.level ?? before.level,
      divisionCode: changes.divisionCode ?? before.division_code,
      lon: changes.lon !== undefined ? changes.lon : before.lon,
      lat: changes.lat !== undefined ? changes.lat : before.lat,
    };
    const placement = await placeOrRefuse(ctx, merged);
    const set: Record<string, unknown> = {
      category: merged.category,
      level: merged.level,
      division_code: merged.divisionCode,
      township_code: placement.townshipCode,
      county_code: placement.countyCode,
      grid_id: placement.gridId,
      lon: merged.lon,
      lat: merged.lat,
      updated_at: ctx.now.toISOString(),
    };
    const columns = { name: 'name', address: 'address', phone: 'phone', hours: 'hours', contactName: 'contact_name', staffCount: 'staff_count', notes: 'notes' } as const;
    for (const [key, col] of Object.entries(columns)) {
      const v = changes[key as keyof typeof columns];
      if (v !== undefined) set[col] = v;
    }
    await ctx.db('service_points').where({ id }).update(set);
    await ctx.audit({ action: 'directory.update', entity: 'service_point', entityId: String(id), detail: { fields: Object.keys(changes) } });
    ctx.emit('data.changed', { entity: 'service_point', ids: [id] });
    return toServicePoint((await pointById(ctx.db, id))!, ctx.account.role);
  },
  'directory.delete': async ({ id }, ctx) => {
    const before = await loadVisible(ctx, id);
    await ctx.db('service_points').where({ id }).delete();
    await ctx.audit({ action: 'directory.delete', entity: 'service_point', entityId: String(id), detail: { name: before.name, category: before.category, divisionCode: before.division_code } });
    ctx.emit('data.changed', { entity: 'service_point', ids: [id] });
    return { ok: true as const };
  },
  'directory.whoCanHelp': async ({ disputeId, lon, lat, disputeCategory, limit }, ctx) => {
    let from: [number, number] | null = lon !== undefined && lat !== undefined ? [lon, lat] : null;
    let category: string | null = disputeCategory ?? null;
    if (disputeId !== undefined) {
      const d: (CaseDivisions & { lon: number | null; lat: number | null; category: string; grid_id: number | null; mediator_id: number | null }) | undefined = await ctx.db('disputes')
        .where({ id: disputeId })
        .first('lon', 'lat', 'category', 'county_code', 'township_code', 'village_code', 'grid_id', 'mediator_id');
      // Only a caller who may read the case learns its place and category; an unknown id and a foreign
      // one (or any id, for the wall) answer alike, so ids cannot be probed.
      const scope = await callerScope(ctx, { withoutPersonalData: true });
      if (!d || scope.role === 'wall' || !canSee(scope, d)) throw new CoreError('NOT_FOUND', '没有该纠纷');
      category = category ?? d.category;
      if (!from && d.lon !== null && d.lat !== null) from = [d.lon, d.lat];
      if (!from && d.grid_id !== null) {
        const g: { center_lon: number; center_lat: number } | undefined = await ctx.db('grids').where({ id: d.grid_id }).first('center_lon', 'center_lat');
        if (g) from = [g.center_lon, g.center_lat];
      }
      if (!from) throw new CoreError('CONFLICT', '该纠纷没有位置信息，请在地图上选定位置后再查找');
    }
    if (!from) throw new CoreError('INVALID_INPUT', '请指定位置', { field: 'lon' });
    const fits = helpCategoriesFor(category);
    const wanted = fits ? new Set<string>(fits) : null;
    const places = await nearestPlaces(ctx.node.helpPlaces, ctx.db, from[0], from[1], { limit, accept: (p) => !wanted || wanted.has(p.category) });
    return {
      from,
      disputeCategory: category && (DISPUTE_CATEGORIES as readonly string[]).includes(category) ? category : null,
      categories: fits ? [...fits] : [],
      points: places.map((p) => ({
        kind: p.kind,
        id: p.id,
        name: p.name,
        category: p.category,
        categoryName: helpCategoryLabel(p.category, servicePointLabel),
        phone: p.phone,
        address: p.address,
        lon: p.lon,
        lat: p.lat,
        distanceM: p.distanceM,
      })),
    };
  },
  'directory.importExcel': async (input, ctx) => importDirectoryXlsx(ctx, input),
  'directory.exportExcel': async (filter, ctx) => exportDirectoryXlsx(ctx, filter),
  'directory.printable': async (filter, ctx) => printableDirectory(ctx, filter),
};
