import { CoreError } from '../../../shared/contract/errors';
import type { DirectoryFilter, ExcelImportReport } from '../../../shared/contract/directory';
import type { ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../context';

export async function importDirectoryXlsx(_ctx: HandlerContext, _input: ParsedInputOf<'directory.importExcel'>): Promise<ExcelImportReport> {
  throw new CoreError('INTERNAL', 'Excel 导入尚未实现');
}

export async function exportDirectoryXlsx(_ctx: HandlerContext, _f: DirectoryFilter): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  throw new CoreError('INTERNAL', 'Excel 导出尚未实现');
}
