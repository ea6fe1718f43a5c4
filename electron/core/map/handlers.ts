import { CoreError } from '../../../shared/contract/errors';
import { DISPUTE_CATEGORIES } from '../../../shared/domain/disputeStatus';
import type { DomainImpls, HandlerContext } from '../context';
import { dataVersions } from '../db/dataVersions';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { boundaryLayer } from './boundaries';
import { measuresFor } from './measures';
import { disputeRows, DISPUTE_KINDS, SERVICE_POINT_KINDS, servicePointRows, toPointLayer } from './points';
import { searchMap } from './search';
import { locateWithNames } from './locate';

/** The map shows the account's own area; asking for a division above it narrows to it (a county's city view). */
const mapArea = (ctx: HandlerContext, requested?: string) => jurisdictionOf(ctx.account).area(requested, { above: 'narrow' });

export const mapImpls: DomainImpls<'map'> = {
  'map.boundaries': async ({ level, parentCode, zoom }, ctx) => {
    const { like } = mapArea(ctx, parentCode);
    const layer = await boundaryLayer(ctx.node.boundaries, ctx.db, level, like, zoom);
    return {
      version: layer.version,
      level,
      detail: layer.detail,
      quantization: layer.quantization,
      arcs: layer.arcs,
      count: layer.count,
      codes: layer.codes,
      names: layer.names,
      shapes: layer.shapes,
      bbox: layer.bbox,
    };
  },
  'map.measures': async ({ level, parentCode }, ctx) => {
    const { like } = mapArea(ctx, parentCode);
    return measuresFor(ctx.db, level, like);
  },
  'map.servicePoints': async ({ category, divisionCode }, ctx) => {
    const { like } = mapArea(ctx, divisionCode);
    // 17,000 rows to read and encode, changing a few times a day: cached by the directory's data version.
    const key = `${(await dataVersions(ctx.db)).service_points}|${like}|${[...(category ?? [])].sort().join(',')}`;
    return ctx.node.servicePointLayers.get(key, ctx.db, async () => toPointLayer(await servicePointRows(ctx.db, like, category), SERVICE_POINT_KINDS, null));
  },
  'map.disputes': async (filter, ctx) => {
    const { like } = mapArea(ctx, filter.villageCode ?? filter.townshipCode ?? filter.countyCode);
    // The wall's rows are grids (no category of their own): no sub-kinds for it.
    return toPointLayer(await disputeRows(ctx, like, filter), DISPUTE_KINDS, ctx.account.role === 'wall' ? null : DISPUTE_CATEGORIES);
  },
  'map.search': async ({ q, limit }, ctx) => {
    const { like } = mapArea(ctx);
    return { hits: await searchMap(ctx.db, like, q, limit) };
  },
  'map.locate': async ({ lon, lat }, ctx) => {
    const jurisdiction = jurisdictionOf(ctx.account);
    const grid = await locateWithNames(ctx.db, lon, lat);
    if (grid && !jurisdiction.covers(grid.villageCode)) throw new CoreError('FORBIDDEN', '该位置不在本辖区内');
    return { grid };
  },
};
