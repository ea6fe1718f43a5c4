import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY } from './roles';

/** Importing division outlines and grid boundaries from GIS files, with a validation report. */

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

export const boundaryHandlers = {
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
