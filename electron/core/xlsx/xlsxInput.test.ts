import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../../shared/contract/errors';
import { disputeWorld, type DisputeWorld } from '../../../tests/support/disputeWorld';
import { cellValue, checkXlsxLimits, DEFAULT_XLSX_LIMITS } from './xlsxInput';

/** A workbook written by hand: the archive layout of an .xlsx, with a worksheet of `rows` rows. */
function handMadeXlsx(rows: number, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c><c r="B${r}"><v>${r}</v></c></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B${rows}"/><sheetData>${body.join('')}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    ...extra,
  });
}

const refusal = async (fn: () => Promise<unknown>): Promise<string> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof CoreError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('xlsx limits before anything is built (issue 10)', () => {
  it('counts rows and cells while streaming, and refuses a sheet over the limit', async () => {
    expect((await checkXlsxLimits(handMadeXlsx(100), { ...DEFAULT_XLSX_LIMITS, maxRows: 100 })).sheets['xl/worksheets/sheet1.xml']).toEqual({ rows: 100, cells: 200 });
    const declared = handMadeXlsx(200_000); // a few hundred KB on disk
    expect(declared.length).toBeLessThan(3_000_000);
    expect(await refusal(() => checkXlsxLimits(declared, { ...DEFAULT_XLSX_LIMITS, maxRows: 20_000 }))).toContain('超过 20000 行');
    expect(await refusal(() => checkXlsxLimits(handMadeXlsx(1_000), { ...DEFAULT_XLSX_LIMITS, maxRows: 5_000, maxCells: 1_500 }))).toContain('单元格超过 1500');
  });

  it('refuses a zip bomb by inflated size, and what is not a zip', async () => {
    const bomb = handMadeXlsx(1, { 'xl/media/zeros.bin': new Uint8Array(40 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(() => checkXlsxLimits(bomb, { ...DEFAULT_XLSX_LIMITS, maxRows: 10, maxBytes: 16 * 1024 * 1024 }))).toContain('解压后超过 16 MB');
    expect(await refusal(() => checkXlsxLimits(strToU8('名称,类别\n甲,乙'), { ...DEFAULT_XLSX_LIMITS, maxRows: 10 }))).toContain('无法读取');
  });

  it('formula cells without a result and error cells are problems; dates keep their China wall clock', () => {
    expect(cellValue({ formula: 'A1+1' } as ExcelJS.CellValue)).toEqual({ problem: expect.stringContaining('公式没有计算结果') });
    expect(cellValue({ formula: 'VLOOKUP(1,A:A,1)', result: { error: '#N/A' } } as ExcelJS.CellValue)).toEqual({ problem: expect.stringContaining('#N/A') });
    expect(cellValue({ error: '#REF!' } as ExcelJS.CellValue)).toEqual({ problem: expect.stringContaining('#REF!') });
    expect(cellValue({ formula: '1+1', result: 2 } as ExcelJS.CellValue)).toEqual({ text: '2' });
    expect(cellValue(new Date('2021-10-05T20:00:00Z'))).toEqual({ text: '2021-10-05 20:00:00' });
    expect(cellValue(new Date('2021-10-05T00:00:00Z'))).toEqual({ text: '2021-10-05' });
  });
});

describe('imports through the door', () => {
  let w: DisputeWorld;
  beforeAll(async () => {
    w = await disputeWorld();
  });
  afterAll(async () => w.cleanup());
  const disputes = async () => Number((await w.core.db('disputes').count({ n: '*' }).first())?.n);

  it('a workbook declaring 200,000 rows is refused before it is loaded, nothing stored', async () => {
    const before = await disputes();
    const file = Buffer.from(handMadeXlsx(200_000)).toString('base64');
    const res = await w.attempt('dispatcher', 'disputes.import', { fileName: 'big.xlsx', contentBase64: file, source: 'wxg_app' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'contentBase64' });
    expect(res.message).toContain('超过 20000 行');
    const dir = await w.attempt('dispatcher', 'directory.importExcel', { contentBase64: file });
    expect(dir).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'contentBase64' });
    expect(await disputes()).toBe(before);
  });

  it('error and uncalculated formula cells are row errors; an Excel date is China time', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导出');
    ws.addRow(['事件编号', '上报时间', '事件类型', '上报人', '手机号码', '网格编码', '事件描述']);
    ws.addRow(['W1', new Date('2021-10-05T20:00:00Z'), '邻里', '周杰', '13700001111', '999901001201001', '邻居建房挡光']);
    ws.addRow(['W2', '2021-10-06 08:00', '邻里', { formula: 'B2' }, '13700002222', '999901001201001', '占道堆放']);
    ws.addRow(['W3', '2021-10-06 09:00', '邻里', '吴娜', '13700003333', { error: '#N/A' }, '噪音扰民']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await w.call('dispatcher', 'disputes.import', { fileName: 'wxg.xlsx', contentBase64: file, source: 'wxg_app', mode: 'validRowsOnly' });
    expect(r.rows.map((x) => x.ok)).toEqual([true, false, false]);
    expect(r.rows[1]!.errors).toEqual(expect.arrayContaining([{ column: '上报人', message: expect.stringContaining('公式没有计算结果') }]));
    expect(r.rows[2]!.errors).toEqual(expect.arrayContaining([{ column: '网格编码', message: expect.stringContaining('#N/A') }]));
    const stored: { registered_at: string; case_no: string } = await w.core.db('disputes').orderBy('id', 'desc').first('registered_at', 'case_no');
    // 20:00 on the 5th in China is 12:00 UTC on the 5th, not the 6th.
    expect(stored.registered_at).toBe('2021-10-05T12:00:00.000Z');
  });
});
