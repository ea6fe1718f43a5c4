import type ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { CoreError } from '../../../shared/contract/errors';

/**
 * What an uploaded .xlsx may cost before anything is built from it (issue 10): an .xlsx is a zip of XML,
 * and a few megabytes can declare a million rows or inflate to gigabytes. `checkXlsxLimits` streams through
 * the archive once — inflating in small slices and throwing each piece away — counting entries, inflated
 * bytes, and each worksheet's rows and cells, and refuses past a limit with a message for people. Only a
 * workbook within the limits is then read by exceljs.
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

/** Compressed bytes pushed at a time: deflate expands at most ~1:1032, so one piece inflates to ≤ ~16 MB. */
const SLICE = 16 * 1024;

const ROW = /<(?:\w+:)?row[\s>/]/g;
const CELL = /<(?:\w+:)?c[\s>/]/g;
const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

function refuse(message: string, field: string): never {
  throw new CoreError('INVALID_INPUT', `输入有误：${field}：${message}`, { field, issues: [{ field, message }] });
}

export interface XlsxCensus {
  entries: number;
  bytes: number;
  /** Rows and cells of each worksheet, by its path in the archive. */
  sheets: Record<string, { rows: number; cells: number }>;
}

export function checkXlsxLimits(bytes: Uint8Array, limits: XlsxLimits, field = 'contentBase64'): XlsxCensus {
  const census: XlsxCensus = { entries: 0, bytes: 0, sheets: {} };
  let problem: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (problem) return;
    census.entries += 1;
    if (census.entries > limits.maxEntries) {
      problem = `文件内部条目过多（超过 ${limits.maxEntries} 个），不是正常的 Excel 文件`;
      return;
    }
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name) ? (census.sheets[file.name] = { rows: 0, cells: 0 }) : null;
    const decoder = sheet ? new TextDecoder('utf-8') : null;
    let tail = '';
    file.ondata = (err, chunk, final) => {
      if (problem) return;
      if (err) {
        problem = '无法读取该 Excel 文件（须为 .xlsx）';
        return;
      }
      census.bytes += chunk.length;
      if (census.bytes > limits.maxBytes) {
        problem = `文件解压后超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB，请拆分后导入`;
        return;
      }
      if (sheet && decoder) {
        // Count tags across piece boundaries: keep the last few characters for the next piece.
        const text = tail + decoder.decode(chunk, { stream: !final });
        const cut = Math.max(0, text.length - 8);
        const head = text.slice(0, cut);
        sheet.rows += count(ROW, head);
        sheet.cells += count(CELL, head);
        tail = text.slice(cut);
        if (final) {
          sheet.rows += count(ROW, tail);
          sheet.cells += count(CELL, tail);
          tail = '';
        }
        if (sheet.rows > limits.maxRows + 1) problem = `工作表超过 ${limits.maxRows} 行，请拆分后分批导入`;
        else if (sheet.cells > limits.maxCells) problem = `工作表单元格超过 ${limits.maxCells} 个，请拆分后分批导入`;
      }
    };
    try {
      file.start();
    } catch {
      problem = '文件使用了不支持的压缩方式，不是正常的 Excel 文件';
    }
  };
  try {
    for (let at = 0; at < bytes.length && !problem; at += SLICE) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), at + SLICE >= bytes.length);
  } catch {
    problem ??= '无法读取该 Excel 文件（须为 .xlsx）';
  }
  if (problem) refuse(problem, field);
  if (census.entries === 0) refuse('无法读取该 Excel 文件（须为 .xlsx）', field);
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
