import type { Knex } from 'knex';
import { codePrefix, levelOfCode } from '../../../shared/domain/divisionCodes';
import type { Jurisdiction } from '../jurisdiction/divisions';
import { parseAreaGeometry, placeInArea } from '../../../shared/domain/geometry';
import { isAllowedServicePointLevel, servicePointLabel } from '../../../shared/domain/servicePoints';
import { findGridForPoint, type GridPlacement } from '../grids/pointToGrid';

export interface PlacementInput {
  category: string;
  level: string;
  divisionCode: string;
  lon?: number | null;
  lat?: number | null;
}

export interface Placement {
  townshipCode: string | null;
  countyCode: string | null;
  gridId: number | null;
}

export type FieldIssue = { field: string; message: string };

/** The division level a point of this level belongs to (grid-level points sit in a village). */
const DIVISION_LEVEL_FOR: Record<string, string> = { city: 'city', county: 'county', township: 'township', village: 'village', grid: 'village' };

/**
 * The rules no schema can check alone: the category allows the level, the division exists, is inside
 * the account's area and matches the level, and the location lies inside the division (its outline when
 * it has one, else its grids). Returns the issues (empty = fine) and where the point sits.
 */
export async function checkPlacement(
  db: Knex,
  jurisdiction: Jurisdiction,
  p: PlacementInput,
  /** One point at a time by SQL by default; bulk imports pass the in-memory index (gridIndex.ts). */
  locate: (lon: number, lat: number) => Promise<GridPlacement | null> | GridPlacement | null = (lon, lat) => findGridForPoint(db, lon, lat),
): Promise<{ issues: FieldIssue[]; placement: Placement }> {
  const issues: FieldIssue[] = [];
  const placement: Placement = { townshipCode: null, countyCode: null, gridId: null };
  if (!isAllowedServicePointLevel(p.category, p.level)) {
    issues.push({ field: 'level', message: `${servicePointLabel(p.category)}不能设在“${LEVEL_ZH[p.level] ?? p.level}”级` });
  }
  const division: { code: string; level: string; outline: string | null } | undefined = await db('divisions').where({ code: p.divisionCode }).first('code', 'level', 'outline');
  if (!division) {
    issues.push({ field: 'divisionCode', message: `没有代码为 ${p.divisionCode} 的区划` });
    return { issues, placement };
  }
  if (!jurisdiction.covers(division.code)) issues.push({ field: 'divisionCode', message: '只能在本辖区内登记服务点' });
  if (DIVISION_LEVEL_FOR[p.level] !== division.level) {
    issues.push({ field: 'divisionCode', message: `“${LEVEL_ZH[p.level] ?? p.level}”级服务点须属于${LEVEL_ZH[DIVISION_LEVEL_FOR[p.level] ?? ''] ?? ''}级区划` });
  }
  const lvl = levelOfCode(division.code);
  if (lvl === 'township' || lvl === 'village') placement.townshipCode = division.code.slice(0, 9) + '000';
  if (lvl === 'county' || lvl === 'township' || lvl === 'village') placement.countyCode = division.code.slice(0, 6) + '000000';

  if (p.lon != null && p.lat != null) {
    const grid = await locate(p.lon, p.lat);
    if (grid && grid.villageCode.startsWith(codePrefix(division.code))) placement.gridId = grid.gridId;
    const outline = division.outline ? parseAreaGeometry(division.outline) : null;
    let inside: boolean | null = null;
    if (outline) inside = placeInArea(p.lon, p.lat, outline) !== 'out';
    else {
      // No outline stored: the division's grids stand for it, if it has any.
      const hasGrids = await db('grids').where('village_code', 'like', `${codePrefix(division.code)}%`).first('id');
      if (hasGrids) inside = !!grid && grid.villageCode.startsWith(codePrefix(division.code));
    }
    if (inside === false) issues.push({ field: 'lon', message: '位置不在所属区划的边界内，请核对经纬度或所属区划' });
  }
  return { issues, placement };
}

export const LEVEL_ZH: Record<string, string> = { city: '市', county: '县', township: '乡镇', village: '村', grid: '网格' };
