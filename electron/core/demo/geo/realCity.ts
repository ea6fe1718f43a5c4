import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { gcj02GeometryToWgs84, gcj02ToWgs84 } from '../../../../shared/domain/coordinates';
import type { AreaGeometry, LonLat } from '../../../../shared/domain/geometry';
import { toDivisionCode } from '../../../../shared/domain/divisionCodes';
import type { CityPlan, CountyPlan, TownshipKind } from './cityPlan';

/**
 * The real-data option: a city's county and township names and codes from a CSV (code,name,level,
 * parent_code, as published by the NBS) and, optionally, county outlines from a GeoJSON export in GCJ-02
 * (DataV GeoAtlas style: properties.adcode, properties.center). Read in place; nothing is copied into the
 * project.
 */

interface CsvRow {
  code: string;
  name: string;
  level: string;
  parentCode: string;
}

/** Minimal CSV: comma-separated, fields optionally in double quotes ("" inside quotes is a quote). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const fields: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        fields.push(cur);
        cur = '';
      } else cur += ch;
    }
    fields.push(cur);
    rows.push(fields.map((f) => f.trim()));
  }
  return rows;
}

function readDivisionRows(csvPath: string): CsvRow[] {
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`${csvPath}: 缺少列 ${name}（需要 code,name,level,parent_code）`);
    return i;
  };
  const [ci, ni, li, pi] = [col('code'), col('name'), col('level'), col('parent_code')];
  return rows.map((r, k) => {
    const row = { code: r[ci] ?? '', name: r[ni] ?? '', level: r[li] ?? '', parentCode: r[pi] ?? '' };
    if (!/^\d{6,12}$/.test(row.code) || !row.name) throw new Error(`${csvPath} 第 ${k + 2} 行: 区划代码或名称无效`);
    return row;
  });
}

function townshipKind(name: string): TownshipKind {
  if (name.endsWith('街道')) return 'subdistrict';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'other'; // 管理处, 开发区, 产业园, 事务中心 …: run like towns
}

/** The city, its county-level units and their townships, in code order. */
export function readRealPlan(csvPath: string): CityPlan {
  const rows = readDivisionRows(csvPath);
  const cities = rows.filter((r) => r.level === 'city');
  if (cities.length !== 1) throw new Error(`${csvPath}: 须恰有一个 city 级区划，实有 ${cities.length} 个`);
  const city = cities[0]!;
  const cityCore = city.name.replace(/市$/, '');
  const counties = rows.filter((r) => r.level === 'county' && r.parentCode === city.code).sort((a, b) => a.code.localeCompare(b.code));
  const usedMarks = new Set<string>();
  const plans: CountyPlan[] = counties.map((c) => {
    const townships = rows
      .filter((r) => r.level === 'township' && r.parentCode === c.code)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((t) => ({ kind: townshipKind(t.name), code: toDivisionCode(t.code), name: t.name }));
    if (townships.length === 0) throw new Error(`${csvPath}: ${c.name} 下没有乡镇级区划`);
    // "益阳市大通湖管理区" → 大, "湖南益阳高新技术产业园区" → 高: drop the province and city words first.
    const bare = c.name.replace(/^湖南省?/, '').replace(city.name, '').replace(cityCore, '') || c.name;
    let mark = bare[0]!;
    if (usedMarks.has(mark)) mark = bare.slice(0, 2);
    usedMarks.add(mark);
    return {
      code: toDivisionCode(c.code),
      name: c.name,
      abbreviation: mark,
      urban: /区$/.test(c.name) && !/管理区$/.test(c.name),
      townships,
    };
  });
  return { code: toDivisionCode(city.code), name: city.name, counties: plans, synthetic: false };
}

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position).min(4);
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
const CountyFeatures = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      properties: z.object({ adcode: z.union([z.number(), z.string()]), name: z.string().optional(), center: z.tuple([z.number(), z.number()]).optional() }),
      geometry: Geometry,
    }),
  ),
});

export interface RealOutline {
  /** WGS-84, rounded to 6 decimals. */
  geometry: AreaGeometry;
  /** The county seat (properties.center), WGS-84, when the file gives it. */
  seat: LonLat | null;
}

/** County outlines keyed by 12-digit code, converted from GCJ-02 to WGS-84. */
export function readRealOutlines(geojsonPath: string): Map<string, RealOutline> {
  const parsed = CountyFeatures.safeParse(JSON.parse(readFileSync(geojsonPath, 'utf8')));
  if (!parsed.success) throw new Error(`${geojsonPath}: 不是县级轮廓的 GeoJSON FeatureCollection（${parsed.error.issues[0]?.message ?? ''}）`);
  const result = new Map<string, RealOutline>();
  for (const f of parsed.data.features) {
    const code = toDivisionCode(String(f.properties.adcode));
    const geometry = gcj02GeometryToWgs84(f.geometry as AreaGeometry);
    result.set(code, { geometry, seat: f.properties.center ? gcj02ToWgs84(f.properties.center) : null });
  }
  return result;
}
