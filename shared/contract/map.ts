import { z } from 'zod';
import { CHINA_BOUNDS } from '../domain/geometry';
import { handler } from './define';
import { ALL_ROLES } from './roles';
import { DivisionCode } from '../domain/divisionCodes';
import { QueueFilter } from './disputes/schemas';
import { ServicePointCategorySchema } from '../domain/servicePoints';

/**
 * The map's data. Geometry is sent in the compact encoding of shared/domain/mapEncoding.ts (decode with
 * `decodeBoundaryLayer` / `decodePointLayer` in shared/domain/mapLayers.ts); live figures (open disputes,
 * warnings) come separately so the boundaries can be cached by `version` and only the numbers refetched.
 */
export const MapLevel = z.enum(['county', 'township', 'village', 'grid']);
export type MapLevel = z.infer<typeof MapLevel>;

export const Quantization = z.object({
  scale: z.tuple([z.number(), z.number()]),
  translate: z.tuple([z.number(), z.number()]),
});

const Zoom = z.number().int('缩放级别须为整数').min(0, '缩放级别须为0-20').max(20, '缩放级别须为0-20');
/** [minLon, minLat, maxLon, maxLat] */
export const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const Lon = z.number().min(CHINA_BOUNDS.minLon, '经度超出中国范围').max(CHINA_BOUNDS.maxLon, '经度超出中国范围');
const Lat = z.number().min(CHINA_BOUNDS.minLat, '纬度超出中国范围').max(CHINA_BOUNDS.maxLat, '纬度超出中国范围');

export const BoundaryLayer = z.object({
  /** Changes whenever the boundaries change: cache by (level, parentCode, detail, version). */
  version: z.string(),
  level: MapLevel,
  /** The simplification tier actually used (a zoom; 'full' = every stored vertex). */
  detail: z.union([z.number().int(), z.literal('full')]),
  quantization: Quantization,
  /** Encoded arcs (mapEncoding.encodeArcs). */
  arcs: z.string(),
  /** How many features. */
  count: z.number().int(),
  /** Feature codes, sorted, encoded (mapEncoding.encodeCodes). */
  codes: z.string(),
  /** Feature names, in the order of the codes. */
  names: z.array(z.string()),
  /** Encoded arc references (mapEncoding.encodeShapes). */
  shapes: z.string(),
  /** Bounding box of the whole layer, to fit the view: [minLon, minLat, maxLon, maxLat]. */
  bbox: Bbox.nullable(),
});
export type BoundaryLayer = z.infer<typeof BoundaryLayer>;

export const MapMeasure = z.enum(['openDisputes', 'redWarnings', 'population']);

export const PointLayer = z.object({
  quantization: Quantization,
  count: z.number().int(),
  /** Encoded positions (mapEncoding.encodePoints). */
  positions: z.string(),
  /** Ids in the same order (mapEncoding.encodeInts, delta). */
  ids: z.string(),
  /** Per point an index into `kinds` (a service point's category; a dispute's warning level), encodeInts. */
  kind: z.string(),
  kinds: z.array(z.string()),
  /** Per point an index into `subKinds` (a dispute's category); empty for service points. */
  subKind: z.string(),
  subKinds: z.array(z.string()),
  /** How many matched but have no location (cannot be drawn). */
  withoutLocation: z.number().int(),
});
export type PointLayer = z.infer<typeof PointLayer>;

/**
 * The queue's filter (shared/contract/disputesSchemas.ts QueueFilter), the fields that make sense on a map,
 * so the queue's current filter can be passed as is. One difference: omitted `statuses` = the OPEN statuses
 * here (the map shows open disputes), every status in the queue.
 */
export const DisputeMapFilter = QueueFilter.pick({
  statuses: true,
  categories: true,
  warnings: true,
  sources: true,
  countyCode: true,
  townshipCode: true,
  villageCode: true,
  gridId: true,
}).strict();
export type DisputeMapFilter = z.infer<typeof DisputeMapFilter>;

export const SearchHit = z.object({
  kind: z.enum(['grid', 'division', 'servicePoint']),
  /** Grid code, division code, or the service point's id as a string. */
  key: z.string(),
  name: z.string(),
  /** Where it is, e.g. "赫山区 · 龙光桥街道 · 石门村". */
  context: z.string(),
  level: z.string(),
  center: z.tuple([z.number(), z.number()]).nullable(),
  bbox: Bbox.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const mapHandlers = {
  'map.boundaries': handler({
    summary:
      'Boundaries of one level (county/township/village/grid) inside a division, simplified for a zoom with shared edges kept, in the compact topology encoding.',
    input: z
      .object({
        level: MapLevel,
        /** Only the features inside this division (default: the account's division). */
        parentCode: DivisionCode.optional(),
        zoom: Zoom.default(10),
      })
      .strict(),
    output: BoundaryLayer,
    access: ALL_ROLES,
    writes: false,
  }),
  'map.measures': handler({
    summary: 'Live figures per feature of a level (open disputes, red warnings, population), to colour the boundaries.',
    input: z.object({ level: MapLevel, parentCode: DivisionCode.optional() }).strict(),
    output: z.object({
      codes: z.array(z.string()),
      openDisputes: z.array(z.number().int()),
      redWarnings: z.array(z.number().int()),
      population: z.array(z.number().int()),
    }),
    access: ALL_ROLES,
    writes: false,
  }),
  'map.servicePoints': handler({
    summary: 'Service points as map points (compact), optionally of some categories inside a division.',
    input: z
      .object({
        category: z.array(ServicePointCategorySchema).max(20).optional(),
        divisionCode: DivisionCode.optional(),
      })
      .strict(),
    output: PointLayer,
    access: ALL_ROLES,
    writes: false,
  }),
  'map.disputes': handler({
    summary:
      'Disputes as map points with warning level and category (compact), filtered like the queue; mediators see only their own cases. The wall gets one point per grid (its centre, the grid id, the highest warning): never a case id or point.',
    input: DisputeMapFilter,
    output: PointLayer,
    access: ALL_ROLES,
    writes: false,
  }),
  'map.search': handler({
    summary: 'Find grids (by code or name), divisions and service points by name: prefix or substring, any length.',
    input: z
      .object({
        q: z.string().trim().min(1, '请输入要搜索的名称或编码').max(40, '搜索词最多40个字'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ hits: z.array(SearchHit) }),
    access: ALL_ROLES,
    writes: false,
  }),
  'map.locate': handler({
    summary: 'The grid (and its village, township, county) that contains a WGS-84 point, or null.',
    input: z.object({ lon: Lon, lat: Lat }).strict(),
    output: z.object({
      grid: z
        .object({
          gridId: z.number().int(),
          gridCode: z.string(),
          gridName: z.string(),
          villageCode: z.string(),
          villageName: z.string(),
          townshipCode: z.string(),
          townshipName: z.string(),
          countyCode: z.string(),
          countyName: z.string(),
        })
        .nullable(),
    }),
    access: ALL_ROLES,
    writes: false,
  }),
};
