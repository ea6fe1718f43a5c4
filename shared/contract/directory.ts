import { z } from 'zod';
import { CHINA_BOUNDS } from '../domain/geometry';
import { handler } from './define';
import { ALL_ROLES, DIRECTORY_EDITORS } from './roles';
import { DivisionCode } from '../domain/divisionCodes';
import { DISPUTE_CATEGORIES } from '../domain/disputeStatus';
import { ServicePointCategorySchema, ServicePointLevelSchema } from '../domain/servicePoints';
import { PHONE_MESSAGE, isServicePhone } from '../domain/phoneNumbers';

export const ServicePoint = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  level: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  townshipCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  gridId: z.number().int().nullable(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  /** A person's name: null for the wall display. */
  contactName: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type ServicePoint = z.infer<typeof ServicePoint>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${max}个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** The editable fields; the same rules for the form, the Excel import and the HTTP API. */
export const ServicePointFields = z.object({
  name: z.string().trim().min(2, '名称至少2个字').max(60, '名称最多60个字'),
  category: ServicePointCategorySchema,
  level: ServicePointLevelSchema,
  divisionCode: DivisionCode,
  address: optionalText(120, '地址'),
  /** WGS-84. Both or neither; when given, must lie inside the division's boundary (if it has one). */
  lon: z.number().min(CHINA_BOUNDS.minLon, '经度超出中国范围').max(CHINA_BOUNDS.maxLon, '经度超出中国范围').nullable().optional(),
  lat: z.number().min(CHINA_BOUNDS.minLat, '纬度超出中国范围').max(CHINA_BOUNDS.maxLat, '纬度超出中国范围').nullable().optional(),
  phone: z
    .string()
    .trim()
    .refine((s) => s === '' || isServicePhone(s), PHONE_MESSAGE)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  hours: optionalText(60, '开放时间'),
  contactName: optionalText(30, '联系人'),
  staffCount: z.number().int('人数须为整数').min(0, '人数不能为负').max(100_000).nullable().optional(),
  notes: optionalText(500, '备注'),
});
export type ServicePointFields = z.infer<typeof ServicePointFields>;

const bothOrNeither = (v: { lon?: number | null | undefined; lat?: number | null | undefined }) =>
  (v.lon === undefined || v.lon === null) === (v.lat === undefined || v.lat === null);

export const DirectoryFilter = z
  .object({
    category: z.array(ServicePointCategorySchema).max(20).optional(),
    /** Points in this division or below it. */
    divisionCode: DivisionCode.optional(),
    /** Name or address contains this (any length, 1 character works). */
    q: z.string().trim().max(40, '搜索词最多40个字').optional(),
  })
  .strict();
export type DirectoryFilter = z.infer<typeof DirectoryFilter>;

export const HelpPoint = z.object({
  kind: z.enum(['servicePoint', 'mediationOrg']),
  id: z.number().int(),
  name: z.string(),
  /** A service-point category code, or 'mediation_committee'. */
  category: z.string(),
  categoryName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  distanceM: z.number().int(),
});
export type HelpPoint = z.infer<typeof HelpPoint>;

export const ExcelImportReport = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  /** Row numbers as Excel shows them (the header is row 1); column = the Chinese header. */
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** Rows written: new points and updated ones (rows with an existing 编号). */
  inserted: z.number().int(),
  updated: z.number().int(),
});
export type ExcelImportReport = z.infer<typeof ExcelImportReport>;

export const directoryHandlers = {
  'directory.list': handler({
    summary: 'A page of the service-point directory, filtered by category, division and name, sorted for AG Grid.',
    input: DirectoryFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      sort: z.enum(['name', 'category', 'division', 'updated']).default('division'),
      desc: z.boolean().default(false),
    }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(ServicePoint) }),
    access: ALL_ROLES,
    writes: false,
  }),
  'directory.get': handler({
    summary: 'One service point.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: ServicePoint,
    access: ALL_ROLES,
    writes: false,
  }),
  'directory.create': handler({
    summary: 'Add a service point (validated: phone formats, category level, location inside its division).',
    input: ServicePointFields.strict().refine(bothOrNeither, { message: '经度和纬度须同时填写', path: ['lon'] }),
    output: ServicePoint,
    access: DIRECTORY_EDITORS,
    writes: true,
  }),
  'directory.update': handler({
    summary: 'Change some fields of a service point (same validation as create).',
    input: ServicePointFields.partial()
      .extend({ id: z.number().int().positive() })
      .strict()
      .refine(bothOrNeither, { message: '经度和纬度须同时填写', path: ['lon'] }),
    output: ServicePoint,
    access: DIRECTORY_EDITORS,
    writes: true,
  }),
  'directory.delete': handler({
    summary: 'Remove a service point.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: DIRECTORY_EDITORS,
    writes: true,
  }),
  'directory.whoCanHelp': handler({
    summary:
      'For a dispute (its location and category) or a point on the map: the nearest service points and mediation committees of the kinds that fit the category, with distance in metres.',
    input: z
      .object({
        disputeId: z.number().int().positive().optional(),
        lon: z.number().min(CHINA_BOUNDS.minLon).max(CHINA_BOUNDS.maxLon).optional(),
        lat: z.number().min(CHINA_BOUNDS.minLat).max(CHINA_BOUNDS.maxLat).optional(),
        /** Overrides the dispute's category; without one, every kind of help. */
        disputeCategory: z.enum(DISPUTE_CATEGORIES).optional(),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .strict()
      .refine((v) => v.disputeId !== undefined || (v.lon !== undefined && v.lat !== undefined), {
        message: '请指定纠纷或地图上的位置（经纬度）',
        path: ['disputeId'],
      }),
    output: z.object({
      from: z.tuple([z.number(), z.number()]),
      disputeCategory: z.string().nullable(),
      categories: z.array(z.string()),
      points: z.array(HelpPoint),
    }),
    access: ALL_ROLES,
    writes: false,
  }),
  'directory.importExcel': handler({
    summary:
      'Import service points from .xlsx (the export layout, Chinese headers) with a row-by-row error report; nothing is written unless every row is good, or `onlyGoodRows`.',
    input: z
      .object({
        contentBase64: z.string().min(1, '请选择文件').max(24_000_000, '文件过大').regex(/^[A-Za-z0-9+/=\r\n]*$/, '文件内容须为 base64'),
        mode: z.enum(['check', 'import']).default('check'),
        onlyGoodRows: z.boolean().default(false),
        /** Coordinates in the sheet: WGS-84 (as exported) or GCJ-02 (picked on a web map), converted. */
        crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
      })
      .strict(),
    output: ExcelImportReport,
    access: DIRECTORY_EDITORS,
    writes: true,
  }),
  'directory.exportExcel': handler({
    summary: 'The filtered directory as an .xlsx file (Chinese headers, the layout the import reads).',
    input: DirectoryFilter,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    access: ALL_ROLES,
    writes: false,
  }),
  'directory.printable': handler({
    summary: 'The filtered directory as a printable A4 HTML page (local Chinese fonts only), grouped by division.',
    input: DirectoryFilter,
    output: z.object({ html: z.string(), rows: z.number().int() }),
    access: ALL_ROLES,
    writes: false,
  }),
};
