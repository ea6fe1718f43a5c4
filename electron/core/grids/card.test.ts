import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';
import type { InputOf } from '../../../shared/contract';
import { attemptAs, callAs } from '../../../tests/support/call';

describe('grids.card', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const card = (who: string, input: InputOf<'grids.card'>) => callAs(core, tokens[who] ?? null)('grids.card', input);
  const refused = (input: unknown) => attemptAs(core, tokens.director ?? null, 'grids.card', input);

  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    const now = '2021-10-01T00:00:00Z';
    const [personId] = await core.db('people').insert({ kind: 'grid_worker', name: '李红梅', phone: '13812345678', division_code: '999901001201', title: '专职网格员', created_at: now });
    await core.db('grid_workers').insert({ grid_id: 1, person_id: personId });
    await core.db('grids').where({ id: 1 }).update({ wechat_groups: 2, wechat_members: 356 });
    await core.db('disputes').where({ case_no: 'T-1' }).update({ grid_id: 1, warning: 'red' });
    await core.db('service_points').where({ name: '东村公共法律服务工作点' }).update({ lon: 112.004, lat: 28.004 });
    await core.db('service_points').where({ name: '甲一镇公共法律服务工作站' }).update({ lon: 112.3, lat: 28.3 });
    for (const u of ['director', 'leader', 'wall', 'gridworker']) tokens[u] = await loginAs(core, u);
  });
  afterAll(() => cleanup());

  it('shows the grid with its village, figures, open disputes and nearby points', async () => {
    const c = await card('director', { code: '999901001201001' });
    expect(c).toMatchObject({ villageName: '东村', townshipName: '甲一镇', countyName: '甲县', households: 120, population: 400, wechatGroups: 2, wechatMembers: 356, openDisputes: 1, redWarnings: 1, workerCount: 1 });
    expect(c.workers).toEqual([{ name: '李红梅', phone: '13812345678', title: '专职网格员' }]);
    expect(c.nearbyPoints.map((p) => p.name)).toEqual(['东村公共法律服务工作点']);
    expect(c.nearbyPoints[0]!.distanceM).toBeLessThan(200);
  });

  it('masks the phone for a leader and shows no personal data on the wall', async () => {
    expect((await card('leader', { gridId: 1 })).workers[0]?.phone).toBe('138****5678');
    const wall = await card('wall', { gridId: 1 });
    expect(wall.workers).toEqual([]);
    expect(wall.workerCount).toBe(1);
  });

  it('refuses input without a grid, a malformed code, and unknown grids', async () => {
    expect((await refused({})).message).toContain('请指定网格');
    expect((await refused({ code: '12' })).field).toBe('code');
    expect((await refused({ gridId: 999 })).code).toBe('NOT_FOUND');
  });
});
