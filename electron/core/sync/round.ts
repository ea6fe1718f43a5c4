import { definePeriodicTask } from '../jobs/jobKinds';
import { syncRound } from './client';

/**
 * The client's sync rounds: every few minutes, at once on `sync.now`, backing off (doubling up to an
 * hour) while the link is down. A node not connected to a hub does nothing.
 */
export const SYNC_ROUND = definePeriodicTask({
  name: 'sync.round',
  everyMs: 5 * 60_000,
  firstRunMs: 15_000,
  maxBackoffMs: 3600_000,
  run: async (ctx) => {
    const { more } = await syncRound(ctx.db, ctx.node.sync, () => ctx.now(), ctx.signal);
    if (more) ctx.node.jobs.schedule.runNow(SYNC_ROUND.name);
  },
});
