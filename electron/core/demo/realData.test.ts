import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { gcj02GeometryToWgs84 } from '../../../shared/domain/coordinates';
import { geometryAreaKm2, pointInPolygon, type AreaGeometry } from '../../../shared/domain/geometry';
import { toDivisionCode } from '../../../shared/domain/divisionCodes';
import { tempCore } from '../../../tests/support/tempCore';
import { referenceData } from '../../../tests/support/referenceData';
import { describeDemo } from './describeDemo';
import { buildGeography } from './geo/geography';
import { parseCsv } from './geo/realCity';
import { generateDemo } from './generateDemo';
import { placementProblems, tilingProblems } from './verifyDemo';

// Optional reference data, read in place when present (never inside the repository).
const yiyang = referenceData('real-data demo tests', 'yiyang-divisions.csv', 'yiyang-430900-counties.geojson');
const CSV = yiyang.path['yiyang-divisions.csv'];
const GEOJSON = yiyang.path['yiyang-430900-counties.geojson'];

function csvRows(): { code: string; name: string; level: string; parent: string }[] {
  const [, ...rows] = parseCsv(readFileSync(CSV, 'utf8'));
  return rows.map((r) => ({ code: r[0]!, name: r[1]!, level: r[2]!, parent: r[3]! }));
}

function rawOutlines(): { code: string; gcj: AreaGeometry }[] {
  const fc = JSON.parse(readFileSync(GEOJSON, 'utf8')) as { features: { properties: { adcode: number }; geometry: AreaGeometry }[] };
  return fc.features.map((f) => ({ code: toDivisionCode(String(f.properties.adcode)), gcj: f.geometry }));
}

describe.skipIf(yiyang.missing !== null)('the demo on real Yiyang divisions and county outlines', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  let db: Knex;

  beforeAll(async () => {
    env = await tempCore();
    db = env.core.db;
    await generateDemo(db, { seed: 20211029, real: { divisionsCsv: CSV, countiesGeojson: GEOJSON } });
  });
  afterAll(() => env?.cleanup());

  it('uses the real city, the 8 county-level units and the 98 townships with their codes, names and parents', async () => {
    const stored: { code: string; name: string; level: string; parent_code: string | null }[] = await db('divisions').whereNot('level', 'village').select('code', 'name', 'level', 'parent_code');
    const byCode = new Map(stored.map((d) => [d.code, d]));
    const real = csvRows().filter((r) => r.level !== 'province' && r.parent !== '430000' || r.level === 'city');
    expect(stored).toHaveLength(1 + 8 + 98);
    for (const r of real) {
      const d = byCode.get(toDivisionCode(r.code));
      expect(d, r.name).toBeDefined();
      expect(d!.name).toBe(r.name);
      expect(d!.level).toBe(r.level);
      if (r.level !== 'city') expect(d!.parent_code).toBe(toDivisionCode(r.parent));
    }
  });

  it('keeps every figure of the synthetic demo', async () => {
    const f = await describeDemo(db);
    expect(f.divisions).toEqual({ city: 1, county: 8, township: 98, village: 1447 });
    expect(f.grids).toBe(5816);
    expect([f.wechatGroups, f.wechatMembers]).toEqual([6017, 1_285_854]);
    expect(f.orgs).toEqual({ industry: 45, township: 102, village: 1434 });
    expect(f.mediators).toBe(7497);
    expect([f.janSep.cases, f.janSep.agreement, f.janSep.failed, f.janSep.wxg]).toEqual([17_452, 17_084, 368, 926]);
    expect(f.janSep.warnings['婚姻家庭']).toEqual({ blue: 428, yellow: 280, red: 30 });
  });

  it('tiles and places everything as exactly as the synthetic demo', async () => {
    expect(await tilingProblems(db)).toEqual([]);
    expect(await placementProblems(db)).toEqual([]);
  });

  it('follows the county outlines converted from GCJ-02 to WGS-84', async () => {
    const outlines = rawOutlines().map((o) => ({ ...o, wgs: gcj02GeometryToWgs84(o.gcj) }));
    const centers: { center_lon: number; center_lat: number; county_code: string }[] = await db('grids').select('center_lon', 'center_lat', 'county_code');
    const inside = (key: 'wgs' | 'gcj') => centers.filter((g) => outlines.some((o) => pointInPolygon([g.center_lon, g.center_lat], o[key]))).length / centers.length;
    // Grids fill the WGS-84 outlines; against the unconverted ones (~0.5 km off) more grids fall outside.
    expect(inside('wgs')).toBeGreaterThan(0.995);
    expect(inside('wgs')).toBeGreaterThan(inside('gcj'));
    const city: { outline: string } = await db('divisions').where('level', 'city').first('outline');
    const cityArea = geometryAreaKm2(JSON.parse(city.outline) as AreaGeometry);
    const realArea = outlines.reduce((s, o) => s + geometryAreaKm2(o.wgs), 0);
    expect(Math.abs(cityArea - realArea) / realArea).toBeLessThan(0.02);
    // A county with its own outline keeps almost all of its grids inside it (the two outline-less units are carved from their hosts).
    const anhua = outlines.find((o) => o.code === '430923000000')!;
    const own = centers.filter((g) => g.county_code === '430923000000');
    expect(own.filter((g) => pointInPolygon([g.center_lon, g.center_lat], anhua.wgs)).length / own.length).toBeGreaterThan(0.99);
  });
});

describe.skipIf(yiyang.missing !== null)('the synthetic demo and the real data', () => {
  it('shares no township name or code with the real city', () => {
    const geo = buildGeography(20211029);
    const realNames = new Set(csvRows().map((r) => r.name));
    const realCodes = new Set(csvRows().map((r) => toDivisionCode(r.code)));
    for (const d of [...geo.counties, ...geo.townships, geo.city]) {
      expect(realNames.has(d.name), d.name).toBe(false);
      expect(realCodes.has(d.code), d.code).toBe(false);
    }
  });

  it('grows real-named counties inside the synthetic outline when no outlines are given', () => {
    const geo = buildGeography(20211029, { divisionsCsv: CSV });
    expect(geo.counties.map((c) => c.name)).toContain('赫山区');
    expect(geo.townships).toHaveLength(98);
    expect(geo.villages).toHaveLength(1447);
    expect(geo.grids).toHaveLength(5816);
    for (const c of geo.counties) expect(c.cells.length).toBeGreaterThan(50);
  });
});
