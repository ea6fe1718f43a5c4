import { DISPUTE_CATEGORIES, type DisputeCategory, type DisputeSource, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { DEMO_NOW_MS, dayWeight, daysBetween, officeTime } from './demoCalendar';
import type { DemoGeography } from './geo/hierarchy';
import type { GridFigures } from './gridFigures';
import type { Places, Spot } from './places';
import { WeightedTable, weightedSample, type Rng } from './random';

/** The source report's Jan–Sep 2021 dispute figures. */
export const JAN_SEP_CASES = 17_452;
export const JAN_SEP_SUCCESSFUL = 17_084;
export const JAN_SEP_FAILED = JAN_SEP_CASES - JAN_SEP_SUCCESSFUL;
export const MARRIAGE_WARNINGS = { blue: 428, yellow: 280, red: 30 } as const;
export const WXG_CASES = 926;
/** October's open cases: the live queue on the demo's "today". */
export const OCTOBER_CASES = 1500;

/** A case before ids, parties and timeline: where, when, what, and (Jan–Sep) how it ended. */
export interface CaseDraft {
  period: 'jan-sep' | 'october';
  registeredAt: number;
  spot: Spot;
  category: DisputeCategory;
  source: DisputeSource;
  warning: WarningLevel;
  outcome: 'agreement' | 'failed' | null;
}

// Shares of the mediation ledger: family and neighbour disputes lead, as in Yiyang's report.
const CATEGORY_WEIGHTS: Record<DisputeCategory, number> = {
  婚姻家庭: 22,
  邻里: 20,
  土地山林: 9,
  '宅基地/房屋': 8,
  '劳动/欠薪': 8,
  医疗: 3,
  交通事故: 7,
  物业: 5,
  消费: 4,
  征地拆迁: 3,
  环境: 4,
  其他: 7,
};
// Towns have the property-management and consumer disputes, the countryside the land and homestead ones.
const URBAN_FACTOR: Partial<Record<DisputeCategory, number>> = { 物业: 4, 消费: 2.5, 土地山林: 0.15, '宅基地/房屋': 0.5, 征地拆迁: 0.7 };
const RURAL_FACTOR: Partial<Record<DisputeCategory, number>> = { 物业: 0.2, 消费: 0.6, 土地山林: 1.3, '宅基地/房屋': 1.15 };
/** How likely a case of the category ends without agreement (relative). */
const FAILURE_WEIGHTS: Record<DisputeCategory, number> = {
  婚姻家庭: 0.8,
  邻里: 0.6,
  土地山林: 2.5,
  '宅基地/房屋': 2,
  '劳动/欠薪': 3,
  医疗: 3,
  交通事故: 2,
  物业: 1,
  消费: 0.8,
  征地拆迁: 5,
  环境: 2,
  其他: 1,
};
const SOURCES: DisputeSource[] = ['walk_in', 'phone', 'hotline_12345', 'grid_patrol', 'referral', 'proactive'];
const SOURCE_WEIGHTS = [38, 10, 12, 22, 8, 10];

function categoryTable(factor: Partial<Record<DisputeCategory, number>>): WeightedTable<DisputeCategory> {
  return new WeightedTable(
    [...DISPUTE_CATEGORIES],
    DISPUTE_CATEGORIES.map((c) => CATEGORY_WEIGHTS[c] * (factor[c] ?? 1)),
  );
}

/** Warnings outside the marriage/family figures: group cases turn yellow, a few others get a colour. */
function otherWarning(category: DisputeCategory, rng: Rng): WarningLevel {
  const rates: Partial<Record<DisputeCategory, [number, number, number]>> = {
    邻里: [0.04, 0.01, 0.002],
    土地山林: [0.04, 0.012, 0.002],
    '宅基地/房屋': [0.03, 0.01, 0],
    '劳动/欠薪': [0.03, 0.05, 0.004],
    征地拆迁: [0.05, 0.1, 0.01],
    环境: [0.04, 0.03, 0],
    医疗: [0.05, 0.03, 0.01],
  };
  const [blue, yellow, red] = rates[category] ?? [0.01, 0, 0];
  const x = rng.next();
  return x < red ? 'red' : x < red + yellow ? 'yellow' : x < red + yellow + blue ? 'blue' : 'none';
}

/**
 * Draw every case: Jan–Sep with exactly the report's outcomes, marriage/family warnings and 网小格 count,
 * then October's open cases. Places are drawn in proportion to grid population.
 */
export function draftCases(geo: DemoGeography, figures: GridFigures, places: Places, rng: Rng): CaseDraft[] {
  const gridTable = new WeightedTable(
    geo.grids.map((_, i) => i),
    figures.population,
  );
  const urbanTable = categoryTable(URBAN_FACTOR);
  const ruralTable = categoryTable(RURAL_FACTOR);
  const sourceTable = new WeightedTable(SOURCES, SOURCE_WEIGHTS);
  const draw = (period: CaseDraft['period'], days: WeightedTable<string>): CaseDraft => {
    const spot = places.spotInGrid(gridTable.draw(rng));
    const urban = geo.villages[spot.village]!.kind === 'community';
    const category = (urban ? urbanTable : ruralTable).draw(rng);
    return { period, registeredAt: officeTime(days.draw(rng), rng), spot, category, source: sourceTable.draw(rng), warning: 'none', outcome: null };
  };

  const janSepDays = daysBetween('2021-01-01', '2021-09-30');
  const janSepTable = new WeightedTable(janSepDays, janSepDays.map(dayWeight));
  const janSep = Array.from({ length: JAN_SEP_CASES }, () => draw('jan-sep', janSepTable));

  // Exactly 368 failures, likelier in land, wage, medical and requisition cases.
  const failed = new Set(weightedSample(rng, janSep.map((c) => FAILURE_WEIGHTS[c.category]), JAN_SEP_FAILED));
  janSep.forEach((c, i) => (c.outcome = failed.has(i) ? 'failed' : 'agreement'));

  // Exactly 738 marriage/family warnings (428 blue, 280 yellow, 30 red), all among the saved marriages.
  const marriages = janSep.map((c, i) => ({ c, i })).filter(({ c }) => c.category === '婚姻家庭' && c.outcome === 'agreement');
  const warned = weightedSample(rng, marriages.map(() => 1), MARRIAGE_WARNINGS.blue + MARRIAGE_WARNINGS.yellow + MARRIAGE_WARNINGS.red);
  warned.forEach((k, n) => {
    marriages[k]!.c.warning = n < MARRIAGE_WARNINGS.red ? 'red' : n < MARRIAGE_WARNINGS.red + MARRIAGE_WARNINGS.yellow ? 'yellow' : 'blue';
  });
  for (const c of janSep) if (c.category !== '婚姻家庭') c.warning = otherWarning(c.category, rng);

  // Exactly 926 cases reported through the 网小格 mini-program, more from the towns' residents.
  const wxg = weightedSample(rng, janSep.map((c) => (geo.villages[c.spot.village]!.kind === 'community' ? 2 : 1)), WXG_CASES);
  for (const i of wxg) janSep[i]!.source = 'wxg_app';

  const octDays = daysBetween('2021-10-01', '2021-10-29');
  const octTable = new WeightedTable(octDays, octDays.map(dayWeight));
  const october = Array.from({ length: OCTOBER_CASES }, () => {
    const c = draw('october', octTable);
    // Today's cases came in before 09:00, the demo's "now".
    if (c.registeredAt > DEMO_NOW_MS - 10 * 60_000) c.registeredAt = DEMO_NOW_MS - 60 * 60_000 + Math.floor(rng.next() * 50 * 60_000);
    if (rng.chance(0.053)) c.source = 'wxg_app';
    if (c.category === '婚姻家庭') {
      const x = rng.next();
      c.warning = x < 0.015 ? 'red' : x < 0.085 ? 'yellow' : x < 0.195 ? 'blue' : 'none';
    } else c.warning = otherWarning(c.category, rng);
    return c;
  });
  return [...janSep, ...october];
}
