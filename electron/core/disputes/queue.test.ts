import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { InputOf, QueueFilter } from '../../../shared/contract';
import { disputeWorld, ID_A, ID_B, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

type Query = InputOf<'disputes.query'>;
const q = (filter: Partial<QueueFilter>, extra: Partial<Query> = {}): Query => ({ filter, startRow: 0, endRow: 100, ...extra });

describe('queue query, search and masking', () => {
  let w: DisputeWorld;
  const ids = { liuwei: 0, chen: 0, red: 0, ouyang: 0 };
  beforeAll(async () => {
    w = await disputeWorld();
    const mk = async (key: keyof typeof ids, extra: Parameters<typeof intakeInput>[1]) => {
      ids[key] = (await w.call('dispatcher', 'disputes.intake', intakeInput(w, extra))).id;
    };
    await mk('liuwei', {});
    await mk('chen', { parties: [{ side: 'applicant', name: '陈秀英', phone: '13600000001' }], summary: '拖欠工资三个月，工人讨要劳务报酬', category: '劳动/欠薪', gridId: w.otherGridId });
    await mk('red', { parties: [{ side: 'applicant', name: '王建国', idNumber: ID_B }], summary: '申请人扬言持刀报复邻居', category: '邻里' });
    await mk('ouyang', { parties: [{ side: 'applicant', name: '欧阳娜娜' }, { side: 'respondent', name: '益阳某某物业公司' }], summary: '小区停车位收费争议', category: '物业', address: '龙岭小区' });
  });
  afterAll(async () => w.cleanup());

  it('finds 1-, 2-, 3- and 4-character Chinese terms, names included', async () => {
    const find = async (text: string) => (await w.call('director', 'disputes.query', q({ text }))).rows.map((r) => r.id);
    expect(await find('刘伟')).toEqual([ids.liuwei]);
    expect(await find('宅基')).toEqual([ids.liuwei]);
    expect(await find('宅基地')).toEqual([ids.liuwei]);
    expect(await find('拖欠工资')).toEqual([ids.chen]);
    expect(await find('欧阳娜娜')).toEqual([ids.ouyang]);
    expect(await find('龙岭')).toEqual([ids.ouyang]);
    expect(await find('陈')).toEqual([ids.chen]);
    expect(await find('娜')).toEqual([ids.ouyang]);
    // Substring, not bag of bigrams: 基宅 is not in any text.
    expect(await find('基宅')).toEqual([]);
    expect(await find('伟刘')).toEqual([]);
    // Case number digits.
    const caseNo = (await w.call('director', 'disputes.query', q({}))).rows.find((r) => r.id === ids.chen)!.caseNo;
    expect(await find(caseNo.slice(-5))).toContain(ids.chen);
  });

  it('keeps the search index in step with writes (a new party name is found at once)', async () => {
    const before = await w.call('director', 'disputes.query', q({ text: '孙丽' }));
    expect(before.total).toBe(0);
    await w.core.db('dispute_parties').insert({ dispute_id: ids.chen, side: 'respondent', seq: 1, name: '孙丽' });
    const after = await w.call('director', 'disputes.query', q({ text: '孙丽' }));
    expect(after.rows.map((r) => r.id)).toEqual([ids.chen]);
  });

  it('filters, sorts red first, counts, and pages in blocks', async () => {
    const red = await w.call('director', 'disputes.query', q({ statuses: ['registered'] }, { sort: { field: 'warning', dir: 'desc' } }));
    expect(red.rows[0]!.id).toBe(ids.red);
    expect(red.rows[0]!.warning).toBe('red');
    const byGrid = await w.call('director', 'disputes.query', q({ gridId: w.otherGridId }));
    expect(byGrid.rows.map((r) => r.id)).toEqual([ids.chen]);
    const cats = await w.call('director', 'disputes.query', q({ categories: ['物业', '劳动/欠薪'] }, { sort: { field: 'case_no', dir: 'asc' } }));
    expect(cats.total).toBe(2);
    expect(cats.rows.map((r) => r.caseNo)).toEqual([...cats.rows.map((r) => r.caseNo)].sort());
    const all = await w.call('director', 'disputes.query', q({}));
    const blocks: number[] = [];
    for (let s = 0; s < all.total; s += 2) blocks.push(...(await w.call('director', 'disputes.query', q({}, { startRow: s, endRow: s + 2 }))).rows.map((r) => r.id));
    expect(blocks).toEqual(all.rows.map((r) => r.id));
    // Deep block from the far end (reverse path) equals the tail of the whole list.
    const tail = await w.call('director', 'disputes.query', q({}, { startRow: all.total - 2, endRow: all.total }));
    expect(tail.rows.map((r) => r.id)).toEqual(all.rows.slice(-2).map((r) => r.id));
  });

  it('flags overdue cases and filters by them', async () => {
    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id: ids.red });
    await w.core.db('disputes').where({ id: ids.red }).update({ deadline: '2021-10-20' });
    const overdue = await w.call('director', 'disputes.query', q({ overdue: true }));
    expect(overdue.rows.map((r) => r.id)).toEqual([ids.red]);
    expect(overdue.rows[0]!.overdue).toBe(true);
    const range = await w.call('director', 'disputes.query', q({ registeredFrom: '2021-10-29', registeredTo: '2021-10-29' }));
    expect(range.total).toBe(4);
    const none = await w.call('director', 'disputes.query', q({ registeredTo: '2021-10-28', statuses: ['registered', 'accepted'] }));
    expect(none.rows.every((r) => r.registeredAt < '2021-10-28T16:00:00.000Z')).toBe(true);
  });

  it('masks by role: leader masked, grid worker only their grid, mediator only their cases, wall refused', async () => {
    const leader = await w.call('leader', 'disputes.query', q({ text: '刘伟' }));
    expect(leader.rows[0]!.partiesLabel).toBe('刘* 与 张*');
    const d = await w.call('leader', 'disputes.detail', { id: ids.liuwei });
    expect(d.parties[0]).toMatchObject({ name: '刘*', idNumber: `${ID_A.slice(0, 4)}**********${ID_A.slice(-4)}`, phone: '138****1234', masked: true });
    expect(d.address).toBeNull();
    const full = await w.call('dispatcher', 'disputes.detail', { id: ids.liuwei });
    expect(full.parties[0]).toMatchObject({ name: '刘伟', idNumber: ID_A, phone: '13807371234', masked: false });

    const gw = await w.call('gridworker', 'disputes.query', q({}));
    expect(gw.rows.map((r) => r.id)).not.toContain(ids.chen); // another grid
    expect(gw.rows.map((r) => r.id)).toContain(ids.liuwei);
    expect((await w.call('mediator', 'disputes.query', q({}))).total).toBe(0);
    expect(await w.attempt('wall', 'disputes.query', q({}))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('wall', 'disputes.detail', { id: ids.liuwei })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('warns of duplicates: same ID number, or same name and phone, with an open case in the grid', async () => {
    const dup = await w.attempt('dispatcher', 'disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '刘大伟', idNumber: ID_A }] }));
    expect(dup).toMatchObject({ ok: false, code: 'CONFLICT', field: 'parties' });
    expect(dup.message).toContain('身份证号相同');
    const byPhone = await w.call('dispatcher', 'disputes.findDuplicates', { gridId: w.gridId, parties: [{ name: '张强', phone: '13907375678' }] });
    expect(byPhone.duplicates).toEqual([expect.objectContaining({ id: ids.liuwei, reason: '姓名和电话相同' })]);
    const otherGrid = await w.call('dispatcher', 'disputes.findDuplicates', { gridId: w.otherGridId, parties: [{ idNumber: ID_A }] });
    expect(otherGrid.duplicates).toEqual([]);
    const forced = await w.call('dispatcher', 'disputes.intake', intakeInput(w, { allowDuplicate: true, parties: [{ side: 'applicant', name: '刘伟', idNumber: ID_A }] }));
    expect(forced.id).toBeGreaterThan(0);
  });
});

describe('bad input is refused with the field named, and nothing changes', () => {
  let w: DisputeWorld;
  afterEach(async () => w?.cleanup());

  it('every dispute handler', async () => {
    w = await disputeWorld();
    const count = async () => Number((await w.core.db('disputes').count({ n: '*' }))[0]!.n) + Number((await w.core.db('dispute_events').count({ n: '*' }))[0]!.n);
    const before = await count();
    const cases: Array<[string, unknown, string]> = [
      ['disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '刘伟', idNumber: '430902198503121239' }] }), 'parties.0.idNumber'],
      ['disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '刘伟', phone: '12345' }] }), 'parties.0.phone'],
      ['disputes.intake', intakeInput(w, { parties: [] }), 'parties'],
      ['disputes.intake', intakeInput(w, { summary: '  ' }), 'summary'],
      ['disputes.intake', { ...intakeInput(w), category: '吵架' }, 'category'],
      ['disputes.intake', intakeInput(w, { gridId: undefined }), 'gridId'],
      ['disputes.intake', intakeInput(w, { gridId: 99999 }), 'gridId'],
      ['disputes.intake', intakeInput(w, { warning: 'red' }), 'warningReason'],
      ['disputes.intake', intakeInput(w, { amountYuan: -1 }), 'amountYuan'],
      ['disputes.query', { startRow: 0, endRow: 1000 }, 'endRow'],
      ['disputes.query', { startRow: -1, endRow: 10 }, 'startRow'],
      ['disputes.query', { startRow: 0, endRow: 10, sort: { field: 'name', dir: 'asc' } }, 'sort.field'],
      ['disputes.query', { startRow: 0, endRow: 10, filter: { registeredFrom: '2021/10/01' } }, 'filter.registeredFrom'],
      ['disputes.detail', { id: 'x' }, 'id'],
      ['disputes.detail', { id: 99999 }, 'id'],
      ['disputes.transition', { action: 'fly', id: 1 }, 'action'],
      ['disputes.transition', { action: 'assign', id: 1, orgId: 1 }, 'mediatorId'],
      ['disputes.transition', { action: 'decline', id: 1, reason: '' }, 'reason'],
      ['disputes.setWarning', { id: 1, level: 'purple', reason: 'x' }, 'level'],
      ['disputes.setWarning', { id: 1, level: 'red', reason: '' }, 'reason'],
      ['disputes.addNote', { id: 1, note: '' }, 'note'],
      ['disputes.recordMediation', { id: 1, sessionAt: 'yesterday', content: 'x' }, 'sessionAt'],
      ['disputes.batchAssign', { ids: [], orgId: 1, mediatorId: 1 }, 'ids'],
      ['disputes.batchSetWarning', { ids: [1], level: 'red' }, 'reason'],
      ['disputes.mediators', { divisionCode: '12' }, 'divisionCode'],
      ['disputes.gridsOfVillage', { villageCode: 'abc' }, 'villageCode'],
      ['disputes.print', { id: 1, document: 'poster' }, 'document'],
      ['disputes.proposeWarning', { category: '吵架' }, 'category'],
      ['disputes.findDuplicates', { parties: 'x' }, 'parties'],
    ];
    for (const [name, input, field] of cases) {
      const r = await w.attempt('admin', name, input);
      expect(r, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, field });
      expect(r.message, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await count()).toBe(before);
  });
});
