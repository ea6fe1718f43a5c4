import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/index';
import { fixedClock } from '../../electron/core/clock';
import { hashPassword } from '../../electron/core/accounts/passwords';
import { appendAudit } from '../../electron/core/audit/auditLog';
import type { Role } from '../../shared/contract/roles';
import { callAs, type Call } from './call';

export const quietLog = { info() {}, warn() {}, error() {} };

export interface TempCoreOptions extends Partial<Omit<CoreOptions, 'dataDir'>> {
  /** The fixed "now" of the core's clock (default: the demo's day, 2021-10-29 09:00 in China). */
  clockIso?: string;
  /** Open this folder instead of a fresh one (a restart); `cleanup` still removes it. */
  dir?: string;
}

/** A core on a fresh SQLite file in a temp folder; `cleanup` closes it and removes the folder. */
export async function tempCore(opts: TempCoreOptions = {}): Promise<{ core: Core; dir: string; cleanup: () => Promise<void> }> {
  const { clockIso, dir: given, ...coreOptions } = opts;
  const dir = given ?? mkdtempSync(path.join(tmpdir(), 'ggc-test-'));
  const core = await createCore({ dataDir: dir, clock: fixedClock(clockIso ?? '2021-10-29T09:00:00+08:00'), log: quietLog, ...coreOptions });
  return {
    core,
    dir,
    cleanup: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'correct-horse-battery';

/**
 * A tiny hierarchy (city → 2 counties → townships → villages → grids) and one account per role, all with
 * TEST_PASSWORD. Codes under 999900 so they never collide with demo or real data.
 */
export async function seedSmallWorld(core: Core): Promise<void> {
  const now = new Date('2021-10-01T00:00:00Z').toISOString();
  const divisions = [
    { code: '999900000000', name: '测试市', level: 'city', parent_code: null },
    { code: '999901000000', name: '甲县', level: 'county', parent_code: '999900000000' },
    { code: '999902000000', name: '乙县', level: 'county', parent_code: '999900000000' },
    { code: '999901001000', name: '甲一镇', level: 'township', parent_code: '999901000000' },
    { code: '999902001000', name: '乙一镇', level: 'township', parent_code: '999902000000' },
    { code: '999901001201', name: '东村', level: 'village', parent_code: '999901001000' },
    { code: '999901001202', name: '西村', level: 'village', parent_code: '999901001000' },
    { code: '999902001201', name: '南村', level: 'village', parent_code: '999902001000' },
  ];
  const square = (x: number, y: number) =>
    JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
  const grid = (code: string, village: string, x: number) => ({
    code,
    name: `网格${code.slice(-3)}`,
    village_code: village,
    township_code: village.slice(0, 9) + '000',
    county_code: village.slice(0, 6) + '000000',
    households: 120,
    population: 400,
    polygon: square(x, 28),
    center_lon: x + 0.005,
    center_lat: 28.005,
    min_lon: x,
    min_lat: 28,
    max_lon: x + 0.01,
    max_lat: 28.01,
    created_at: now,
    updated_at: now,
  });
  const hash = await hashPassword(TEST_PASSWORD);
  const roles: Role[] = ['admin', 'director', 'dispatcher', 'mediator', 'grid_worker', 'leader', 'wall'];
  await core.db.transaction(async (trx) => {
    await trx('divisions').insert(divisions);
    await trx('grids').insert([
      grid('999901001201001', '999901001201', 112.0),
      grid('999901001201002', '999901001201', 112.01),
      grid('999901001202001', '999901001202', 112.02),
      grid('999902001201001', '999902001201', 112.1),
    ]);
    await trx('service_points').insert([
      { name: '甲一镇公共法律服务工作站', category: 'legal_station', level: 'township', division_code: '999901001000', township_code: '999901001000', county_code: '999901000000', created_at: now, updated_at: now },
      { name: '东村公共法律服务工作点', category: 'legal_point', level: 'village', division_code: '999901001201', township_code: '999901001000', county_code: '999901000000', created_at: now, updated_at: now },
    ]);
    const dispute = (caseNo: string, village: string, status: string) => ({
      case_no: caseNo,
      source: 'walk_in',
      category: '邻里',
      status,
      county_code: village.slice(0, 6) + '000000',
      township_code: village.slice(0, 9) + '000',
      village_code: village,
      summary: '测试纠纷',
      registered_at: now,
      updated_at: now,
    });
    await trx('disputes').insert([
      dispute('T-1', '999901001201', 'mediating'),
      dispute('T-2', '999901001201', 'closed'),
      dispute('T-3', '999902001201', 'registered'),
    ]);
    for (const role of roles) {
      await trx('accounts').insert({
        username: role.replace('_', ''),
        display_name: role,
        role,
        division_code: '999900000000',
        password_hash: hash,
        created_at: now,
        updated_at: now,
      });
    }
    await appendAudit(trx, new Date(now), { actorId: null, actorName: 'test', action: 'test.seed', entity: 'node', entityId: null });
  });
}

/** Log in through the dispatcher as the account named after the role (e.g. 'gridworker'). */
export async function loginAs(core: Core, username: string): Promise<string> {
  const { token } = await callAs(core, null)('session.login', { username, password: TEST_PASSWORD });
  return token;
}

/** Log in as `username` and get a typed `call(name, input)` as that account. */
export async function signIn(core: Core, username: string): Promise<Call> {
  return callAs(core, await loginAs(core, username));
}
