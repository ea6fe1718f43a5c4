import type { HandlerImpls } from '../context';
import { chinaDate } from '../clock';
import { blockIds, dataVersion } from './queueEngine';
import { queueRows } from './queueRows';
import { callerScope } from './scope';
import { refreshSearchIndex, warmSearchIndex } from './searchIndex';

export const queryImpls = {
  'disputes.query': async (input, ctx) => {
    if (input.filter.text) await refreshSearchIndex(ctx.db);
    const version = await dataVersion(ctx.db);
    const scope = await callerScope(ctx.db, ctx.account, version);
    const today = chinaDate(ctx.now);
    const block = await blockIds(ctx.db, scope, input.filter, input.sort, today, input.startRow, input.endRow, version);
    const rows = await queueRows(ctx.db, scope, block.ids, today);
    // After this block is served, not before: the first screen must not wait for the catch-up.
    if (!input.filter.text) setImmediate(() => warmSearchIndex(ctx.db, block.version, ctx.env.log));
    return { rows, total: block.total, dataVersion: block.version };
  },
} satisfies Partial<HandlerImpls>;
