import { CoreError } from '../../../shared/contract/errors';
import type { HandlerImpls } from '../context';
import { boundaryLayer } from './boundaries';
import { measuresFor } from './measures';
import { cachedPointLayer, disputeRows, DISPUTE_KINDS, SERVICE_POINT_KINDS, servicePointRows, toPointLayer } from './points';
import { dataVersions, divisionScope } from './scope';
import { searchMap } from './search';
import { locateWithNames } from './locate';
import { basemapImpls } from './basemap';
import { DISPUTE_CATEGORIES } from '../../../shared/domain/disputeStatus';

export const mapImpls = {
  'map.boundaries': async ({ level, parentCode, zoom }, ctx) => {
    const { like } = divisionScope(ctx, parentCode);
    const layer = await boundaryLayer(ctx.db, level, like, zoom);
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
    const { like } = divisionScope(ctx, parentCode);
    return measuresFor(ctx.db, level, like);
  },
  'map.servicePoints': async ({ category, divisionCode }, ctx) => {
    const { like } = divisionScope(ctx, divisionCode);
    // 17,000 rows to read and encode, changing a few times a day: cached by the directory's data version.
    const key = `${(await dataVersions(ctx.db)).service_points}|${like}|${[...(category ?? [])].sort().join(',')}`;
    return cachedPointLayer(ctx.db, key, async () => toPointLayer(await servicePointRows(ctx.db, like, category), SERVICE_POINT_KINDS, null));
  },
  'map.disputes': async (filter, ctx) => {
    const { like } = divisionScope(ctx, filter.villageCode ?? filter.townshipCode ?? filter.countyCode);
    return toPointLayer(await disputeRows(ctx, like, filter), DISPUTE_KINDS, DISPUTE_CATEGORIES);
  },
  'map.search': async ({ q, limit }, ctx) => {
    const { like } = divisionScope(ctx, undefined);
    return { hits: await searchMap(ctx.db, like, q, limit) };
  },
  'map.locate': async ({ lon, lat }, ctx) => {
    const { prefix } = divisionScope(ctx, undefined);
    const grid = await locateWithNames(ctx.db, lon, lat);
    if (grid && !grid.villageCode.startsWith(prefix)) throw new CoreError('FORBIDDEN', '该位置不在本辖区内');
    return { grid };
  },
  ...basemapImpls,
} satisfies Partial<HandlerImpls>;
