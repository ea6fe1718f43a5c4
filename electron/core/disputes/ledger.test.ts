import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportJob, QueueView } from '../../../shared/contract';
import { disputeWorld, ID_B, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';
import { LEDGER_COLUMNS } from './exportLedger';
import { makeIdNumber } from '../../../shared/domain/idNumber';

async function waitDone(w: DisputeWorld, who: 'director' | 'leader', jobId: string): Promise<ExportJob> {
  for (let i = 0; i < 200; i++) {
    const j = await w.call(who, 'disputes.export.status', { jobId });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

async function readXlsx(b64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from({ length: LEDGER_COLUMNS.length }, (_x, i) => {
    const v = row.getCell(i + 1).value;
    return v === null || v === undefined ? '' : String(v);
  })));
  return rows;
}

describe('ledger export and case import', () => {
  let w: DisputeWorld;
  beforeEach(async () => {
    w = await disputeWorld();
    for (let i = 0; i < 12; i++) {
      await w.call('dispatcher', 'disputes.intake', intakeInput(w, { allowDuplicate: true, category: i % 3 === 0 ? '邻里' : '物业', summary: `第${i}号纠纷，邻里因排水发生争执`, parties: [{ side: 'applicant', name: `李${'一二三四五六七八九十甲乙'[i]}`, phone: `1380737${String(1000 + i)}` }] }));
    }
  });
  afterEach(async () => w.cleanup());

  it('exports exactly the filtered, sorted ledger with Chinese headers, with progress events', async () => {
    const view: QueueView = { filter: { categories: ['邻里'] }, sort: { field: 'case_no', dir: 'desc' } };
    const events: Array<{ state: string; done: number }> = [];
    const off = w.core.on('job.progress', (p) => events.push(p));
    const start = await w.call('director', 'disputes.export.start', { view });
    const job = await waitDone(w, 'director', start.jobId);
    off();
    // 4 registered here + 3 邻里 cases of the seeded small world.
    expect(job).toMatchObject({ state: 'done', done: 7, total: 7 });
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 7 });
    const file = await w.call('director', 'disputes.export.download', { jobId: start.jobId });
    expect(file.fileName).toMatch(/^矛盾纠纷台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readXlsx(file.contentBase64);
    expect(sheet[0]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    const queue = await w.call('director', 'disputes.query', { ...view, startRow: 0, endRow: 500 });
    expect(sheet.slice(1).map((r) => r[1])).toEqual(queue.rows.map((r) => r.caseNo));
    expect(sheet.slice(1).map((r) => r[5])).toEqual(queue.rows.map((r) => r.partiesLabel));
    // Someone else cannot fetch it; the export is in the audit log.
    expect(await w.attempt('leader', 'disputes.export.download', { jobId: start.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.core.db('audit_log').where({ action: 'disputes.export' }).first()).toBeTruthy();
    // … and the download of its personal data is in the read log (issue 10), the refused one is not.
    const reads = await w.core.db('personal_reads').where({ action: 'disputes.export.download' }).select('account_name', 'entity', 'entity_id');
    expect(reads).toEqual([{ account_name: 'director', entity: 'job', entity_id: start.jobId }]);
  });

  it('writes a workbook an office can sort and print: date cells, A4 landscape fit to width, header on every page, wrapped texts', async () => {
    const view: QueueView = { filter: {}, sort: { field: 'case_no', dir: 'asc' } };
    const start = await w.call('director', 'disputes.export.start', { view });
    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id: (await w.call('director', 'disputes.query', { ...view, startRow: 0, endRow: 1 })).rows[0]!.id }).catch(() => undefined);
    await waitDone(w, 'director', start.jobId);
    const file = await w.call('director', 'disputes.export.download', { jobId: start.jobId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    const registered = ws.getRow(2).getCell(col('登记日期'));
    expect(registered.value).toBeInstanceOf(Date);
    expect(registered.numFmt).toBe('yyyy-mm-dd');
    const deadlines = ws.getColumn(col('办理期限')).values.slice(2).filter((v) => v !== null && v !== undefined);
    for (const d of deadlines) expect(d).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(col('纠纷简要情况')).alignment).toMatchObject({ wrapText: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('masks the ledger for a leader', async () => {
    const start = await w.call('leader', 'disputes.export.start', { view: { filter: { categories: ['邻里'] } } });
    await waitDone(w, 'leader', start.jobId);
    const file = await w.call('leader', 'disputes.export.download', { jobId: start.jobId });
    const sheet = await readXlsx(file.contentBase64);
    const labelled = sheet.slice(1).filter((r) => r[5] !== '');
    expect(labelled).toHaveLength(4);
    expect(labelled.every((r) => /^李\*$/.test(r[5]!))).toBe(true);
  });

  const csv = (rows: string[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\n'), 'utf8').toString('base64');
  const header = ['工单编号', '受理时间', '诉求类型', '反映人', '身份证号', '联系电话', '网格编码', '事件地址', '诉求内容', '涉及人数'];

  it('imports nothing unless every row is valid, with a row-by-row report naming the column', async () => {
    const before = Number((await w.core.db('disputes').count({ n: '*' }))[0]!.n);
    const file = csv([
      header,
      ['GD001', '2021-10-28 09:30', '婚姻家庭纠纷', '赵敏', ID_B, '13900001111', '999901001201001', '东村一组', '夫妻因抚养费争执', '2'],
      ['GD002', '2021-10-28 10:00', '吵架', '钱芳', '430902198503121239', '139', '999901001201001', '', '', 'x'],
      ['GD003', '2021/10/28', '劳动争议', '孙杰', '', '13900002222', '999999999999999', '', '讨要工资', '1'],
      ['GD004', '2099-01-01 08:00', '邻里纠纷', '李\u202e四', '', '13900004444', '999901001201001', '', '未来的案件', '1'],
    ]);
    const r = await w.call('dispatcher', 'disputes.import', { fileName: '12345.csv', contentBase64: file, source: 'hotline_12345' });
    expect(r).toMatchObject({ totalRows: 4, validRows: 1, imported: 0 });
    expect(r.rows[0]).toMatchObject({ row: 2, ok: true });
    const row3 = r.rows[1]!.errors.map((e) => e.column);
    expect(row3).toEqual(expect.arrayContaining(['诉求类型', '身份证号', '联系电话', '诉求内容']));
    expect(r.rows[2]!.errors).toEqual([expect.objectContaining({ column: '网格编码', message: expect.stringContaining('999999999999999') })]);
    // A case dated 2099 and a name with a right-to-left override are row errors (issue 10).
    expect(r.rows[3]!.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['登记时间不能晚于当前时间', expect.stringContaining('控制字符')]));
    expect(Number((await w.core.db('disputes').count({ n: '*' }))[0]!.n)).toBe(before);

    const only = await w.call('dispatcher', 'disputes.import', { fileName: '12345.csv', contentBase64: file, source: 'hotline_12345', mode: 'validRowsOnly' });
    expect(only.imported).toBe(1);
    expect(only.rows[0]!.caseNo).toMatch(/^2021-/);
    expect(Number((await w.core.db('disputes').count({ n: '*' }))[0]!.n)).toBe(before + 1);
  });

  it('reads a GBK-encoded CSV (Excel’s default on Chinese Windows)', async () => {
    const text = [header.join(','), ['GD010', '2021-10-28 11:00', '邻里纠纷', '冯刚', '', '13900003333', '999901001201001', '东村二组', '邻居种树遮挡采光', '2'].join(',')].join('\r\n');
    // GB18030 bytes for the text (TextEncoder only writes UTF-8): map each character through the decoder's table.
    const gbk = encodeGb18030(text);
    const r = await w.call('dispatcher', 'disputes.import', { fileName: '12345导出.csv', contentBase64: gbk.toString('base64'), source: 'hotline_12345' });
    expect(r.imported).toBe(1);
    const found = await w.call('director', 'disputes.query', { filter: { text: '冯刚' }, startRow: 0, endRow: 10 });
    expect(found.total).toBe(1);
  });

  it('imports every row of a valid XLSX from 网小格, refusing duplicates within the file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导出');
    ws.addRow(['事件编号', '上报时间', '事件类型', '上报人', '身份证号码', '手机号码', '网格编码', '事件描述']);
    const idC = makeIdNumber({ region: '430921', birthDate: '19700505', sequence: 11 });
    ws.addRow(['W1', '2021-10-27 08:00', '邻里', '周杰', idC, '13700001111', '999901001201001', '邻居建房挡光']);
    ws.addRow(['W2', '2021-10-27 09:00', '物业纠纷', '吴娜', '', '13700002222', '999901001201002', '物业费争议']);
    const good = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const dry = await w.call('dispatcher', 'disputes.import', { fileName: 'wxg.xlsx', contentBase64: good, source: 'wxg_app', dryRun: true });
    expect(dry).toMatchObject({ validRows: 2, imported: 0 });
    const r = await w.call('dispatcher', 'disputes.import', { fileName: 'wxg.xlsx', contentBase64: good, source: 'wxg_app' });
    expect(r.imported).toBe(2);
    const found = await w.call('director', 'disputes.query', { filter: { text: '周杰' }, startRow: 0, endRow: 10 });
    expect(found.rows[0]).toMatchObject({ source: 'wxg_app', registeredAt: '2021-10-27T00:00:00.000Z' });
    // The same file again: every row now duplicates an open case.
    const again = await w.call('dispatcher', 'disputes.import', { fileName: 'wxg.xlsx', contentBase64: good, source: 'wxg_app' });
    expect(again).toMatchObject({ imported: 0, validRows: 0 });
    expect(await w.attempt('dispatcher', 'disputes.import', { fileName: 'x.txt', contentBase64: good, source: 'wxg_app' })).toMatchObject({ ok: false, field: 'fileName' });
    expect(await w.attempt('mediator', 'disputes.import', { fileName: 'wxg.xlsx', contentBase64: good, source: 'wxg_app' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

/** Encode text as GB18030 by searching the two-byte GBK range with the platform's decoder (test helper). */
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(hi, lo));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
