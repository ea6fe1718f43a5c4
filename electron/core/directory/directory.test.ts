import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';
import type { InputOf } from '../../../shared/contract';
import { attemptAs, callAs, type Attempt, type Call } from '../../../tests/support/call';

// seedSmallWorld: 东村 999901001201 holds grids 001 (112.00–112.01) and 002 (112.01–112.02) at lat 28.00–28.01.
const good = {
  name: '东村心理服务点',
  category: 'grid_counseling',
  level: 'grid',
  divisionCode: '999901001201',
  address: '东村村部二楼',
  lon: 112.012,
  lat: 28.004,
  phone: '0737-4221234',
  hours: '周一至周五 8:30-17:30',
  contactName: '王芳',
  staffCount: 2,
} satisfies InputOf<'directory.create'>;

describe('service-point directory', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const as = (who: string): Call => callAs(core, tokens[who] ?? null);
  const attempt = (who: string, name: string, input: unknown): Promise<Attempt> => attemptAs(core, tokens[who] ?? null, name, input);
  const rows = async (table: string): Promise<number> => Number((await core.db(table).count({ n: '*' }).first())?.n);
  const count = () => rows('service_points');
  const auditCount = () => rows('audit_log');

  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    for (const u of ['admin', 'director', 'dispatcher', 'mediator', 'leader', 'wall', 'gridworker']) tokens[u] = await loginAs(core, u);
  });
  afterAll(() => cleanup());

  it('creates a point, places it in its grid, and audits the write', async () => {
    const before = await auditCount();
    const p = await as('dispatcher')('directory.create', good);
    expect(p).toMatchObject({ name: '东村心理服务点', categoryName: '网格心理服务点', divisionName: '东村', townshipCode: '999901001000', countyCode: '999901000000', contactName: '王芳' });
    expect(p.gridId).not.toBeNull();
    expect(await auditCount()).toBe(before + 1);
    const row = await core.db('audit_log').orderBy('seq', 'desc').first('action', 'entity_id');
    expect(row).toMatchObject({ action: 'directory.create', entity_id: String(p.id) });
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const n = await count();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...good, phone: '12345678' }, 'phone', '电话格式'],
      [{ ...good, phone: '2345678901' }, 'phone', '电话格式'],
      [{ ...good, category: 'bank' }, 'category', ''],
      [{ ...good, name: '点' }, 'name', '至少2个字'],
      [{ ...good, lon: 112.5 }, 'lon', '不在所属区划'],
      [{ ...good, lat: null }, 'lon', '同时填写'],
      [{ ...good, level: 'county' }, 'level', '不能设在'],
      [{ ...good, divisionCode: '999901001299' }, 'divisionCode', '没有代码'],
      [{ ...good, divisionCode: '1234' }, 'divisionCode', '12位'],
    ];
    for (const [input, field, text] of cases) {
      const res = await attempt('director', 'directory.create', input);
      expect(res, JSON.stringify(input)).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
      expect(res.message).toContain(text);
    }
    expect(await count()).toBe(n);
  });

  it('accepts mobile, landline with extension and short service numbers', async () => {
    for (const phone of ['13812345678', '0737-12345678-123', '12348', '']) {
      const p = await as('admin')('directory.create', { ...good, name: `号码${phone || '空'}`, phone });
      expect(p.phone).toBe(phone === '' ? null : phone);
    }
  });

  it('lets only admin, director and dispatcher write; everyone reads; the wall sees no contact names', async () => {
    const n = await count();
    for (const who of ['mediator', 'leader', 'wall', 'gridworker']) {
      const res = await attempt(who, 'directory.create', good);
      expect(res.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(n);
    const list = await as('wall')('directory.list', { q: '心理' });
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.contactName === null)).toBe(true);
    const staff = await as('leader')('directory.list', { q: '心理' });
    expect(staff.rows[0]?.contactName).toBe('王芳');
  });

  it('edits and deletes with audit; unknown ids are NOT_FOUND', async () => {
    const p = await as('director')('directory.create', { ...good, name: '待改服务点' });
    const edited = await as('director')('directory.update', { id: p.id, phone: '13900001111', hours: '' });
    expect(edited).toMatchObject({ phone: '13900001111', hours: null, name: '待改服务点' });
    const bad = await attempt('director', 'directory.update', { id: p.id, lon: 113 , lat: 28.004 });
    expect(bad.field).toBe('lon');
    expect((await as('director')('directory.get', { id: p.id })).lon).toBe(112.012);
    await as('director')('directory.delete', { id: p.id });
    const gone = await attempt('director', 'directory.get', { id: p.id });
    expect(gone.code).toBe('NOT_FOUND');
    const actions = (await core.db('audit_log').where('entity_id', String(p.id)).orderBy('seq').select('action')).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['directory.create', 'directory.update', 'directory.delete']);
  });

  it('pages, filters by category and division, and searches 1–2 character names', async () => {
    const all = await as('director')('directory.list', { limit: 2, sort: 'name' });
    expect(all.rows).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const next = await as('director')('directory.list', { limit: 2, offset: 2, sort: 'name' });
    expect(next.rows[0]?.id).not.toBe(all.rows[0]?.id);
    const legal = await as('director')('directory.list', { category: ['legal_station'] });
    expect(legal.rows.map((r) => r.name)).toEqual(['甲一镇公共法律服务工作站']);
    const village = await as('director')('directory.list', { divisionCode: '999901001201', q: '东' });
    expect(village.total).toBeGreaterThan(0);
    const pct = await as('director')('directory.list', { q: '%' });
    expect(pct.total).toBe(0);
  });

  it('who can help: the nearest fitting points for a category, with distances', async () => {
    await as('director')('directory.create', { ...good, name: '甲一镇心理咨询室', category: 'counseling_room', level: 'township', divisionCode: '999901001000', lon: 112.001, lat: 28.001 });
    await as('director')('directory.create', { ...good, name: '东村警务室', category: 'police_room', level: 'village', divisionCode: '999901001201', lon: 112.0051, lat: 28.0051 });
    const res = await as('director')('directory.whoCanHelp', { lon: 112.005, lat: 28.005, disputeCategory: '婚姻家庭' });
    expect(res.categories).toContain('counseling_room');
    expect(res.points.some((p) => p.name === '东村警务室')).toBe(false);
    expect(res.points[0]?.name).toBe('甲一镇心理咨询室');
    const d = res.points.map((p) => p.distanceM);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(d[0]).toBeGreaterThan(500);
    expect(d[0]).toBeLessThan(700);
    const anyHelp = await as('wall')('directory.whoCanHelp', { lon: 112.005, lat: 28.005 });
    expect(anyHelp.points[0]?.name).toBe('东村警务室');
    const bad = await attempt('director', 'directory.whoCanHelp', { lon: 112 });
    expect(bad.code).toBe('INVALID_INPUT');
  });
});
