import type { WallFeed } from '../../../shared/contract/stats';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { daysBetween } from '../../../shared/domain/workingDays';
import { chinaDate } from '../clock';
import type { HandlerContext } from '../context';
import { statsArea } from './area';

/**
 * The wall's live layer. Built from aggregates only: per grid a count and the highest warning colour at
 * the grid's centre, and ticker lines that name a category and a place — never a case id, a case's
 * point, a case number or a person.
 */
const WARNING_OF_RANK = ['none', 'blue', 'yellow', 'red'] as const;

export async function wallFeed(ctx: HandlerContext, divisionCode: string | undefined): Promise<WallFeed> {
  const a = await statsArea(ctx, divisionCode);
  const today = chinaDate(ctx.now);
  const grids: Array<{ id: number; lon: number; lat: number; open: number; rank: number }> = await ctx.db.raw(
    `SELECT g.id id, g.center_lon lon, g.center_lat lat, count(*) open, max(d.warning_rank) rank
       FROM disputes d JOIN grids g ON g.id = d.grid_id
      WHERE d.status IN ${OPEN_STATUSES_SQL} AND ${a.caseSql}
      GROUP BY g.id ORDER BY g.id`,
  );
  const red: Array<{ category: string; township: string | null; village: string | null; at: string }> = await ctx.db.raw(
    `SELECT d.category category, t.name township, v.name village, d.updated_at at
       FROM disputes d LEFT JOIN divisions t ON t.code = d.township_code LEFT JOIN divisions v ON v.code = d.village_code
      WHERE d.status IN ${OPEN_STATUSES_SQL} AND d.warning = 'red' AND ${a.caseSql}
      ORDER BY d.updated_at DESC LIMIT 12`,
  );
  const overdue: Array<{ category: string; township: string | null; village: string | null; deadline: string }> = await ctx.db.raw(
    `SELECT d.category category, t.name township, v.name village, d.deadline deadline
       FROM disputes d LEFT JOIN divisions t ON t.code = d.township_code LEFT JOIN divisions v ON v.code = d.village_code
      WHERE d.status IN ${OPEN_STATUSES_SQL} AND d.deadline < ? AND ${a.caseSql}
      ORDER BY d.deadline DESC LIMIT 12`,
    [today],
  );
  return {
    today,
    grids: grids.map((g) => ({ gridId: Number(g.id), lon: g.lon, lat: g.lat, open: Number(g.open), warning: WARNING_OF_RANK[Number(g.rank)] ?? 'none' })),
    ticker: [
      ...red.map((r) => ({ kind: 'red' as const, category: r.category, township: r.township ?? '', village: r.village, day: chinaDate(new Date(r.at)), daysOverdue: null })),
      ...overdue.map((r) => ({ kind: 'overdue' as const, category: r.category, township: r.township ?? '', village: r.village, day: r.deadline, daysOverdue: daysBetween(r.deadline, today) })),
    ],
  };
}
