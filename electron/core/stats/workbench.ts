import type { QueueFilter } from '../../../shared/contract/disputes/schemas';
import type { Workbench, WorkbenchTile } from '../../../shared/contract/stats';
import { OPEN_STATUSES, OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { chinaDate } from '../clock';
import type { HandlerContext } from '../context';
import { viewSql } from '../disputes/queueSql';
import { callerScope } from '../jurisdiction/cases';

/**
 * Each role's 工作台 figures. Every figure is a queue filter and its count is taken with the queue's own
 * SQL (disputes/queueSql.viewSql) over the caller's own scope, so the link from a figure opens exactly
 * the rows it counts.
 */

const OPEN = [...OPEN_STATUSES];

type TileSpec = [key: string, filter: QueueFilter];

function tilesFor(role: string, today: string): TileSpec[] {
  const open: QueueFilter = { statuses: OPEN };
  switch (role) {
    case 'mediator':
      return [
        ['mineOpen', open],
        ['mineDueSoon', { dueSoon: true }],
        ['mineOverdue', { overdue: true }],
        ['mineMediating', { statuses: ['mediating'] }],
      ];
    case 'dispatcher':
      return [
        ['intakeToday', { registeredFrom: today, registeredTo: today }],
        ['awaitingAcceptance', { statuses: ['registered'] }],
        ['awaitingAssignment', { statuses: ['accepted'] }],
        ['overdue', { overdue: true }],
      ];
    case 'grid_worker':
      return [
        ['gridOpen', open],
        ['intakeToday', { registeredFrom: today, registeredTo: today }],
        ['overdue', { overdue: true }],
      ];
    case 'leader':
      return [
        ['open', open],
        ['red', { statuses: OPEN, warnings: ['red'] }],
        ['overdue', { overdue: true }],
      ];
    default: // director, admin
      return [
        ['open', open],
        ['red', { statuses: OPEN, warnings: ['red'] }],
        ['overdue', { overdue: true }],
        ['dueSoon', { dueSoon: true }],
        ['escalated', { statuses: ['escalated'] }],
      ];
  }
}

export async function workbench(ctx: HandlerContext): Promise<Workbench> {
  const scope = await callerScope(ctx);
  const today = chinaDate(ctx.now);
  const tiles: WorkbenchTile[] = [];
  for (const [key, filter] of tilesFor(ctx.account.role, today)) {
    const sql = viewSql(filter, scope, today);
    const rows: Array<{ c: number }> = await ctx.db.raw(`SELECT count(*) c FROM disputes d WHERE ${sql.where}`, sql.params);
    tiles.push({ key, count: Number(rows[0]?.c ?? 0), filter });
  }
  let ranking: Workbench['ranking'] = [];
  if (ctx.account.role === 'director' || ctx.account.role === 'admin' || ctx.account.role === 'leader') {
    const rows: Array<{ code: string; name: string | null; open: number; overdue: number; red: number }> = await ctx.db.raw(
      `SELECT d.township_code code, v.name name, count(*) open, sum(d.deadline < ?) overdue, sum(d.warning = 'red') red
         FROM disputes d LEFT JOIN divisions v ON v.code = d.township_code
        WHERE d.status IN ${OPEN_STATUSES_SQL} AND ${scope.sql}
        GROUP BY d.township_code ORDER BY red DESC, overdue DESC, open DESC, d.township_code LIMIT 10`,
      [today],
    );
    ranking = rows.map((r) => ({
      code: r.code,
      name: r.name ?? r.code,
      open: Number(r.open),
      overdue: Number(r.overdue),
      red: Number(r.red),
      filter: { statuses: OPEN, townshipCode: r.code },
    }));
  }
  return { role: ctx.account.role, today, tiles, ranking };
}
