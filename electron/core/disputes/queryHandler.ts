import type { HandlerImpls } from '../context';
import { chinaDate } from '../clock';
import { blockIds, dataVersion } from './queueEngine';
import { queueRows } from './queueRows';
import { callerScope } from './scope';
import { refreshSearchIndex, warmSearchIndex } from './searchIndex';

export const queryImpls = {
  'disputes.query': async (input, ctx) => {
    if (input.filter.text) await refreshSearchIndex(ctx.db);
    else warmSearchIndex(ctx.db, ctx.env.log);
    const version = await dataVersion(ctx.db);
    const scope = await callerScope(ctx.db, ctx.account, version);
    const today = chinaDate(ctx.now);
    const block = await blockIds(ctx.db, scope, input.filter, input.sort, today, input.startRow, input.endRow, version);
    const rows = await queueRows(ctx.db, scope, block.ids, today);
    return { rows, total: block.total, dataVersion: block.version };
  },
} satisfies Partial<HandlerImpls>;
