import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../index';
import type { Role } from '../../../shared/contract/roles';
import { hashPassword } from '../accounts/passwords';
import { callAs, attemptAs, type Call } from '../../../tests/support/call';
import { loginAs, TEST_PASSWORD } from '../../../tests/support/tempCore';
import { disputeWorld, ID_A, ID_B, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

/**
 * Issue 10, item 1: personal data reachable around the door. Each test calls the core as the role
 * concerned, the way a client does, and would pass on the code before the fix only if the leak were shut.
 */


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
});
