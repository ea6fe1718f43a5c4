import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, ALL_ROLES } from './roles';
import { GridCode } from '../domain/divisionCodes';

export const GridWorker = z.object({
  name: z.string(),
  /** Masked by role (shared/domain masking); null when there is none on file. */
  phone: z.string().nullable(),
  title: z.string().nullable(),
});

export const NearbyPoint = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  phone: z.string().nullable(),
  distanceM: z.number().int(),
});
export type NearbyPoint = z.infer<typeof NearbyPoint>;

export const GridCard = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  /** Empty for the wall display (no personal data at all); `workerCount` still says how many. */
  workers: z.array(GridWorker),
  workerCount: z.number().int(),
  households: z.number().int(),
  population: z.number().int(),
  wechatGroups: z.number().int(),
  wechatMembers: z.number().int(),
  openDisputes: z.number().int(),
  redWarnings: z.number().int(),
  center: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Service points within `nearbyRadiusM` of the grid's centre, nearest first. */
  nearbyPoints: z.array(NearbyPoint),
  nearbyRadiusM: z.number().int(),
});
export type GridCard = z.infer<typeof GridCard>;

export const ValidationProblem = z.object({
  /** Feature number in the file (1-based), or row number for spreadsheets. */
  item: z.number().int(),
  code: z.string().nullable(),
  kind: z.enum([
    'bad_code',
    'duplicate_code',
    'unknown_parent',
    'invalid_geometry',
    'self_intersection',
    'outside_parent',
    'overlap',
    'missing_field',
    'exists',
  ]),
  message: z.string(),
});
export type ValidationProblem = z.infer<typeof ValidationProblem>;

export const BoundaryImportReport = z.object({
  kind: z.enum(['divisions', 'grids']),
  features: z.number().int(),
  /** Features that would be (or were) written. */
  valid: z.number().int(),
  problems: z.array(ValidationProblem),
  /** True only when the data was written (all of it, in one transaction). */
  imported: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  convertedFromGcj02: z.boolean(),
});
export type BoundaryImportReport = z.infer<typeof BoundaryImportReport>;

const Base64 = z.string().max(24_000_000, '文件过大（上限约 18 MB）').regex(/^[A-Za-z0-9+/=\r\n]*$/, '文件内容须为 base64');

export const gridHandlers = {
  'grids.card': handler({
    summary:
      "A grid's card: code, village/township, workers with phones masked by role (none for the wall), households, population, WeChat groups, open disputes, nearby service points.",
    input: z
      .object({
        gridId: z.number().int().positive().optional(),
        code: GridCode.optional(),
        nearbyRadiusM: z.number().int().min(100).max(20_000).default(2_000),
      })
      .strict()
      .refine((v) => v.gridId !== undefined || v.code !== undefined, { message: '请指定网格 ID 或网格编码', path: ['gridId'] }),
    output: GridCard,
    access: ALL_ROLES,
    writes: false,
  }),
  'boundaries.import': handler({
    summary:
      'Import divisions or grids from GeoJSON (or a Shapefile .shp + .dbf) with a validation report; writes only when the file is clean (or `mode: "check"` to only report). Nothing is half-imported.',
    input: z
      .object({
        kind: z.enum(['divisions', 'grids']),
        format: z.enum(['geojson', 'shapefile']),
        /** GeoJSON text (format geojson). */
        geojson: z.string().max(60_000_000, 'GeoJSON 过大').optional(),
        /** Base64 of the .shp and .dbf (format shapefile). */
        shp: Base64.optional(),
        dbf: Base64.optional(),
        /** Text encoding of the .dbf attributes: files from Chinese GIS software are often GBK. */
        dbfEncoding: z.enum(['utf-8', 'gbk']).default('utf-8'),
        /** Coordinate system of the file: GCJ-02 (web maps, DataV) is converted to WGS-84 on import. */
        crs: z.enum(['wgs84', 'gcj02']),
        /** Property holding the code (6/9/12-digit division codes are padded to 12) and the name. */
        codeField: z.string().trim().min(1).max(40).default('code'),
        nameField: z.string().trim().min(1).max(40).default('name'),
        mode: z.enum(['check', 'import']).default('check'),
        /** Replace the geometry (and name) of codes that already exist instead of reporting them. */
        replaceExisting: z.boolean().default(false),
      })
      .strict()
      .refine((v) => (v.format === 'geojson' ? v.geojson !== undefined : v.shp !== undefined && v.dbf !== undefined), {
        message: 'GeoJSON 须提供 geojson；Shapefile 须同时提供 shp 与 dbf',
        path: ['format'],
      }),
    output: BoundaryImportReport,
    access: ADMIN_ONLY,
    writes: true,
  }),
};
