import type { DemoGeography } from './geo/hierarchy';
import { apportion, type Rng } from './random';

/** The source report's figures the grids must add up to exactly. */
export const CITY_POPULATION = 3_850_000;
export const WECHAT_GROUPS = 6017;
export const WECHAT_MEMBERS = 1_285_854;
/** A WeChat group holds at most 500 members. */
const GROUP_CAPACITY = 500;

export interface GridFigures {
  households: number[];
  population: number[];
  wechatGroups: number[];
  wechatMembers: number[];
}

/**
 * Households, residents and the grid's citizen WeChat groups. Town grids are drawn more populous than
 * mountain grids (a grid is sized to what one worker can walk), then everything is scaled so the city
 * totals are the report's exactly.
 */
export function gridFigures(geo: DemoGeography, rng: Rng): GridFigures {
  const { graph } = geo.cells;
  const n = geo.grids.length;
  const weights = geo.grids.map((g) => {
    const area = graph.areaKm2[g.cell]!;
    // Smaller cells are in towns: more people per grid there, within a sane range.
    const urban = Math.min(1, Math.max(0, (1.2 - area) / 1.1));
    return (450 + 900 * urban) * Math.exp(0.25 * rng.normal());
  });
  const population = apportion(CITY_POPULATION, weights, 120);
  const households = population.map((p) => Math.max(40, Math.round(p / rng.float(2.6, 3.3))));

  // Members: about a third of residents, a little more in towns; then exactly the report's total. The
  // grids that may run a second group (6,017 groups for 5,816 grids) are the most populous ones; every
  // other grid's members must fit in one group.
  const twoGroups = new Set(
    population
      .map((p, i) => ({ p, i }))
      .sort((a, b) => b.p - a.p || a.i - b.i)
      .slice(0, WECHAT_GROUPS - n)
      .map((x) => x.i),
  );
  const memberWeights = population.map((p, i) => p * rng.float(0.28, 0.4) * (weights[i]! > 900 ? 1.1 : 1));
  const wechatMembers = apportion(
    WECHAT_MEMBERS,
    memberWeights,
    20,
    population.map((p, i) => Math.min(Math.floor(p * 0.9), (twoGroups.has(i) ? 2 : 1) * (GROUP_CAPACITY - 10))),
  );
  // Groups: enough for the members (≤ 500 each), at least one per grid; the rest go to the grids with
  // the fullest groups until the report's total is met.
  const wechatGroups = wechatMembers.map((m) => Math.max(1, Math.ceil(m / GROUP_CAPACITY)));
  let groups = wechatGroups.reduce((a, b) => a + b, 0);
  if (groups > WECHAT_GROUPS) throw new Error(`gridFigures: ${groups} groups needed for the members, more than ${WECHAT_GROUPS}`);
  const fullness = wechatMembers.map((m, i) => ({ i, load: m / wechatGroups[i]! }));
  while (groups < WECHAT_GROUPS) {
    fullness.sort((a, b) => b.load - a.load || a.i - b.i);
    const top = fullness[0]!;
    wechatGroups[top.i]! += 1;
    top.load = wechatMembers[top.i]! / wechatGroups[top.i]!;
    groups++;
  }
  if (population.length !== n) throw new Error('gridFigures: length mismatch');
  return { households, population, wechatGroups, wechatMembers };
}
