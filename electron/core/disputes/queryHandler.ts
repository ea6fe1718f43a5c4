import type { DomainImpls } from '../context';
import { chinaDate } from '../clock';
import { dataVersion } from '../db/dataVersions';
import { callerScope } from '../jurisdiction/cases';
import { queueRows } from './queueRows';
import { SEARCH_CATCH_UP } from './searchCatchUp';

export const queryImpls = {
  'disputes.query': async (input, ctx) => {
    if (input.filter.text) await ctx.node.search.refresh(ctx.db);
    const version = await dataVersion(ctx.db);
    const scope = await callerScope(ctx, { version });
    const today = chinaDate(ctx.now);
    const block = await ctx.node.queue.blockIds(ctx.db, scope, input.filter, input.sort, today, input.startRow, input.endRow, version);
    const rows = await queueRows(ctx.db, scope, block.ids, today);
    // After this block is served, not before: the first screen must not wait for the catch-up. Once per
    // data version, so that the first search after a bulk write (demo, import, sync) finds the index ready.
    if (!input.filter.text && ctx.node.search.wantsCatchUp(block.version)) ctx.node.jobs.schedule.runNow(SEARCH_CATCH_UP.name);
    return { rows, total: block.total, dataVersion: block.version };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
