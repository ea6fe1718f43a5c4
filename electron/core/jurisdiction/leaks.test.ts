import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../index';
import type { InputOf, QueueFilter } from '../../../shared/contract';
import { READ_LOG_KEEP_DAYS, READ_LOG_MIN_DAYS } from '../privacy/readLog';
import type { Role } from '../../../shared/contract/roles';
import { hashPassword } from '../accounts/passwords';
import { callAs, attemptAs, type Call } from '../../../tests/support/call';
import { loginAs, TEST_PASSWORD } from '../../../tests/support/tempCore';
import { disputeWorld, ID_A, ID_B, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

/**
 * Issue 10, item 1: personal data reachable around the door. Each test calls the core as the role
 * concerned, the way a client does, and would pass on the code before the fix only if the leak were shut.
 */


type Query = InputOf<'disputes.query'>;
const q = (filter: Partial<QueueFilter>): Query => ({ filter, startRow: 0, endRow: 100 });

/** An account below the city level (the world's accounts all sit at the city). */
async function addAccount(core: Core, username: string, role: Role, divisionCode: string, personId: number | null = null): Promise<string> {
  const now = '2021-10-01T00:00:00.000Z';
  await core.db('accounts').insert({ username, display_name: username, role, division_code: divisionCode, password_hash: await hashPassword(TEST_PASSWORD), person_id: personId, created_at: now, updated_at: now });
  return loginAs(core, username);
}

describe('leaks closed (issue 10)', () => {
  let w: DisputeWorld;
  let southGridId: number;
  let southCase: number;
  let ownCase: number;
  let townDispatcher: Call;
  let townToken: string;
  beforeAll(async () => {
    w = await disputeWorld();
    const grids: Array<{ id: number; code: string }> = await w.core.db('grids').orderBy('code').select('id', 'code');
    southGridId = grids.find((g) => g.code === '999902001201001')!.id;
    // 王建国 has an open case in 乙县 (another county) and 刘伟 one in the grid worker's grid.
    southCase = (
      await w.call('director', 'disputes.intake', intakeInput({ gridId: southGridId }, { parties: [{ side: 'applicant', name: '王建国', idNumber: ID_B, phone: '13700000001' }], location: { lon: 112.105, lat: 28.005 } }))
    ).id;
    ownCase = (await w.call('director', 'disputes.intake', intakeInput(w, { location: { lon: 112.005, lat: 28.005 } }))).id;
    townToken = await addAccount(w.core, 'town_dispatcher', 'dispatcher', '999901001000');
    townDispatcher = callAs(w.core, townToken);
  });
  afterAll(async () => w.cleanup());

  it('disputes.findDuplicates answers only inside the caller’s jurisdiction', async () => {
    const probe = { gridId: southGridId, parties: [{ idNumber: ID_B }] };
    // The city's director covers 乙县: the warning is there for them.
    expect((await w.call('director', 'disputes.findDuplicates', probe)).duplicates.map((d) => d.id)).toEqual([southCase]);
    // A township dispatcher of 甲一镇 and the grid worker of one 甲 grid learn nothing about it.
    expect((await townDispatcher('disputes.findDuplicates', probe)).duplicates).toEqual([]);
    expect((await w.call('gridworker', 'disputes.findDuplicates', probe)).duplicates).toEqual([]);
    // … while their own grid still warns them.
    const own = await w.call('gridworker', 'disputes.findDuplicates', { gridId: w.gridId, parties: [{ idNumber: ID_A }] });
    expect(own.duplicates.map((d) => d.id)).toEqual([ownCase]);
  });

  it('directory.whoCanHelp takes a case only from someone who may read it; unknown and foreign ids answer alike', async () => {
    const fromCase = await w.call('director', 'directory.whoCanHelp', { disputeId: southCase });
    expect(fromCase.from).toEqual([112.105, 28.005]);
    const foreign = await attemptAs(w.core, townToken, 'directory.whoCanHelp', { disputeId: southCase });
    const unknown = await attemptAs(w.core, townToken, 'directory.whoCanHelp', { disputeId: 999_999 });
    expect(foreign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);
    // The wall reads no case at all: any id is "not found"; a point on the map still works.
    expect(await w.attempt('wall', 'directory.whoCanHelp', { disputeId: ownCase })).toEqual(await w.attempt('wall', 'directory.whoCanHelp', { disputeId: 999_999 }));
    expect(await w.attempt('wall', 'directory.whoCanHelp', { disputeId: ownCase })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await w.call('wall', 'directory.whoCanHelp', { lon: 112.005, lat: 28.005 })).from).toEqual([112.005, 28.005]);
    // A mediator reads only the cases assigned to them.
    expect(await w.attempt('mediator', 'directory.whoCanHelp', { disputeId: ownCase })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await w.call('gridworker', 'directory.whoCanHelp', { disputeId: ownCase })).from).toEqual([112.005, 28.005]);
  });

  it('directory contact mobiles are masked like grid workers’ phones, in the list and the Excel export', async () => {
    const point = await w.call('dispatcher', 'directory.create', {
      name: '东村调解联络点', category: 'legal_point', level: 'village', divisionCode: '999901001201', phone: '13812345678', contactName: '王芳',
    });
    const phoneOf = async (who: 'dispatcher' | 'leader' | 'gridworker' | 'wall') => (await w.call(who, 'directory.list', { q: '调解联络点' })).rows.find((r) => r.id === point.id);
    expect(await phoneOf('dispatcher')).toMatchObject({ phone: '13812345678', contactName: '王芳' });
    expect(await phoneOf('leader')).toMatchObject({ phone: '138****5678', contactName: '王芳' });
    expect(await phoneOf('gridworker')).toMatchObject({ phone: '138****5678' });
    expect(await phoneOf('wall')).toMatchObject({ phone: null, contactName: null });
    // An office landline is not personal: everyone gets it.
    const office = await w.call('dispatcher', 'directory.create', { name: '甲一镇司法所', category: 'legal_station', level: 'township', divisionCode: '999901001000', phone: '0737-4221234' });
    expect((await w.call('wall', 'directory.get', { id: office.id })).phone).toBe('0737-4221234');
    for (const who of ['leader', 'wall'] as const) {
      const file = await w.call(who, 'directory.exportExcel', { q: '调解联络点' });
      const ExcelJS = (await import('exceljs')).default;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const cells = JSON.stringify(book.worksheets[0]!.getSheetValues());
      expect(cells).not.toContain('13812345678');
    }
  });

  it('quick search never matches what the caller sees masked (no yes/no oracle on a full name)', async () => {
    const id = (await w.call('director', 'disputes.intake', intakeInput(w, { parties: [{ side: 'applicant', name: '欧阳修远', phone: '13600000009' }], summary: '相邻通行纠纷，道路被堵', allowDuplicate: true }))).id;
    const find = async (who: 'director' | 'leader', text: string) => (await w.call(who, 'disputes.query', q({ text }))).rows.map((r) => r.id);
    expect(await find('director', '欧阳修远')).toEqual([id]);
    expect(await find('director', '修远')).toEqual([id]);
    // The leader sees 欧*** : the full name and its given name find nothing, the surname and the text do.
    expect(await find('leader', '欧阳修远')).toEqual([]);
    expect(await find('leader', '修远')).toEqual([]);
    expect(await find('leader', '欧')).toEqual([id]);
    expect(await find('leader', '道路被堵')).toEqual([id]);
    expect(await find('leader', '道路 修远')).toEqual([]);
  });

  it('reading personal data is logged (detail, print, attachment, export download); unmasking is its own audited permission', async () => {
    const reads = () => w.core.db('personal_reads').orderBy('id').select('account_name', 'role', 'action', 'entity', 'entity_id', 'detail', 'at');
    const before = (await reads()).length;
    await w.call('leader', 'disputes.detail', { id: ownCase });
    await w.call('dispatcher', 'disputes.print', { id: ownCase, document: 'registration' });
    const att = await w.call('dispatcher', 'disputes.addAttachment', { id: ownCase, fileName: '现场照片.txt', mime: 'text/plain', contentBase64: Buffer.from('照片').toString('base64') });
    await w.call('director', 'disputes.getAttachment', { attachmentId: att.attachmentId });
    const log = (await reads()).slice(before);
    expect(log.map((r) => [r.account_name, r.action, r.entity, r.entity_id])).toEqual([
      ['leader', 'disputes.detail', 'dispute', String(ownCase)],
      ['dispatcher', 'disputes.print', 'dispute', String(ownCase)],
      ['director', 'disputes.getAttachment', 'attachment', String(att.attachmentId)],
    ]);
    expect(log[0]!.at).toBe(new Date('2021-10-29T09:00:00+08:00').toISOString());
    expect(READ_LOG_KEEP_DAYS).toBeGreaterThanOrEqual(READ_LOG_MIN_DAYS);

    // The leader sees 刘* …; unmasking asks for a reason, is refused to others, and is logged both ways.
    expect((await w.call('leader', 'disputes.detail', { id: ownCase })).parties[0]!.name).toBe('刘*');
    expect(await w.attempt('leader', 'disputes.unmask', { id: ownCase, reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'reason' });
    expect(await w.attempt('dispatcher', 'disputes.unmask', { id: ownCase, reason: '核实当事人身份' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('leader', 'disputes.unmask', { id: 999_999, reason: '核实当事人身份' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const full = await w.call('leader', 'disputes.unmask', { id: ownCase, reason: '核实当事人身份' });
    expect(full.parties[0]).toMatchObject({ name: '刘伟', idNumber: ID_A, masked: false });
    const audit = await w.core.db('audit_log').orderBy('seq', 'desc').first('action', 'actor_name', 'entity_id', 'detail');
    expect(audit).toMatchObject({ action: 'disputes.unmask', actor_name: 'leader', entity_id: String(ownCase) });
    expect(audit!.detail).toContain('核实当事人身份');
    const last = (await reads()).at(-1)!;
    expect(last).toMatchObject({ account_name: 'leader', action: 'disputes.unmask', entity_id: String(ownCase) });
    expect(last.detail).toContain('核实当事人身份');

    // The center's leads read the log through the door, by case; nobody else may.
    const byCase = await w.call('director', 'audit.reads', { disputeId: ownCase });
    expect(byCase.entries.map((e) => e.action)).toEqual(['disputes.unmask', 'disputes.detail', 'disputes.getAttachment', 'disputes.print', 'disputes.detail']);
    expect(byCase.entries[0]).toMatchObject({ accountName: 'leader', role: 'leader', detail: { reason: '核实当事人身份' } });
    expect(await w.attempt('leader', 'audit.reads', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
