import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES, ADMIN_ONLY } from './roles';
import { Bbox } from './map';

/**
 * The base map under the boundaries: raster MBTiles packages registered on this machine (served by the
 * core) and the online 天地图 WMTS layer, off unless an admin turns it on.
 */

export const MbtilesSet = z.object({
  id: z.number().int(),
  name: z.string(),
  path: z.string(),
  format: z.enum(['png', 'jpg', 'webp']),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  bounds: Bbox.nullable(),
  attribution: z.string().nullable(),
  /** Fetch tiles from `${tileBase}/${id}/{z}/{x}/{y}` (HTTP) or the desktop protocol (same path). */
  tilePath: z.string(),
});
export type MbtilesSet = z.infer<typeof MbtilesSet>;

export const WmtsConfig = z.object({
  enabled: z.boolean(),
  provider: z.literal('tianditu'),
  /** 天地图 layer: vec (矢量), img (影像), ter (地形). */
  layer: z.enum(['vec', 'img', 'ter']),
  hasKey: z.boolean(),
  /** Leaflet URL template with the key, only when enabled (the renderer fetches the tiles itself). */
  urlTemplate: z.string().nullable(),
  annotationTemplate: z.string().nullable(),
});

export const basemapHandlers = {
  'basemap.get': handler({
    summary: 'The registered MBTiles packages and the online WMTS setting (off unless an admin turned it on).',
    input: z.object({}).strict(),
    output: z.object({ mbtiles: z.array(MbtilesSet), wmts: WmtsConfig }),
    access: ALL_ROLES,
    writes: false,
  }),
  'basemap.addMbtiles': handler({
    summary: 'Register an MBTiles file on this machine (checked: a SQLite file with metadata and tiles tables).',
    input: z
      .object({
        path: z.string().trim().min(1, '请输入文件路径').max(1000).regex(/\.mbtiles$/i, '文件须以 .mbtiles 结尾'),
        name: z.string().trim().min(1).max(60).optional(),
      })
      .strict(),
    output: MbtilesSet,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'basemap.removeMbtiles': handler({
    summary: 'Unregister an MBTiles package (the file itself is left alone).',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'basemap.setWmts': handler({
    summary: 'Turn the online 天地图 WMTS layer on or off and store the key. Off by default.',
    input: z
      .object({
        enabled: z.boolean(),
        layer: z.enum(['vec', 'img', 'ter']).default('vec'),
        /** Omit to keep the stored key; empty string to remove it. */
        key: z.string().trim().regex(/^([0-9a-f]{32})?$/i, '天地图密钥须为32位十六进制').optional(),
      })
      .strict(),
    output: WmtsConfig,
    access: ADMIN_ONLY,
    writes: true,
  }),
};
