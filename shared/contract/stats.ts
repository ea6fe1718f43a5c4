import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES, STAFF_ROLES } from './roles';
import { DivisionCode } from '../domain/divisionCodes';
import { QueueFilter } from './disputes/schemas';

/**
 * Statistics (成绩单, 矛盾纠纷排查情况表, each role's 工作台): computed from the data on every call (SQL
 * aggregates over indexed columns — never stored totals that drift), for any division the caller covers and
 * any date range. Dates are China calendar days, both ends included.
 *
 * Definitions (what the figures mean, the same everywhere):
 * - registered: cases registered in the range; handled: of those, the ones concluded (调处: an agreement
 *   or a failed mediation); successful: concluded with an agreement; successRate = successful / handled.
 *   (The source's "调处各类矛盾纠纷17452件, 调处成功17084件, 成功率97.9%" counts Jan–Sep 2021 this way.)
 * - open / overdue / dueSoon: as of today, whatever the range (the queue's own filters, same numbers).
 * - onTime: cases concluded in the range with a deadline, and how many on or before it (按期办结率).
 * - swept: sweeps (排查) recorded in the range.
 */
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
export const Granularity = z.enum(['month', 'quarter', 'year']);
export type Granularity = z.infer<typeof Granularity>;

/** The headline figures of one period (the previous period and the same period last year use this too). */
export const StatTotals = z.object({
  from: z.string(),
  to: z.string(),
  swept: z.number().int(),
  registered: z.number().int(),
  handled: z.number().int(),
  successful: z.number().int(),
  failed: z.number().int(),
  /** successful / handled, 0–1; null when nothing was handled. */
  successRate: z.number().nullable(),
});
export type StatTotals = z.infer<typeof StatTotals>;

/** One row of a breakdown (by category, source, division, mediator). */
export const StatRow = z.object({
  key: z.string(),
  /** A display name when the key is a code or an id (division, mediator). */
  name: z.string().nullable(),
  registered: z.number().int(),
  handled: z.number().int(),
  successful: z.number().int(),
  failed: z.number().int(),
  open: z.number().int(),
  /** Of the registered: warned blue / yellow / red (三色预警). */
  blue: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
});
export type StatRow = z.infer<typeof StatRow>;

export const StatsOverview = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  granularity: Granularity,
  today: z.string(),
  totals: StatTotals,
  previous: StatTotals,
  lastYear: StatTotals,
  /** Failed mediations by where they were referred (litigation, arbitration, administrative, other). */
  referrals: z.record(z.string(), z.number().int()),
  byCategory: z.array(StatRow),
  bySource: z.array(StatRow),
  /** The area's child divisions (a county's townships, …), most registered first. */
  byDivision: z.array(StatRow),
  /** Mediators with the most cases handled (top 20); empty for the wall (no names). */
  byMediator: z.array(StatRow),
  /** One point per month / quarter / year of the range. */
  series: z.array(z.object({ period: z.string(), swept: z.number().int(), registered: z.number().int(), handled: z.number().int(), successful: z.number().int() })),
  queue: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), red: z.number().int() }),
  onTime: z.object({ concluded: z.number().int(), onTime: z.number().int(), rate: z.number().nullable() }),
  /** Cases registered in the range with a warning colour, and how they ended. */
  warnings: z.array(z.object({ colour: z.enum(['blue', 'yellow', 'red']), count: z.number().int(), agreement: z.number().int(), failed: z.number().int(), open: z.number().int() })),
  /** Follow-up visits of cases registered in the range: 3 满意, 2 基本满意, 1 不满意. */
  satisfaction: z.object({ visited: z.number().int(), satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int(), rate: z.number().nullable() }),
  servicePoints: z.array(z.object({ category: z.string(), level: z.string(), count: z.number().int() })),
  network: z.object({ mediators: z.number().int(), committees: z.record(z.string(), z.number().int()) }),
  grids: z.object({ grids: z.number().int(), withWorker: z.number().int(), coverage: z.number().nullable(), population: z.number().int(), households: z.number().int() }),
});
export type StatsOverview = z.infer<typeof StatsOverview>;

export const StatsQuery = z
  .object({
    /** Default: the caller's own division. Above it is refused, beside it too. */
    divisionCode: DivisionCode.optional(),
    from: DateString,
    to: DateString,
    granularity: Granularity.default('month'),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 10 * 366 * 86_400_000, { message: '统计区间最长十年', path: ['to'] });

/** 矛盾纠纷排查情况表: the county 综治中心's monthly/quarterly form. */
export const SweepTableQuery = z
  .object({
    divisionCode: DivisionCode.optional(),
    year: z.number().int().min(2000).max(2100),
    /** 1–12 for a month, omitted with `quarter` or for the whole year. */
    month: z.number().int().min(1).max(12).optional(),
    quarter: z.number().int().min(1).max(4).optional(),
  })
  .strict()
  .refine((v) => v.month === undefined || v.quarter === undefined, { message: '月份与季度只能选一个', path: ['quarter'] });

export const SweepTableRow = z.object({
  /** A category, or '合计' for the total line. */
  category: z.string(),
  /** Cases registered in the period, by the level that handled them (县级 includes industry committees). */
  county: z.number().int(),
  township: z.number().int(),
  village: z.number().int(),
  total: z.number().int(),
  handled: z.number().int(),
  /** handled / total, 0–1 */
  handledRate: z.number().nullable(),
  successful: z.number().int(),
  /** successful / handled, 0–1 */
  successRate: z.number().nullable(),
});
export type SweepTableRow = z.infer<typeof SweepTableRow>;

export const SweepTable = z.object({
  title: z.string(),
  areaName: z.string(),
  from: z.string(),
  to: z.string(),
  /** Sweeps (排查次数) in the period. */
  sweeps: z.number().int(),
  rows: z.array(SweepTableRow),
});
export type SweepTable = z.infer<typeof SweepTable>;

/** A 工作台 figure: the count of exactly the queue rows `filter` selects for this caller. */
export const WorkbenchTile = z.object({
  key: z.string(),
  count: z.number().int(),
  filter: QueueFilter,
});
export type WorkbenchTile = z.infer<typeof WorkbenchTile>;

export const Workbench = z.object({
  role: z.string(),
  today: z.string(),
  tiles: z.array(WorkbenchTile),
  /** The director's township ranking (open, overdue, red), worst first; each row with its queue filter. */
  ranking: z.array(z.object({ code: z.string(), name: z.string(), open: z.number().int(), overdue: z.number().int(), red: z.number().int(), filter: QueueFilter })),
});
export type Workbench = z.infer<typeof Workbench>;

/**
 * What the wall (大屏) shows besides the 成绩单: open cases aggregated per grid (the grid's centre, never
 * a case's point) and a ticker of red warnings and overdue cases without names, case numbers or ids.
 */
export const WallFeed = z.object({
  today: z.string(),
  grids: z.array(
    z.object({
      gridId: z.number().int(),
      lon: z.number(),
      lat: z.number(),
      open: z.number().int(),
      /** The highest warning colour among the grid's open cases. */
      warning: z.enum(['none', 'blue', 'yellow', 'red']),
    }),
  ),
  ticker: z.array(
    z.object({
      kind: z.enum(['red', 'overdue']),
      category: z.string(),
      township: z.string(),
      village: z.string().nullable(),
      /** When it turned red (last change) or its deadline (overdue), YYYY-MM-DD. */
      day: z.string(),
      daysOverdue: z.number().int().nullable(),
    }),
  ),
});
export type WallFeed = z.infer<typeof WallFeed>;

export const statsHandlers = {
  'stats.overview': handler({
    summary:
      'The 成绩单 for a division and date range: sweeps, registered, handled, successful and rates, by category, source, division and mediator, open/overdue/due soon, on-time closure, warnings, satisfaction, service points, the mediation network, grids and coverage; with the previous period and last year.',
    input: StatsQuery,
    output: StatsOverview,
    // The wall gets figures only: no mediator names (byMediator is empty for it).
    access: ALL_ROLES,
    writes: false,
  }),
  'stats.sweepTable': handler({
    summary: '矛盾纠纷排查情况表 for a month, quarter or year: per category, counts at county/township/village level, handled and rate, successful and rate.',
    input: SweepTableQuery,
    output: SweepTable,
    access: STAFF_ROLES,
    writes: false,
  }),
  'stats.sweepTableXlsx': handler({
    summary: 'The 矛盾纠纷排查情况表 as an .xlsx (A4 landscape, header rows repeated on every printed page), base64.',
    input: SweepTableQuery,
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'stats.wall': handler({
    summary: "The wall's live layer: open cases per grid (count, highest warning, at the grid's centre) and a ticker of red warnings and overdue cases — aggregates only, no case ids, points or names.",
    input: z.object({ divisionCode: DivisionCode.optional() }).strict().default({}),
    output: WallFeed,
    access: ALL_ROLES,
    writes: false,
  }),
  'stats.workbench': handler({
    summary:
      "The caller's 工作台 figures by role — mediator: own cases due soon/overdue; dispatcher: intake today, waiting for acceptance/assignment; director: township ranking, red, overdue — each with the queue filter that lists exactly those rows.",
    input: z.object({}).strict().default({}),
    output: Workbench,
    access: STAFF_ROLES,
    writes: false,
  }),
};
