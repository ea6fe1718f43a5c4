import ExcelJS from 'exceljs';
import { CoreError } from '../../../shared/contract/errors';
import { ServicePointFields, type DirectoryFilter, type ExcelImportReport } from '../../../shared/contract/directory';
import type { ParsedInputOf } from '../../../shared/contract';
import { gcj02ToWgs84, roundCoordinate } from '../../../shared/domain/coordinates';
import type { HandlerContext } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { chinaDate } from '../clock';
import { exportFileName, officeSheetOptions } from '../officeSheets';
import { filteredPoints, POINT_COLUMNS, toServicePoint, type ServicePointRow } from './rows';
import { categoryFromCell, HEADER_OF, levelFromCell, SHEET_COLUMNS, type SheetKey } from './sheetColumns';
import { checkPlacement, type Placement } from './validate';
import { gridIndex } from '../grids/gridIndex';
import { cellValue, checkXlsxLimits, DEFAULT_XLSX_LIMITS } from '../xlsx/xlsxInput';

const MAX_ROWS = 50_000;

export async function exportDirectoryXlsx(ctx: HandlerContext, f: DirectoryFilter): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  const { like } = jurisdictionOf(ctx.account).area(undefined);
  const rows = (await filteredPoints(ctx.db, like, f).select(POINT_COLUMNS).orderBy(['sp.division_code', 'sp.category', 'sp.name']).limit(MAX_ROWS)) as ServicePointRow[];
  const wb = new ExcelJS.Workbook();
  wb.creator = '综治网格工作台';
  const ws = wb.addWorksheet('服务点目录', officeSheetOptions('服务点目录'));
  ws.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const p = toServicePoint(r, ctx.account.role);
    ws.addRow({ ...p, category: p.categoryName, level: levelLabel(p.level) });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: exportFileName('服务点目录', chinaDate(ctx.now)), contentBase64: buf.toString('base64'), rows: rows.length };
}

const levelLabel = (l: string) => ({ city: '市', county: '县', township: '乡镇', village: '村', grid: '网格' })[l] ?? l;

interface ParsedRow {
  row: number;
  id: number | null;
  fields: ServicePointFields;
  placement: Placement;
}

/**
 * Read the sheet row by row, validate each with the same rules as the form (schema + placement), and
 * write only when every row is good — or, when asked, only the good rows. All in the handler's one
 * transaction; the audit entry records the outcome either way.
 */
export async function importDirectoryXlsx(ctx: HandlerContext, input: ParsedInputOf<'directory.importExcel'>): Promise<ExcelImportReport> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  // Counted while streaming through the archive, before exceljs builds anything (issue 10).
  await checkXlsxLimits(bytes, { ...DEFAULT_XLSX_LIMITS, maxRows: MAX_ROWS });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CoreError('INVALID_INPUT', '文件不是有效的 Excel（.xlsx）文件', { field: 'contentBase64' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new CoreError('INVALID_INPUT', '工作簿中没有工作表', { field: 'contentBase64' });
  const colOf = new Map<SheetKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = SHEET_COLUMNS.find((c) => c.header === cell.text.trim())?.key;
    if (key) colOf.set(key, col);
  });
  const missing = (['name', 'category', 'level', 'divisionCode'] as const).filter((k) => !colOf.has(k));
  if (missing.length) throw new CoreError('INVALID_INPUT', `表头缺少列：${missing.map((k) => HEADER_OF[k]).join('、')}（请使用导出的模板）`, { field: 'contentBase64' });
  if (ws.rowCount > MAX_ROWS + 1) throw new CoreError('INVALID_INPUT', `一次最多导入 ${MAX_ROWS} 行`, { field: 'contentBase64' });

  const jurisdiction = jurisdictionOf(ctx.account);
  const grids = await gridIndex(ctx.node.gridIndex, ctx.db);
  const locate = (lon: number, lat: number) => grids.place(lon, lat);
  const errors: ExcelImportReport['errors'] = [];
  const good: ParsedRow[] = [];
  let rows = 0;
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    // An error value or a formula never calculated is not data: a row error naming the column.
    const cellProblems: ExcelImportReport['errors'] = [];
    const text = (k: SheetKey) => {
      const c = colOf.get(k);
      if (c === undefined) return '';
      const v = cellValue(row.getCell(c).value);
      if ('problem' in v) {
        if (!cellProblems.some((p) => p.column === HEADER_OF[k])) cellProblems.push({ row: n, column: HEADER_OF[k] ?? k, message: v.problem });
        return '';
      }
      return v.text.trim();
    };
    if (SHEET_COLUMNS.every((c) => text(c.key) === '') && cellProblems.length === 0) continue;
    rows += 1;
    const rowErrors: ExcelImportReport['errors'] = cellProblems;
    const num = (k: SheetKey) => {
      const t = text(k);
      if (t === '') return null;
      const v = Number(t);
      if (!Number.isFinite(v)) rowErrors.push({ row: n, column: HEADER_OF[k]!, message: '须为数字' });
      return v;
    };
    let lon = num('lon');
    let lat = num('lat');
    if (input.crs === 'gcj02' && lon !== null && lat !== null && Number.isFinite(lon) && Number.isFinite(lat)) {
      const [x, y] = gcj02ToWgs84([lon, lat]);
      lon = roundCoordinate(x);
      lat = roundCoordinate(y);
    }
    const idText = text('id');
    const id = idText === '' ? null : /^\d+$/.test(idText) ? Number(idText) : NaN;
    if (Number.isNaN(id)) rowErrors.push({ row: n, column: HEADER_OF.id!, message: '编号须为数字（新增的服务点请留空）' });
    const parsed = ServicePointFields.safeParse({
      name: text('name'),
      category: categoryFromCell(text('category')),
      level: levelFromCell(text('level')),
      divisionCode: text('divisionCode'),
      address: text('address'),
      lon,
      lat,
      phone: text('phone'),
      hours: text('hours'),
      contactName: text('contactName'),
      staffCount: num('staffCount'),
      notes: text('notes'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'name');
        rowErrors.push({ row: n, column: HEADER_OF[key] ?? key, message: issue.code === 'invalid_value' && key === 'category' ? `未知类别“${text('category')}”` : issue.message });
      }
    } else if ((parsed.data.lon == null) !== (parsed.data.lat == null)) {
      rowErrors.push({ row: n, column: HEADER_OF.lon!, message: '经度和纬度须同时填写' });
    } else {
      const { issues, placement } = await checkPlacement(ctx.db, jurisdiction, parsed.data, locate);
      for (const i of issues) rowErrors.push({ row: n, column: HEADER_OF[i.field] ?? i.field, message: i.message });
      if (id !== null && !Number.isNaN(id)) {
        const existing: { division_code: string } | undefined = await ctx.db('service_points').where({ id }).first('division_code');
        if (!existing || !jurisdiction.covers(existing.division_code)) rowErrors.push({ row: n, column: HEADER_OF.id!, message: `没有编号为 ${id} 的服务点` });
      }
      if (rowErrors.length === 0) good.push({ row: n, id, fields: parsed.data, placement });
    }
    errors.push(...rowErrors);
  }

  let inserted = 0;
  let updated = 0;
  const write = input.mode === 'import' && (errors.length === 0 || input.onlyGoodRows);
  if (write) {
    const now = ctx.now.toISOString();
    for (const g of good) {
      const f = g.fields;
      const cols = {
        name: f.name, category: f.category, level: f.level, division_code: f.divisionCode,
        township_code: g.placement.townshipCode, county_code: g.placement.countyCode, grid_id: g.placement.gridId,
        address: f.address ?? null, lon: f.lon ?? null, lat: f.lat ?? null, phone: f.phone ?? null, hours: f.hours ?? null,
        contact_name: f.contactName ?? null, staff_count: f.staffCount ?? null, notes: f.notes ?? null, updated_at: now,
      };
      if (g.id !== null) {
        await ctx.db('service_points').where({ id: g.id }).update(cols);
        updated += 1;
      } else {
        await ctx.db('service_points').insert({ ...cols, created_at: now });
        inserted += 1;
      }
    }
  }
  await ctx.audit({
    action: write ? 'directory.import' : 'directory.importCheck',
    entity: 'service_point',
    entityId: null,
    detail: { rows, valid: good.length, errors: errors.length, inserted, updated, onlyGoodRows: input.onlyGoodRows },
  });
  if (write && inserted + updated > 0) ctx.emit('data.changed', { entity: 'service_point' });
  return { rows, valid: good.length, errors, inserted, updated };
}
