import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

/** Dispatch at scale: the busiest mediator is beyond the first page of the least busy, yet a search finds them. */
describe('disputes.mediators', () => {
  let w: DisputeWorld;
  let busyId = 0;
  beforeAll(async () => {
    w = await disputeWorld();
    const now = '2021-10-01T00:00:00.000Z';
    const idle = Array.from({ length: 520 }, (_, i) => ({ kind: 'mediator', name: `调解员${String(i).padStart(3, '0')}`, division_code: '999901001000', org_id: w.orgId, created_at: now }));
    for (let i = 0; i < idle.length; i += 200) await w.core.db('people').insert(idle.slice(i, i + 200));
    const [otherOrg] = await w.core.db('mediation_orgs').insert({ name: '泰利溪村人民调解委员会', type: 'village', division_code: '999901001000', township_code: '999901001000', county_code: '999901000000' });
    busyId = Number((await w.core.db('people').insert({ kind: 'mediator', name: '吴玉丽', division_code: '999901001000', org_id: otherOrg, created_at: now }))[0]);
    for (let i = 0; i < 3; i++) {
      const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w, { summary: `邻里纠纷第${i}件，双方因排水沟发生争执`, parties: [{ side: 'applicant', name: `申请人${i}` }] }));
      await w.core.db('disputes').where({ id }).update({ mediator_id: busyId, status: 'assigned' });
    }
  });
  afterAll(async () => w.cleanup());

  it('lists the least busy first, at most a page, with the total of all', async () => {
    const all = await w.call('dispatcher', 'disputes.mediators', {});
    expect(all.mediators).toHaveLength(500);
    expect(all.total).toBe(523);
    expect(all.mediators.some((m) => m.personId === busyId)).toBe(false);
  });

  it('finds the busiest mediator by name or by committee, with the open load', async () => {
    const byName = await w.call('dispatcher', 'disputes.mediators', { search: '玉丽' });
    expect(byName.mediators.map((m) => [m.name, m.openCases])).toEqual([['吴玉丽', 3]]);
    expect(byName.total).toBe(1);
    const byOrg = await w.call('dispatcher', 'disputes.mediators', { search: '泰利溪' });
    expect(byOrg.mediators.map((m) => m.personId)).toEqual([busyId]);
    // The user's % is a letter, not a wildcard.
    expect((await w.call('dispatcher', 'disputes.mediators', { search: '%' })).total).toBe(0);
  });

  it('brings back a picker’s current value beyond the page, but only inside the caller’s area', async () => {
    const withValue = await w.call('dispatcher', 'disputes.mediators', { include: [busyId] });
    expect(withValue.mediators.find((m) => m.personId === busyId)?.openCases).toBe(3);
    const searched = await w.call('dispatcher', 'disputes.mediators', { search: '调解员000', include: [busyId] });
    expect(searched.mediators.map((m) => m.name)).toEqual(['调解员000', '吴玉丽']);
  });
});
