import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../accounts/passwords';
import { findGridForPoint } from '../grids/pointToGrid';
import type { Core } from '../index';
import { loginAs, seedSmallWorld, signIn, tempCore, TEST_PASSWORD } from '../../../tests/support/tempCore';
import type { InputOf } from '../../../shared/contract';
import { attemptAs, callAs } from '../../../tests/support/call';
import { polygonShapefile } from '../../../tests/support/shapefileFixture';
import { referenceData } from '../../../tests/support/referenceData';

/** The real Yiyang files, read in place when present; only the test that imports them needs them. */
const yiyang = referenceData('real Yiyang outline import', 'yiyang-divisions.csv', 'yiyang-430900-counties.geojson');
const COUNTIES = yiyang.path['yiyang-430900-counties.geojson'];

const square = (x: number, y: number, d = 0.01) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const feature = (code: string | null, geometry: unknown, name = '测试网格') => ({ type: 'Feature', properties: { code, name }, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('boundaries.import', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const report = (who: string, input: InputOf<'boundaries.import'>) => callAs(core, tokens[who] ?? null)('boundaries.import', input);
  const refused = (who: string, input: unknown) => attemptAs(core, tokens[who] ?? null, 'boundaries.import', input);
  const rows = async (table: string): Promise<number> => Number((await core.db(table).count({ n: '*' }).first())?.n);
  const gridCount = () => rows('grids');

  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    // 东村 and 西村 get outlines; 西村 (112.02–112.04) holds grid 001 at 112.02–112.03 and room for one more.
    await core.db('divisions').where({ code: '999901001201' }).update({ outline: JSON.stringify({ type: 'Polygon', coordinates: [[[112, 28], [112.02, 28], [112.02, 28.01], [112, 28.01], [112, 28]]] }) });
    await core.db('divisions').where({ code: '999901001202' }).update({ outline: JSON.stringify({ type: 'Polygon', coordinates: [[[112.02, 28], [112.04, 28], [112.04, 28.01], [112.02, 28.01], [112.02, 28]]] }) });
    for (const u of ['admin', 'director']) tokens[u] = await loginAs(core, u);
  });
  afterAll(() => cleanup());

  it.skipIf(yiyang.missing !== null)('imports the real Yiyang county outlines (GCJ-02, 6-digit adcodes) as WGS-84', async () => {
    // The Yiyang division list (province → city → counties → townships) as a node would hold it before outlines.
    const rows = Papa.parse<{ code: string; name: string; level: string; parent_code: string }>(readFileSync(yiyang.path['yiyang-divisions.csv'], 'utf8'), { header: true, skipEmptyLines: true }).data;
    await core.db('divisions').insert({ code: '430000000000', name: '湖南省', level: 'province', parent_code: null });
    for (const r of rows) {
      await core.db('divisions').insert({ code: r.code.padEnd(12, '0'), name: r.name, level: r.level === 'county' || r.level === 'city' ? r.level : 'township', parent_code: r.parent_code.padEnd(12, '0') });
    }
    const now = new Date().toISOString();
    await core.db('accounts').insert({ username: 'provadmin', display_name: '省管理员', role: 'admin', division_code: '430000000000', password_hash: await hashPassword(TEST_PASSWORD), created_at: now, updated_at: now });
    tokens.provadmin = await loginAs(core, 'provadmin');
    const input = { kind: 'divisions', format: 'geojson', geojson: readFileSync(COUNTIES, 'utf8'), crs: 'gcj02', codeField: 'adcode', nameField: 'name', replaceExisting: true } satisfies InputOf<'boundaries.import'>;
    const check = await report('provadmin', input);
    expect(check).toMatchObject({ features: 6, valid: 6, problems: [], imported: false });
    const done = await report('provadmin', { ...input, mode: 'import' });
    expect(done).toMatchObject({ imported: true, updated: 6, inserted: 0, convertedFromGcj02: true });
    const ziyang: { outline: string; min_lon: number; max_lat: number } = await core.db('divisions').where({ code: '430902000000' }).first('outline', 'min_lon', 'max_lat');
    const stored = JSON.parse(ziyang.outline) as { coordinates: number[][][][] };
    const original = (JSON.parse(readFileSync(COUNTIES, 'utf8')) as { features: Array<{ geometry: { coordinates: number[][][][] } }> }).features[0]!.geometry.coordinates[0]![0]![0]!;
    // GCJ-02 is offset from WGS-84 here by roughly +0.005° in longitude and -0.003° in latitude.
    const [lon, lat] = stored.coordinates[0]![0]![0]!;
    expect(original[0]! - lon!).toBeGreaterThan(0.003);
    expect(original[0]! - lon!).toBeLessThan(0.008);
    expect(lat! - original[1]!).toBeGreaterThan(0.001);
    expect(lat! - original[1]!).toBeLessThan(0.006);
    expect(ziyang.min_lon).toBeGreaterThan(111.9);
    // Importing again without "replace" reports every county as existing and writes nothing.
    const again = await report('provadmin', { ...input, mode: 'import', replaceExisting: false });
    expect(again.imported).toBe(false);
    expect(again.problems.map((p) => p.kind)).toEqual(Array(6).fill('exists'));
  });

  it('reports every broken feature and imports nothing', async () => {
    const before = await gridCount();
    const auditBefore = await rows('audit_log');
    const bowTie = { type: 'Polygon', coordinates: [[[112.031, 28.001], [112.035, 28.005], [112.035, 28.001], [112.031, 28.005], [112.031, 28.001]]] };
    const unclosed = { type: 'Polygon', coordinates: [[[112.031, 28.001], [112.035, 28.001], [112.035, 28.005], [112.031, 28.005]]] };
    const geojson = collection(
      feature('999901001202002', square(112.03, 28.0)), // fine on its own
      feature('999901001202003', bowTie),
      feature('999901001202004', square(112.5, 28.0)), // outside 西村
      feature('999901001202005', square(112.02, 28.0)), // the same place as the stored grid 001
      feature('999901001202002', square(112.03, 28.0)), // duplicate code
      feature('999901001299001', square(112.03, 28.0)), // no such village
      feature('12345', square(112.03, 28.0)),
      feature('999901001202006', unclosed),
      feature(null, square(112.03, 28.0)),
    );
    const r = await report('admin', { kind: 'grids', format: 'geojson', geojson, crs: 'wgs84', mode: 'import' });
    expect(r.imported).toBe(false);
    const kinds = Object.fromEntries(r.problems.map((p) => [p.item, p.kind]));
    expect(kinds).toEqual({ 2: 'self_intersection', 3: 'outside_parent', 4: 'overlap', 5: 'duplicate_code', 6: 'unknown_parent', 7: 'bad_code', 8: 'invalid_geometry', 9: 'missing_field' });
    expect(r.problems.every((p) => p.message.length > 4)).toBe(true);
    expect(await gridCount()).toBe(before);
    const audit = await core.db('audit_log').orderBy('seq', 'desc').first('action');
    expect(audit.action).toBe('boundaries.check');
    expect(await rows('audit_log')).toBe(auditBefore + 1);
  });

  it('imports a clean grid file in one go, and point → grid sees the new grid at once', async () => {
    expect(await findGridForPoint(core.db, 112.035, 28.005)).toBeNull();
    const r = await report('admin', { kind: 'grids', format: 'geojson', geojson: collection(feature('999901001202002', square(112.03, 28.0), '西村二网格')), crs: 'wgs84', mode: 'import' });
    expect(r).toMatchObject({ imported: true, inserted: 1, problems: [] });
    expect((await findGridForPoint(core.db, 112.035, 28.005))?.gridCode).toBe('999901001202002');
    const row = await core.db('grids').where({ code: '999901001202002' }).first('township_code', 'county_code', 'min_lon');
    expect(row).toMatchObject({ township_code: '999901001000', county_code: '999901000000', min_lon: 112.03 });
  });

  it('refuses non-admins and malformed requests', async () => {
    const geojson = collection(feature('999901001202009', square(112.03, 28.0)));
    expect((await refused('director', { kind: 'grids', format: 'geojson', geojson, crs: 'wgs84' })).code).toBe('FORBIDDEN');
    expect((await refused('admin', { kind: 'grids', format: 'shapefile', crs: 'wgs84' })).field).toBe('format');
    expect((await refused('admin', { kind: 'grids', format: 'geojson', geojson: '{oops', crs: 'wgs84' })).message).toContain('GeoJSON');
    const outside = await report('admin', { kind: 'divisions', format: 'geojson', geojson: collection(feature('430902', square(112.3, 28.5))), crs: 'wgs84' });
    expect(outside.problems[0]?.message).toContain('不在本辖区');
  });
});

describe('boundaries.import from a Shapefile', () => {
  it('reads polygons and GBK attributes from .shp + .dbf', async () => {
    const { core, cleanup } = await tempCore();
    try {
      await seedSmallWorld(core);
      const admin = await signIn(core, 'admin');
      // Outer ring clockwise as the Shapefile format wants; 西村 has no outline, so only overlaps are checked.
      const ring = [[112.03, 28.0], [112.03, 28.01], [112.04, 28.01], [112.04, 28.0], [112.03, 28.0]];
      const gbk = (s: string) => Buffer.from(new Uint8Array(s === '西村三网格' ? [0xce, 0xf7, 0xb4, 0xe5, 0xc8, 0xfd, 0xcd, 0xf8, 0xb8, 0xf1] : Buffer.from(s, 'latin1')));
      const { shp, dbf } = polygonShapefile([{ rings: [ring], attributes: { CODE: '999901001202003', NAME: '西村三网格' } }], gbk);
      const res = await admin('boundaries.import', {
        kind: 'grids', format: 'shapefile', shp: shp.toString('base64'), dbf: dbf.toString('base64'), dbfEncoding: 'gbk', crs: 'wgs84', codeField: 'CODE', nameField: 'NAME', mode: 'import',
      });
      expect(res).toMatchObject({ imported: true, inserted: 1, problems: [] });
      expect(await core.db('grids').where({ code: '999901001202003' }).first('name')).toEqual({ name: '西村三网格' });
    } finally {
      await cleanup();
    }
  });
});
