import { z } from 'zod';

/**
 * The service-point directory's categories, as the source report (成绩单) counts them: governance
 * centers at four levels, the public legal service network (county center → township station → village
 * point → volunteer points in the grids), psychological counselling, volunteer patrols and police rooms.
 * Mediation committees live in `mediation_orgs`, not here.
 */
export const SERVICE_POINT_LEVELS = ['city', 'county', 'township', 'village', 'grid'] as const;
export type ServicePointLevel = (typeof SERVICE_POINT_LEVELS)[number];

export interface ServicePointCategoryInfo {
  code: string;
  zh: string;
  /** The level a point of this category usually sits at (the first of `levels`). */
  level: ServicePointLevel;
  /** Every level a point of this category may sit at. */
  levels: readonly ServicePointLevel[];
}

export const SERVICE_POINT_CATEGORIES = [
  { code: 'governance_center', zh: '综治中心', level: 'township', levels: ['township', 'city', 'county', 'village'] },
  { code: 'legal_center', zh: '公共法律服务中心', level: 'county', levels: ['county', 'city'] },
  { code: 'legal_station', zh: '公共法律服务工作站', level: 'township', levels: ['township'] },
  { code: 'legal_point', zh: '公共法律服务工作点', level: 'village', levels: ['village'] },
  { code: 'legal_volunteer', zh: '法律服务志愿点', level: 'grid', levels: ['grid', 'village'] },
  { code: 'counseling_room', zh: '心理咨询室', level: 'township', levels: ['township', 'county', 'village'] },
  { code: 'grid_counseling', zh: '网格心理服务点', level: 'grid', levels: ['grid'] },
  { code: 'patrol_team', zh: '义务巡逻队', level: 'village', levels: ['village', 'township'] },
  { code: 'police_room', zh: '警务室', level: 'village', levels: ['village', 'township'] },
] as const satisfies readonly ServicePointCategoryInfo[];

export type ServicePointCategory = (typeof SERVICE_POINT_CATEGORIES)[number]['code'];

export const SERVICE_POINT_CATEGORY_CODES = SERVICE_POINT_CATEGORIES.map((c) => c.code) as [
  ServicePointCategory,
  ...ServicePointCategory[],
];
export const ServicePointCategorySchema = z.enum(SERVICE_POINT_CATEGORY_CODES);
export const ServicePointLevelSchema = z.enum(SERVICE_POINT_LEVELS);

const BY_CODE: ReadonlyMap<string, ServicePointCategoryInfo> = new Map(SERVICE_POINT_CATEGORIES.map((c) => [c.code, c]));

export function servicePointCategory(code: string): ServicePointCategoryInfo | undefined {
  return BY_CODE.get(code);
}

export function isServicePointCategory(code: string): code is ServicePointCategory {
  return BY_CODE.has(code);
}

/**
 * The Chinese label (the core's exports, printouts and messages), or the code itself for a category this
 * version does not know (e.g. from a newer node). The UI's labels, English included, are its own i18n's.
 */
export function servicePointLabel(code: string): string {
  return BY_CODE.get(code)?.zh ?? code;
}

/** Whether a point of this category may sit at this level (import checks, forms). */
export function isAllowedServicePointLevel(code: string, level: string): boolean {
  const c = BY_CODE.get(code);
  return !!c && (c.levels as readonly string[]).includes(level);
}
