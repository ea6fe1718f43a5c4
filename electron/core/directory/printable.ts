import { CoreError } from '../../../shared/contract/errors';
import type { DirectoryFilter } from '../../../shared/contract/directory';
import type { HandlerContext } from '../context';

export async function printableDirectory(_ctx: HandlerContext, _f: DirectoryFilter): Promise<{ html: string; rows: number }> {
  throw new CoreError('INTERNAL', '打印目录尚未实现');
}
