import { definePeriodicTask } from '../jobs/jobKinds';

/**
 * Keep the quick-search index caught up with every write (triggers mark changed cases dirty): a periodic
 * task of the jobs service, also run at once when the queue opens after a write. Index upkeep only —
 * derived data, no audit entry; the writes it follows were audited where they happened.
 */
export const SEARCH_CATCH_UP = definePeriodicTask({
  name: 'disputes.searchCatchUp',
  everyMs: 60_000,
  maxBackoffMs: 30 * 60_000,
  run: async (ctx) => {
    await ctx.node.search.refresh(ctx.db);
  },
});
