import type { ParsedInputOf } from '../../../shared/contract';
import type { SweepTable, SweepTableRow } from '../../../shared/contract/stats';
import { DISPUTE_CATEGORIES } from '../../../shared/domain/disputeStatus';
import { addCalendarDays } from '../../../shared/domain/workingDays';
import type { HandlerContext } from '../context';
import { addMonths, isoRange, statsArea } from './area';

/**
 * 矛盾纠纷排查情况表: per category, the cases registered in the period by the level that handled them —
 * 县级 (escalated to the county, or an industry/professional committee), 乡级 (a township committee, or
 * not yet assigned: the township center holds it), 村级 (a village committee) — then handled and its rate,
 * successful and its rate, and a 合计 line; with the number of sweeps in the period.
 */

export function tablePeriod(input: { year: number; month?: number | undefined; quarter?: number | undefined }): { from: string; to: string; label: string } {
  const y = String(input.year).padStart(4, '0');
  if (input.month !== undefined) {
    const from = `${y}-${String(input.month).padStart(2, '0')}-01`;
    return { from, to: addCalendarDays(addMonths(from, 1), -1), label: `${input.year}年${input.month}月` };
  }
  if (input.quarter !== undefined) {
    const from = `${y}-${String((input.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { from, to: addCalendarDays(addMonths(from, 3), -1), label: `${input.year}年第${'一二三四'[input.quarter - 1]}季度` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31`, label: `${input.year}年` };
}

const LEVEL_SQL = `CASE
  WHEN d.escalated_from IS NOT NULL OR o.type = 'industry' THEN 'county'
  WHEN o.type = 'village' THEN 'village'
  ELSE 'township' END`;

export async function sweepTable(input: ParsedInputOf<'stats.sweepTable'>, ctx: HandlerContext): Promise<SweepTable> {
  const a = await statsArea(ctx, input.divisionCode);
  const { from, to, label } = tablePeriod(input);
  const [lo, hi] = isoRange(from, to);
  const rows: Array<{ cat: string; lvl: string; total: number; handled: number; successful: number }> = await ctx.db.raw(
    `SELECT d.category cat, ${LEVEL_SQL} lvl, count(*) total, sum(d.outcome IS NOT NULL) handled, sum(d.outcome = 'agreement') successful
       FROM disputes d LEFT JOIN mediation_orgs o ON o.id = d.org_id
      WHERE d.registered_at >= ? AND d.registered_at < ? AND ${a.caseSql}
      GROUP BY cat, lvl`,
    [lo, hi],
  );
  const sweeps: Array<{ c: number }> = await ctx.db.raw(`SELECT count(*) c FROM sweeps s WHERE s.swept_on BETWEEN ? AND ? AND ${a.divisionSql('s')}`, [from, to]);

  const blank = (category: string): SweepTableRow => ({ category, county: 0, township: 0, village: 0, total: 0, handled: 0, handledRate: null, successful: 0, successRate: null });
  const byCategory = new Map<string, SweepTableRow>(DISPUTE_CATEGORIES.map((c) => [c, blank(c)]));
  const sum = blank('合计');
  for (const r of rows) {
    let row = byCategory.get(r.cat);
    if (!row) byCategory.set(r.cat, (row = blank(r.cat)));
    for (const into of [row, sum]) {
      const lvl = r.lvl as 'county' | 'township' | 'village';
      into[lvl] += Number(r.total);
      into.total += Number(r.total);
      into.handled += Number(r.handled);
      into.successful += Number(r.successful);
    }
  }
  const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
  const out = [...byCategory.values(), sum].map((r) => ({ ...r, handledRate: rate(r.handled, r.total), successRate: rate(r.successful, r.handled) }));
  return { title: `${a.name}矛盾纠纷排查情况表（${label}）`, areaName: a.name, from, to, sweeps: Number(sweeps[0]?.c ?? 0), rows: out };
}
