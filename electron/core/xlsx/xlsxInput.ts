import type ExcelJS from 'exceljs';
import { createInflateRaw } from 'node:zlib';
import { CoreError } from '../../../shared/contract/errors';

/**
 * What an uploaded .xlsx may cost before anything is built from it (issue 10): an .xlsx is a zip of XML,
 * and a few megabytes can declare a million rows or inflate to gigabytes. `checkXlsxLimits` reads the
 * archive's table of contents and streams each entry through zlib on the thread pool — a megabyte at a
 * time, each piece thrown away once counted — counting entries, inflated bytes, and each worksheet's rows
 * and cells, and refuses past a limit with a message for people. Only a workbook within the limits is then
 * read by exceljs; the node keeps answering meanwhile (the inflating is off the event loop).
 */
export interface XlsxLimits {
  /** Data rows per worksheet (the header row is allowed on top). */
  maxRows: number;
  /** Cells per worksheet. */
  maxCells: number;
  /** Inflated bytes of the whole archive. */
  maxBytes: number;
  /** Files in the archive. */
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: Omit<XlsxLimits, 'maxRows'> = { maxCells: 1_000_000, maxBytes: 100 * 1024 * 1024, maxEntries: 2_000 };

function refuse(message: string, field: string): never {
  throw new CoreError('INVALID_INPUT', `输入有误：${field}：${message}`, { field, issues: [{ field, message }] });
}

export interface XlsxCensus {
  entries: number;
  bytes: number;
  /** Rows and cells of each worksheet, by its path in the archive. */
  sheets: Record<string, { rows: number; cells: number }>;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The archive's table of contents (the central directory at its end), or null when it is not a zip. */
function zipEntries(buf: Buffer): Entry[] | null {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Occurrences of a tag (`<row`, or with a namespace prefix `:row`) followed by a space, `>` or `/`. */
function countTag(buf: Buffer, tag: string): number {
  let n = 0;
  for (const lead of ['<', ':']) {
    const needle = Buffer.from(lead + tag);
    for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) {
      const next = buf[i + needle.length];
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    }
  }
  return n;
}

/** Inflate one entry on the thread pool, piece by piece, handing each piece over; stop when asked. */
async function inflateEntry(data: Buffer, onPiece: (piece: Buffer) => boolean): Promise<void> {
  const inflater = createInflateRaw({ chunkSize: 1024 * 1024 });
  const done = new Promise<void>((resolve, reject) => {
    inflater.on('data', (piece: Buffer) => {
      if (!onPiece(piece)) {
        inflater.destroy();
        resolve();
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('close', () => resolve());
    inflater.on('error', reject);
  });
  inflater.end(data);
  await done;
}

export async function checkXlsxLimits(bytes: Uint8Array, limits: XlsxLimits, field = 'contentBase64'): Promise<XlsxCensus> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const census: XlsxCensus = { entries: 0, bytes: 0, sheets: {} };
  const entries = zipEntries(buf) ?? [];
  if (entries.length === 0) refuse('无法读取该 Excel 文件（须为 .xlsx）', field);
  if (entries.length > limits.maxEntries) refuse(`文件内部条目过多（超过 ${limits.maxEntries} 个），不是正常的 Excel 文件`, field);
  let problem: string | null = null;
  for (const e of entries) {
    census.entries += 1;
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) refuse('无法读取该 Excel 文件（须为 .xlsx）', field);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? (census.sheets[e.name] = { rows: 0, cells: 0 }) : null;
    let carry = Buffer.alloc(0);
    const take = (piece: Buffer): boolean => {
      census.bytes += piece.length;
      if (census.bytes > limits.maxBytes) {
        problem = `文件解压后超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB，请拆分后导入`;
        return false;
      }
      if (sheet) {
        // Tags across piece boundaries: the last few bytes are counted with the next piece.
        const text = carry.length ? Buffer.concat([carry, piece]) : piece;
        const cut = Math.max(0, text.length - 8);
        sheet.rows += countTag(text.subarray(0, cut), 'row');
        sheet.cells += countTag(text.subarray(0, cut), 'c');
        carry = Buffer.from(text.subarray(cut));
        if (sheet.rows > limits.maxRows + 1) problem = `工作表超过 ${limits.maxRows} 行，请拆分后分批导入`;
        else if (sheet.cells > limits.maxCells) problem = `工作表单元格超过 ${limits.maxCells} 个，请拆分后分批导入`;
      }
      return problem === null;
    };
    try {
      if (e.method === 0) take(data);
      else if (e.method === 8) await inflateEntry(data, take);
      else refuse('文件使用了不支持的压缩方式，不是正常的 Excel 文件', field);
    } catch (err) {
      if (err instanceof CoreError) throw err;
      refuse('无法读取该 Excel 文件（须为 .xlsx）', field);
    }
    if (sheet && problem === null && carry.length) {
      sheet.rows += countTag(carry, 'row');
      sheet.cells += countTag(carry, 'c');
      if (sheet.rows > limits.maxRows + 1) problem = `工作表超过 ${limits.maxRows} 行，请拆分后分批导入`;
    }
    if (problem) refuse(problem, field);
  }
  return census;
}

/**
 * A cell's value as text for an importer, or a problem for the row: a formula without a cached result
 * (the file was never calculated) and error values (#N/A, #REF!) are not data. Dates: Excel stores a
 * wall-clock time with no zone and exceljs hands it over as that time in UTC; the exports are China time,
 * so the wall clock is kept as written ("2021-10-05 20:00" stays 20:00 on the 5th, not the 6th).
 */
export function cellValue(v: ExcelJS.CellValue): { text: string } | { problem: string } {
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { problem: '日期无效' };
    const iso = v.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}` };
  }
  if (typeof v === 'object') {
    if ('error' in v) return { problem: `单元格为错误值 ${String(v.error)}` };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { problem: '公式没有计算结果（请在 Excel 中另存为数值后再导入）' };
      if (typeof result === 'object' && result !== null && 'error' in result) return { problem: `公式结果为错误值 ${String((result as { error: unknown }).error)}` };
      return cellValue(result as ExcelJS.CellValue);
    }
    if ('richText' in v) return { text: v.richText.map((t) => t.text).join('') };
    if ('text' in v && typeof v.text === 'string') return { text: v.text };
    return { text: '' };
  }
  return { text: String(v) };
}
