import ExcelJS from 'exceljs';
import type { SweepTable } from '../../../shared/contract/stats';

/**
 * The 矛盾纠纷排查情况表 as the county 综治中心 files it: a title line, the area and period, a two-row
 * header (受理数量 split into 县级/乡级/村级), one line per category and 合计; A4 landscape, fitted to the
 * page width, header rows repeated on every printed page. Figures only, no personal data.
 */
export async function sweepTableXlsx(t: SweepTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '综治网格工作台';
  const ws = wb.addWorksheet('排查情况表', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = [
    { key: 'category', width: 16 },
    { key: 'county', width: 10 },
    { key: 'township', width: 10 },
    { key: 'village', width: 10 },
    { key: 'total', width: 10 },
    { key: 'handled', width: 10 },
    { key: 'handledRate', width: 11 },
    { key: 'successful', width: 10 },
    { key: 'successRate', width: 11 },
  ];
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = t.title;
  ws.getCell('A1').font = { size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:I2');
  ws.getCell('A2').value = `填报单位：${t.areaName}    统计期间：${t.from} 至 ${t.to}    排查次数：${t.sweeps}`;

  ws.getRow(3).values = ['纠纷类别', '受理数量（件）', '', '', '', '调处数（件）', '调处率', '调处成功数（件）', '调处成功率'];
  ws.getRow(4).values = ['', '县级', '乡级', '村级', '小计', '', '', '', ''];
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:E3');
  for (const col of ['F', 'G', 'H', 'I']) ws.mergeCells(`${col}3:${col}4`);
  for (const r of [3, 4]) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  for (const r of t.rows) {
    const row = ws.addRow({ ...r, handledRate: r.handledRate, successRate: r.successRate });
    row.getCell('handledRate').numFmt = '0.0%';
    row.getCell('successRate').numFmt = '0.0%';
    if (r.category === '合计') row.font = { bold: true };
  }
  const last = ws.rowCount;
  for (let r = 3; r <= last; r++) {
    for (let c = 1; c <= 9; c++) {
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
