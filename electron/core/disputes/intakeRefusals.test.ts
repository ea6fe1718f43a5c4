import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

/**
 * Issue 10, item 2: input the core refuses with a field message, storing nothing. The node's clock is
 * the tests' fixed one: 2021-10-29 09:00 China time.
 */
describe('intake refuses what it must not store', () => {
  let w: DisputeWorld;
  const counts = async () => {
    const n = async (t: string) => Number((await w.core.db(t).count({ n: '*' }).first())?.n);
    return { disputes: await n('disputes'), parties: await n('dispute_parties'), audit: await n('audit_log'), points: await n('service_points') };
  };
  beforeAll(async () => {
    w = await disputeWorld();
  });
  afterAll(async () => w.cleanup());

  it('refuses each bad input with its field and changes nothing', async () => {
    const before = await counts();
    const unique = (n: number) => ({ parties: [{ side: 'applicant' as const, name: `赵${'一二三四五六七八'[n]}`, phone: `1390000000${n}` }] });
    const cases: Array<[string, unknown, string]> = [
      ['a case dated 2099', intakeInput(w, { ...unique(0), registeredAt: '2099-01-01T00:00:00+08:00' }), 'registeredAt'],
      ['an hour ahead of the node', intakeInput(w, { ...unique(1), registeredAt: '2021-10-29T10:00:00+08:00' }), 'registeredAt'],
      ['NUL in a name', intakeInput(w, { parties: [{ side: 'applicant', name: '刘\u0000伟' }] }), 'parties.0.name'],
      ['a right-to-left override in the summary', intakeInput(w, { ...unique(2), summary: '欠款\u202e00001元未还' }), 'summary'],
      ['an isolate in the address', intakeInput(w, { ...unique(3), address: '东村\u2066三组' }), 'address'],
      ['a point outside the chosen grid', intakeInput(w, { ...unique(4), location: { lon: 112.5, lat: 28.5 } }), 'location'],
      ['an ID number born after today', intakeInput(w, { parties: [{ side: 'applicant', name: '钱多', idNumber: makeIdNumber({ region: '430902', birthDate: '20220101', sequence: 7 }) }] }), 'parties.0.idNumber'],
    ];
    for (const [what, input, field] of cases) {
      const res = await w.attempt('dispatcher', 'disputes.intake', input);
      expect(res, what).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
    }
    const point = await w.attempt('dispatcher', 'directory.create', { name: '东村\u202e服务点', category: 'legal_point', level: 'village', divisionCode: '999901001201' });
    expect(point).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'name' });
    expect(await counts()).toEqual(before);
  });

  it('accepts a clock a little behind, a point on the grid, tabs and line breaks in text', async () => {
    const late = await w.call('dispatcher', 'disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '孙立' }], registeredAt: '2021-10-29T09:03:00+08:00', summary: '第一行\n第二行\t补充', location: { lon: 112.005, lat: 28.005 } }));
    expect(late.caseNo.startsWith('2021-')).toBe(true);
    // On the edge of the grid (a click on its border) is inside.
    const edge = await w.call('dispatcher', 'disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '孙二' }], location: { lon: 112.0, lat: 28.005 } }));
    expect(edge.id).toBeGreaterThan(late.id);
  });
});
