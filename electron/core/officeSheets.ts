import type ExcelJS from 'exceljs';

/**
 * Spreadsheets as an office uses them (opened in Excel or LibreOffice Calc, printed on A4): every export
 * the core writes sets the page up the same way and names its file with the same date format.
 */

/** 矛盾纠纷台账_2021-10-29.xlsx: one date format (the node's day, YYYY-MM-DD) in every export's name. */
export function exportFileName(base: string, day: string): string {
  return `${base}_${day}.xlsx`;
}

/** A real date cell for a YYYY-MM-DD day (Excel dates carry no zone: midnight UTC is that day). */
export function dateCell(day: string | null | undefined): Date | null {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
/** Long texts wrap inside their column rather than run across the page. */
export const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * Worksheet options for A4 landscape, fit to the page width (as many pages down as needed), the header
 * row on every page, page numbers. Given to addWorksheet: a streaming writer writes the sheet's print
 * properties when the sheet opens, so setting them later would be lost.
 */
export function officeSheetOptions(title: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&C${title}`, oddFooter: '&C第 &P 页，共 &N 页' },
  };
}
