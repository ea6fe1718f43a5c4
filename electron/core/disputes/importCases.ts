import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { z } from 'zod';
import { CoreError } from '../../../shared/contract/errors';
import { IntakeInput } from '../../../shared/contract/disputes';
import type { ImportRowReport } from '../../../shared/contract/disputes';
import { DISPUTE_CATEGORIES } from '../../../shared/domain/disputeStatus';
import type { DomainImpls } from '../context';
import { findDuplicateCases, intakeProblems, placeCase, registerCase } from './intake';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../../shared/contract/text';
import { callerScope, canSee } from '../jurisdiction/cases';
import { cellValue, checkXlsxLimits, DEFAULT_XLSX_LIMITS } from '../xlsx/xlsxInput';

/**
 * Import of cases from 网小格 and 12345 hotline exports (CSV or XLSX). Every row is checked first —
 * the same schema as intake, the grid, scope and duplicates — and reported row by row with the column at
 * fault. Nothing is written unless every row is valid (or the caller asked for the valid rows only);
 * the writes share the handler's one transaction, so a failure half way leaves nothing behind.
 */

const MAX_ROWS = 20_000;

/** Each field and the column names the two systems use for it (first match wins). */
const COLUMNS = {
  externalNo: ['工单编号', '事件编号', '编号', '工单号'],
  registeredAt: ['登记时间', '受理时间', '上报时间', '来电时间', '创建时间'],
  category: ['纠纷类别', '类别', '事件类型', '诉求类型', '纠纷类型'],
  applicant: ['申请人', '当事人', '反映人', '来电人', '诉求人', '上报人'],
  idNumber: ['申请人身份证号', '身份证号', '身份证号码', '证件号码'],
  phone: ['联系电话', '电话', '来电号码', '手机号码'],
  respondent: ['被申请人', '对方当事人'],
  gridCode: ['网格编码', '网格代码'],
  villageCode: ['村（社区）代码', '村社区代码', '村代码'],
  address: ['地址', '事发地址', '事件地址', '发生地点'],
  summary: ['纠纷简要情况', '事件描述', '诉求内容', '内容', '问题描述'],
  peopleInvolved: ['涉及人数'],
  amountYuan: ['涉及金额', '涉及金额（元）', '涉及金额(元)'],
} as const;
type Field = keyof typeof COLUMNS;

/** `problems[i]`: cells of row i that hold no data (an error value, an uncalculated formula), by header. */
type Sheet = { headers: string[]; rows: Array<Record<string, string>>; problems?: Array<Array<{ column: string; message: string }>> };

async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  if (/\.csv$/i.test(fileName)) {
    // 12345 and 网小格 exports are often GBK (Excel's default "CSV" in a Chinese Windows): UTF-8 when the
    // bytes are valid UTF-8, else GB18030 (a superset of GBK).
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    text = text.replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
    return { headers: parsed.meta.fields ?? [], rows: parsed.data };
  }
  // Rows, cells and inflated size are counted while streaming through the archive, before exceljs builds
  // anything: a small file declaring a million rows, or a zip bomb, is refused here.
  await checkXlsxLimits(bytes, { ...DEFAULT_XLSX_LIMITS, maxRows: MAX_ROWS });
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its load() argument as its own Buffer interface, which Node 20's Buffer no longer
    // satisfies structurally; the runtime accepts a Node Buffer.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CoreError('INVALID_INPUT', '输入有误：contentBase64：无法读取该 Excel 文件（须为 .xlsx）', { field: 'contentBase64' });
  }
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const cellText = (v: ExcelJS.CellValue): string => {
    const c = cellValue(v);
    return 'text' in c ? c.text : '';
  };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = cellText(c.value).trim()));
  const rows: Array<Record<string, string>> = [];
  const problems: Sheet['problems'] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, string> = {};
    const bad: Array<{ column: string; message: string }> = [];
    headers.forEach((h, i) => {
      const c = cellValue(row.getCell(i + 1).value);
      if ('problem' in c) bad.push({ column: h, message: c.problem });
      rec[h] = 'text' in c ? c.text.trim() : '';
    });
    if (bad.length || Object.values(rec).some((v) => v !== '')) {
      rows.push(rec);
      problems.push(bad);
    }
  });
  return { headers, rows, problems };
}

function mapCategory(raw: string): string {
  const exact = DISPUTE_CATEGORIES.find((c) => c === raw);
  if (exact) return exact;
  // "婚姻家庭纠纷", "劳动争议/欠薪": the first ledger category whose key words appear.
  return DISPUTE_CATEGORIES.find((c) => c.split('/').some((part) => raw.includes(part))) ?? raw;
}

/** "2021-10-29 09:30", "2021/10/29", ISO → ISO with +08:00 (the exports' times are China time). */
function toIso(raw: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return raw === '' ? undefined : raw;
  const p2 = (s: string | undefined) => String(s ?? '0').padStart(2, '0');
  if (raw.endsWith('Z')) return raw;
  return `${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4])}:${p2(m[5])}:${p2(m[6])}+08:00`;
}

export const importImpls = {
  'disputes.import': async (input, ctx) => {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const sheet = await readSheet(input.fileName, bytes);
    if (sheet.rows.length === 0) throw new CoreError('INVALID_INPUT', '输入有误：contentBase64：文件中没有数据行', { field: 'contentBase64' });
    if (sheet.rows.length > MAX_ROWS) throw new CoreError('INVALID_INPUT', `输入有误：contentBase64：一次最多导入${MAX_ROWS}行`, { field: 'contentBase64' });
    const col: Partial<Record<Field, string>> = {};
    for (const f of Object.keys(COLUMNS) as Field[]) {
      const h = COLUMNS[f].find((name) => sheet.headers.includes(name));
      if (h) col[f] = h;
    }
    const missing: Field[] = (['category', 'applicant', 'summary'] as const).filter((f) => !col[f]);
    if (!col.gridCode && !col.villageCode) missing.push('gridCode');
    if (missing.length) {
      throw new CoreError('INVALID_INPUT', `输入有误：contentBase64：缺少必需的列：${missing.map((f) => COLUMNS[f][0]).join('、')}`, { field: 'contentBase64' });
    }
    const scope = await callerScope(ctx);
    const headerOf = (path: string): string => {
      const map: Record<string, Field> = { registeredAt: 'registeredAt', category: 'category', summary: 'summary', address: 'address', peopleInvolved: 'peopleInvolved', amountYuan: 'amountYuan', gridId: 'gridCode', villageCode: 'villageCode', 'parties.0.name': 'applicant', 'parties.0.idNumber': 'idNumber', 'parties.0.phone': 'phone', 'parties.1.name': 'respondent' };
      const f = map[path] ?? (path.startsWith('parties') ? 'applicant' : undefined);
      return (f && col[f]) ?? path;
    };
    const report: Array<z.infer<typeof ImportRowReport>> = [];
    const valid: Array<{ row: number; intake: IntakeInput; externalNo: string | null }> = [];
    const seenParties = new Set<string>();
    const grids = new Map<string, number | null>();

    for (const [i, rec] of sheet.rows.entries()) {
      const rowNo = i + 2;
      const get = (f: Field) => (col[f] ? (rec[col[f]!] ?? '').trim() : '');
      const errors: Array<{ column: string; message: string }> = [...(sheet.problems?.[i] ?? [])];
      let gridId: number | undefined;
      const gridCode = get('gridCode');
      if (gridCode) {
        if (!grids.has(gridCode)) {
          const g: { id: number } | undefined = await ctx.db('grids').where({ code: gridCode }).first('id');
          grids.set(gridCode, g?.id ?? null);
        }
        const g = grids.get(gridCode);
        if (g === null || g === undefined) errors.push({ column: col.gridCode!, message: `没有编码为 ${gridCode} 的网格` });
        else gridId = g;
      }
      const num = (f: Field) => (get(f) === '' ? undefined : Number(get(f).replace(/[,，元人]/g, '')));
      const candidate = {
        source: input.source,
        category: mapCategory(get('category')),
        parties: [
          { side: 'applicant', name: get('applicant'), ...(get('idNumber') ? { idNumber: get('idNumber') } : {}), ...(get('phone') ? { phone: get('phone') } : {}) },
          ...(get('respondent') ? [{ side: 'respondent', name: get('respondent') }] : []),
        ],
        ...(gridId !== undefined ? { gridId } : {}),
        ...(get('villageCode') ? { villageCode: get('villageCode') } : {}),
        ...(get('address') ? { address: get('address') } : {}),
        summary: get('summary'),
        ...(num('amountYuan') !== undefined ? { amountYuan: num('amountYuan') } : {}),
        ...(num('peopleInvolved') !== undefined ? { peopleInvolved: num('peopleInvolved') } : {}),
        ...(toIso(get('registeredAt')) ? { registeredAt: toIso(get('registeredAt')) } : {}),
      };
      const parsed = IntakeInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.map(String).join('.');
          if (path === 'gridId' && errors.length) continue; // already reported: unknown grid code
          errors.push({ column: headerOf(path), message: issue.message });
        }
      } else {
        // The node's clock: a future registration time or birth date is a row error, as on the form.
        for (const p of intakeProblems(parsed.data, ctx.now)) errors.push({ column: headerOf(p.field), message: p.message });
        const unsafe = findUnsafeText(parsed.data);
        if (unsafe !== null) errors.push({ column: headerOf(unsafe), message: UNSAFE_TEXT_MESSAGE });
        try {
          const place = await placeCase(ctx.db, parsed.data);
          const probe = { grid_id: place.gridId, mediator_id: null, county_code: place.countyCode, township_code: place.townshipCode, village_code: place.villageCode };
          if (!canSee(scope, probe)) errors.push({ column: col.gridCode ?? col.villageCode ?? '', message: '不在您的管辖范围内' });
          const key = parsed.data.parties.map((p) => p.idNumber ?? `${p.name}/${p.phone ?? ''}`).join('|') + `@${place.gridId ?? place.villageCode}`;
          if (seenParties.has(key)) errors.push({ column: col.applicant!, message: '与文件中前面的行重复（同一当事人、同一网格）' });
          seenParties.add(key);
          const dups = await findDuplicateCases(ctx.db, scope, { gridId: place.gridId, villageCode: place.villageCode }, parsed.data.parties);
          if (dups.length) errors.push({ column: col.applicant!, message: `该当事人在本网格已有未办结案件 ${dups.map((d) => d.caseNo).join('、')}` });
        } catch (err) {
          if (!(err instanceof CoreError)) throw err;
          errors.push({ column: col.gridCode ?? col.villageCode ?? '', message: err.message.replace(/^输入有误：\w+：/, '') });
        }
      }
      report.push({ row: rowNo, ok: errors.length === 0, errors, caseNo: null });
      if (errors.length === 0 && parsed.success) valid.push({ row: rowNo, intake: parsed.data, externalNo: get('externalNo') || null });
    }

    const allValid = valid.length === sheet.rows.length;
    const write = !input.dryRun && (allValid || input.mode === 'validRowsOnly');
    let imported = 0;
    if (write) {
      for (const v of valid) {
        const origin = input.source === 'wxg_app' ? '网小格' : '12345热线';
        const eventNote = v.externalNo ? `导入自${origin}，原编号 ${v.externalNo}` : `导入自${origin}`;
        // Duplicates were checked above (against the database and earlier rows); the rows are final.
        const out = await registerCase(ctx, { ...v.intake, allowDuplicate: true }, scope, { source: input.source, eventNote });
        const r = report.find((x) => x.row === v.row);
        if (r) r.caseNo = out.caseNo;
        imported += 1;
      }
    }
    await ctx.audit({ action: 'disputes.import', entity: 'dispute', entityId: null, detail: { fileName: input.fileName, source: input.source, mode: input.mode, dryRun: input.dryRun, totalRows: sheet.rows.length, validRows: valid.length, imported } });
    if (imported > 0) ctx.emit('data.changed', { entity: 'dispute' });
    return { totalRows: sheet.rows.length, validRows: valid.length, imported, rows: report };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
