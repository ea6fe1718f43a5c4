import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';
import type { DirectoryFilter } from '../../../shared/contract/directory';
import { attemptAs, callAs, type Call } from '../../../tests/support/call';

describe('directory Excel export / import and the printable page', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const as = (who: string): Call => callAs(core, tokens[who] ?? null);
  const snapshot = async () => core.db('service_points').orderBy('id').select('id', 'name', 'category', 'level', 'division_code', 'address', 'lon', 'lat', 'phone', 'hours', 'contact_name', 'staff_count', 'notes');

  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    for (const u of ['admin', 'director', 'leader', 'wall']) tokens[u] = await loginAs(core, u);
    await as('director')('directory.create', { name: '东村心理服务点', category: 'grid_counseling', level: 'grid', divisionCode: '999901001201', lon: 112.005, lat: 28.005, phone: '13812345678', hours: '8:30-17:30', contactName: '王芳', staffCount: 2, notes: '二楼' });
  });
  afterAll(() => cleanup());

  const exported = async (who = 'director', filter: Partial<DirectoryFilter> = {}) => {
    const file = await as(who)('directory.exportExcel', filter);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    return { file, wb, ws: wb.worksheets[0]! };
  };
  const toBase64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

  it('exports the filtered directory with Chinese headers and labels', async () => {
    const { file, ws } = await exported('director', { category: ['grid_counseling'] });
    expect(file.fileName).toMatch(/^服务点目录_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.rows).toBe(1);
    expect(ws.getRow(1).getCell(2).text).toBe('名称');
    expect(ws.getRow(2).getCell(3).text).toBe('网格心理服务点');
    expect(ws.getRow(2).getCell(12).text).toBe('王芳');
    const wall = await exported('wall', { category: ['grid_counseling'] });
    expect(wall.ws.getRow(2).getCell(12).text).toBe('');
  });

  it('imports its own export back without changing anything', async () => {
    const before = await snapshot();
    const { wb } = await exported();
    const r = await as('director')('directory.importExcel', { contentBase64: await toBase64(wb), mode: 'import' });
    expect(r).toMatchObject({ rows: before.length, valid: before.length, errors: [], inserted: 0, updated: before.length });
    expect(await snapshot()).toEqual(before);
  });

  it('reports bad rows by row and column, writes nothing unless asked to import only the good rows', async () => {
    const { wb, ws } = await exported();
    ws.addRow([null, '东村警务室', '警务室', '村', '999901001201', '', '村部', 112.006, 28.006, '0737-4221234']);
    ws.addRow([null, '坏电话服务点', '警务室', '村', '999901001201', '', '', 112.006, 28.006, '12345678']);
    ws.addRow([null, '未知类别点', '银行', '村', '999901001201']);
    ws.addRow([null, '出界服务点', '警务室', '村', '999901001201', '', '', 112.5, 28.006]);
    ws.addRow([999, '无此编号', '警务室', '村', '999901001201']);
    const content = await toBase64(wb);
    const before = await snapshot();
    const check = await as('director')('directory.importExcel', { contentBase64: content, mode: 'import' });
    const last = ws.rowCount;
    expect(check.errors.map((e) => [e.row, e.column])).toEqual([
      [last - 3, '电话'],
      [last - 2, '类别'],
      [last - 1, '经度'],
      [last, '编号'],
    ]);
    expect(check.errors[1]!.message).toContain('银行');
    expect(check.inserted + check.updated).toBe(0);
    expect(await snapshot()).toEqual(before);
    const partial = await as('director')('directory.importExcel', { contentBase64: content, mode: 'import', onlyGoodRows: true });
    expect(partial.inserted).toBe(1);
    expect((await snapshot()).length).toBe(before.length + 1);
    const audit = await core.db('audit_log').orderBy('seq', 'desc').first('action', 'detail');
    expect(audit.action).toBe('directory.import');
  });

  it('refuses readers, files that are not Excel, and sheets without the headers', async () => {
    const denied = await attemptAs(core, tokens.leader ?? null, 'directory.importExcel', { contentBase64: 'AAAA' });
    expect(denied.code).toBe('FORBIDDEN');
    const junk = await attemptAs(core, tokens.director ?? null, 'directory.importExcel', { contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(junk.message).toContain('Excel');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['名字', '电话']);
    const noHeaders = await attemptAs(core, tokens.director ?? null, 'directory.importExcel', { contentBase64: await toBase64(wb) });
    expect(noHeaders.message).toContain('表头缺少列');
  });

  it('prints an A4 page with local fonts only and escaped text', async () => {
    await as('director')('directory.create', { name: '<b>甲一镇</b>心理咨询室', category: 'counseling_room', level: 'township', divisionCode: '999901001000' });
    const { html, rows } = await as('wall')('directory.printable', {});
    expect(rows).toBeGreaterThan(2);
    expect(html).toContain('size: A4');
    expect(html).toContain('&lt;b&gt;甲一镇&lt;/b&gt;');
    expect(html).not.toMatch(/https?:|@font-face|<script|王芳/);
  });
});
