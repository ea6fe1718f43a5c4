import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES } from './roles';
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
};
