import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { TILE_PATH } from '../../../shared/contract/bridge';
import type { MbtilesSet } from '../../../shared/contract/basemap';
import type { DomainImpls } from '../context';
import { inspectMbtiles, readMbtilesTile, TILE_CONTENT_TYPES, type TileFiles, type TileFormat } from './mbtiles';
import { tiandituTileUrl } from './tianditu';


interface PackageRow {
  id: number;
  name: string;
  file_path: string;
  format: TileFormat;
  min_zoom: number;
  max_zoom: number;
  bounds: string | null;
  attribution: string | null;
}

function toSet(r: PackageRow): MbtilesSet {
  const b = r.bounds ? r.bounds.split(',').map(Number) : [];
  return {
    id: r.id,
    name: r.name,
    path: r.file_path,
    format: r.format,
    minZoom: r.min_zoom,
    maxZoom: r.max_zoom,
    bounds: b.length === 4 ? [b[0]!, b[1]!, b[2]!, b[3]!] : null,
    attribution: r.attribution,
    tilePath: `${TILE_PATH}/${r.id}`,
  };
}

interface WmtsStored {
  enabled: boolean;
  layer: 'vec' | 'img' | 'ter';
  key: string | null;
}

async function readWmts(db: Knex): Promise<WmtsStored> {
  const row: { value: string } | undefined = await db('map_settings').where({ key: 'wmts' }).first('value');
  const v = row ? (JSON.parse(row.value) as Partial<WmtsStored>) : {};
  return { enabled: v.enabled === true, layer: v.layer ?? 'vec', key: v.key ?? null };
}

/**
 * The online WMTS layer is on (enabled, with a key): the page's Content-Security-Policy then allows the
 * 天地图 tile hosts as image sources. One primary-key read, asked only when a page (HTML) is served.
 */
export async function wmtsTilesAllowed(db: Knex): Promise<boolean> {
  const w = await readWmts(db);
  return w.enabled && !!w.key;
}

/**
 * 天地图 WMTS (CGCS2000 ≈ WGS-84, the same datum we store: no offset). The app only ever builds this URL
 * when an admin enabled it with a key; otherwise no tile is requested from the network.
 */
function wmtsView(w: WmtsStored) {
  const on = w.enabled && !!w.key;
  const url = (layer: string) => tiandituTileUrl(layer, w.key ?? '');
  const annotation = { vec: 'cva', img: 'cia', ter: 'cta' }[w.layer];
  return {
    enabled: on,
    provider: 'tianditu' as const,
    layer: w.layer,
    hasKey: !!w.key,
    urlTemplate: on ? url(w.layer) : null,
    annotationTemplate: on ? url(annotation) : null,
  };
}

export const basemapImpls: DomainImpls<'basemap'> = {
  'basemap.get': async (_input, ctx) => {
    const rows: PackageRow[] = await ctx.db('basemap_packages').orderBy('id').select();
    return { mbtiles: rows.map(toSet), wmts: wmtsView(await readWmts(ctx.db)) };
  },
  'basemap.addMbtiles': async ({ path: file, name }, ctx) => {
    if (await ctx.db('basemap_packages').where({ file_path: file }).first('id')) throw new CoreError('CONFLICT', '该 MBTiles 文件已添加', { field: 'path' });
    const info = await inspectMbtiles(ctx.node.tiles, file);
    const [id] = await ctx.db('basemap_packages').insert({
      name: name ?? info.name,
      file_path: file,
      format: info.format,
      min_zoom: info.minZoom,
      max_zoom: info.maxZoom,
      bounds: info.bounds ? info.bounds.join(',') : null,
      attribution: info.attribution,
      added_at: ctx.now.toISOString(),
    });
    await ctx.audit({ action: 'basemap.add', entity: 'basemap_package', entityId: String(id), detail: { path: file, format: info.format } });
    const row: PackageRow = await ctx.db('basemap_packages').where({ id }).first();
    return toSet(row);
  },
  'basemap.removeMbtiles': async ({ id }, ctx) => {
    const row: PackageRow | undefined = await ctx.db('basemap_packages').where({ id }).first();
    if (!row) throw new CoreError('NOT_FOUND', '没有该底图包');
    await ctx.db('basemap_packages').where({ id }).delete();
    await ctx.audit({ action: 'basemap.remove', entity: 'basemap_package', entityId: String(id), detail: { path: row.file_path } });
    await ctx.node.tiles.close(row.file_path);
    return { ok: true as const };
  },
  'basemap.setWmts': async ({ enabled, layer, key }, ctx) => {
    const current = await readWmts(ctx.db);
    const next: WmtsStored = { enabled, layer, key: key === undefined ? current.key : key === '' ? null : key.toLowerCase() };
    if (next.enabled && !next.key) throw new CoreError('INVALID_INPUT', '启用天地图须先填写密钥', { field: 'key' });
    await ctx.db('map_settings').insert({ key: 'wmts', value: JSON.stringify(next) }).onConflict('key').merge();
    // The key itself never goes into the audit log.
    await ctx.audit({ action: 'basemap.wmts', entity: 'map_settings', entityId: 'wmts', detail: { enabled: next.enabled, layer, keyChanged: key !== undefined } });
    return wmtsView(next);
  },
};

const INT = /^\d{1,10}$/;

/**
 * One raster tile of a registered MBTiles package, for the desktop protocol and the HTTP route. Takes
 * strings straight from a URL: anything that is not a small integer, an unregistered set, or a tile
 * outside the zoom's range is null (404), never an error page or a path.
 */
export async function readTile(
  files: TileFiles,
  db: Knex,
  set: string | number,
  z: string | number,
  x: string | number,
  y: string | number,
): Promise<{ data: Buffer; contentType: string } | null> {
  const [s, zz, xx, yy] = [set, z, x, y].map(String);
  if (![s, zz, xx, yy].every((v) => INT.test(v!))) return null;
  const zi = Number(zz);
  const xi = Number(xx);
  const yi = Number(yy);
  if (zi > 24 || xi >= 2 ** zi || yi >= 2 ** zi) return null;
  const row: Pick<PackageRow, 'file_path' | 'format'> | undefined = await db('basemap_packages').where({ id: Number(s) }).first('file_path', 'format');
  if (!row) return null;
  try {
    const data = await readMbtilesTile(files, row.file_path, zi, xi, yi);
    return data ? { data, contentType: TILE_CONTENT_TYPES[row.format] } : null;
  } catch {
    return null;
  }
}
