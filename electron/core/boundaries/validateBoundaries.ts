import type { Knex } from 'knex';
import type { ValidationProblem } from '../../../shared/contract/boundaries';
import type { Jurisdiction } from '../jurisdiction/divisions';
import { codePrefix, levelOfCode, parentOfCode, type DivisionLevel } from '../../../shared/domain/divisionCodes';
import { areasOverlap, bboxesMeet, distanceToBoundary, geometryBbox, outerRings, parseAreaGeometry, placeInArea, type AreaGeometry, type Bbox } from '../../../shared/domain/geometry';
import { checkGeometry } from './checkGeometry';
import type { RawFeature } from './readFeatures';

export interface ValidFeature {
  item: number;
  code: string;
  name: string;
  level: DivisionLevel | 'grid';
  parentCode: string | null;
  geometry: AreaGeometry;
  bbox: Bbox;
  exists: boolean;
}

export interface ValidationOptions {
  kind: 'divisions' | 'grids';
  crs: 'wgs84' | 'gcj02';
  codeField: string;
  nameField: string;
  replaceExisting: boolean;
  /** The importing account's jurisdiction: nothing outside it may be written. */
  jurisdiction: Jurisdiction;
}

/** A vertex may stray this far (degrees, ≈1 m) outside its parent: coordinates rounded to 6 decimals. */
const TOLERANCE_DEG = 1e-5;

/** Codes as published: 6 (county), 9 (township) or 12 digits for divisions; 15 for grids. */
function normaliseCode(raw: unknown, kind: 'divisions' | 'grids'): string | null {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (kind === 'grids') return /^\d{15}$/.test(s) ? s : null;
  if (/^\d{6}$|^\d{9}$|^\d{12}$/.test(s)) return s.padEnd(12, '0');
  return null;
}

/**
 * Everything wrong with a boundary file, feature by feature, before anything is written: codes (format,
 * duplicates, parents, already present, inside the account's area), geometry (valid, not self-
 * intersecting), grids inside their village and not overlapping their neighbours.
 */
export async function validateBoundaries(db: Knex, raws: RawFeature[], o: ValidationOptions): Promise<{ valid: ValidFeature[]; problems: ValidationProblem[] }> {
  const problems: ValidationProblem[] = [];
  const candidates: ValidFeature[] = [];
  const seen = new Map<string, number>();
  const push = (item: number, code: string | null, kind: ValidationProblem['kind'], message: string) => problems.push({ item, code, kind, message });

  raws.forEach((f, i) => {
    const item = i + 1;
    const rawCode = f.properties[o.codeField];
    if (rawCode === undefined || rawCode === null || rawCode === '') return push(item, null, 'missing_field', `缺少编码字段“${o.codeField}”`);
    const code = normaliseCode(rawCode, o.kind);
    if (!code) return push(item, String(rawCode), 'bad_code', o.kind === 'grids' ? `网格编码须为15位数字：${String(rawCode)}` : `区划代码须为6、9或12位数字：${String(rawCode)}`);
    const name = String(f.properties[o.nameField] ?? '').trim();
    if (!name) return push(item, code, 'missing_field', `缺少名称字段“${o.nameField}”`);
    const earlier = seen.get(code);
    if (earlier !== undefined) return push(item, code, 'duplicate_code', `编码 ${code} 与第 ${earlier} 个要素重复`);
    seen.set(code, item);
    if (o.kind === 'grids' && levelOfCode(code.slice(0, 12)) !== 'village') return push(item, code, 'bad_code', `网格编码的前12位须为村级区划代码：${code}`);
    if (!o.jurisdiction.covers(code.slice(0, 12))) return push(item, code, 'bad_code', `编码 ${code} 不在本辖区内`);
    const verdict = checkGeometry(f.geometry, o.crs);
    if (!verdict.ok) return push(item, code, verdict.kind, verdict.message);
    const level = o.kind === 'grids' ? 'grid' : levelOfCode(code);
    const parentCode = o.kind === 'grids' ? code.slice(0, 12) : parentOfCode(code);
    candidates.push({ item, code, name, level, parentCode, geometry: verdict.geometry, bbox: geometryBbox(verdict.geometry), exists: false });
  });

  // Existing rows: codes already present, and the parents' outlines.
  const codes = candidates.map((c) => c.code);
  const table = o.kind === 'grids' ? 'grids' : 'divisions';
  const existing = new Set<string>();
  for (let i = 0; i < codes.length; i += 400) {
    const rows: Array<{ code: string }> = await db(table).whereIn('code', codes.slice(i, i + 400)).select('code');
    for (const r of rows) existing.add(r.code);
  }
  const parentCodes = [...new Set(candidates.map((c) => c.parentCode).filter((c): c is string => c !== null))];
  const parents = new Map<string, { level: string; outline: AreaGeometry | null }>();
  for (let i = 0; i < parentCodes.length; i += 400) {
    const rows: Array<{ code: string; level: string; outline: string | null }> = await db('divisions').whereIn('code', parentCodes.slice(i, i + 400)).select('code', 'level', 'outline');
    for (const r of rows) parents.set(r.code, { level: r.level, outline: r.outline ? parseAreaGeometry(r.outline) : null });
  }
  const inFile = new Map(candidates.map((c) => [c.code, c]));

  const survivors: ValidFeature[] = [];
  for (const c of candidates) {
    c.exists = existing.has(c.code);
    if (c.exists && !o.replaceExisting) {
      push(c.item, c.code, 'exists', `编码 ${c.code} 已存在（如需更新边界，请勾选“替换已有边界”）`);
      continue;
    }
    const parent = c.parentCode ? (parents.get(c.parentCode) ?? (inFile.has(c.parentCode) ? { level: '', outline: inFile.get(c.parentCode)!.geometry } : undefined)) : undefined;
    if (c.parentCode && !parent) {
      push(c.item, c.code, 'unknown_parent', o.kind === 'grids' ? `所属村 ${c.parentCode} 不存在，请先导入区划` : `上级区划 ${c.parentCode} 不存在`);
      continue;
    }
    if (parent?.outline) {
      const outside = outerRings(c.geometry).flat().filter(([x, y]) => placeInArea(x, y, parent.outline!) === 'out' && distanceToBoundary(x, y, parent.outline!) > TOLERANCE_DEG);
      if (outside.length > 0) {
        push(c.item, c.code, 'outside_parent', `${o.kind === 'grids' ? '网格' : '区划'} ${c.code} 有 ${outside.length} 个顶点在上级 ${c.parentCode} 的边界之外`);
        continue;
      }
    }
    survivors.push(c);
  }
  if (o.kind === 'grids') return { valid: dropOverlaps(survivors, await existingNeighbours(db, survivors), problems), problems };
  return { valid: survivors, problems };
}

/** Grids already stored in the villages being imported into (the ones this file does not replace). */
async function existingNeighbours(db: Knex, grids: ValidFeature[]): Promise<Array<{ code: string; geometry: AreaGeometry; bbox: Bbox }>> {
  const villages = [...new Set(grids.map((g) => g.parentCode!))];
  const replacing = new Set(grids.map((g) => g.code));
  const out: Array<{ code: string; geometry: AreaGeometry; bbox: Bbox }> = [];
  for (let i = 0; i < villages.length; i += 400) {
    const rows: Array<{ code: string; polygon: string }> = await db('grids').whereIn('village_code', villages.slice(i, i + 400)).select('code', 'polygon');
    for (const r of rows) {
      const g = parseAreaGeometry(r.polygon);
      if (g && !replacing.has(r.code)) out.push({ code: r.code, geometry: g, bbox: geometryBbox(g) });
    }
  }
  return out;
}

/** Grids of one village may touch but not overlap (each point belongs to one grid and one worker). */
function dropOverlaps(grids: ValidFeature[], stored: Array<{ code: string; geometry: AreaGeometry; bbox: Bbox }>, problems: ValidationProblem[]): ValidFeature[] {
  const bad = new Set<string>();
  const byVillage = new Map<string, Array<{ code: string; geometry: AreaGeometry; bbox: Bbox; item?: number }>>();
  for (const g of [...grids, ...stored]) {
    const v = codePrefix(g.code.slice(0, 12));
    const list = byVillage.get(v) ?? [];
    list.push(g);
    byVillage.set(v, list);
  }
  for (const list of byVillage.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.item === undefined && b.item === undefined) continue;
        if (!bboxesMeet(a.bbox, b.bbox) || !areasOverlap(a.geometry, b.geometry)) continue;
        const mine = a.item !== undefined ? a : b;
        const other = mine === a ? b : a;
        problems.push({ item: mine.item!, code: mine.code, kind: 'overlap', message: `网格 ${mine.code} 与网格 ${other.code} 重叠` });
        bad.add(mine.code);
      }
    }
  }
  return grids.filter((g) => !bad.has(g.code));
}
