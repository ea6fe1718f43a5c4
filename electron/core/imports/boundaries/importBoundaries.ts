import { CoreError } from '../../../../shared/contract/errors';
import type { BoundaryImportReport } from '../../../../shared/contract/grids';
import type { ParsedInputOf } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';

export async function importBoundaries(_ctx: HandlerContext, _input: ParsedInputOf<'boundaries.import'>): Promise<BoundaryImportReport> {
  throw new CoreError('INTERNAL', '边界导入尚未实现');
}
