import { addDays, dayStart, iso } from './demoCalendar';
import type { DemoGeography } from './geo/hierarchy';
import type { DemoNetwork } from './people';
import type { Rng } from './random';
import type { Row } from './rows';

/**
 * The demo's sweeps (矛盾纠纷排查): the source counts 3,268 in Jan–Sep 2021 ("全市共开展矛盾纠纷排查3268次").
 * Part of them are the sweeps that found a grid-patrol case (same grid, the day it was registered, the
 * case linked); the rest found nothing or settled small matters on the spot. Drawn from their own random
 * stream, so the other tables are exactly what they were before sweeps existed.
 */
export const DEMO_SWEEPS = 3268;
/** Sweeps that opened a case (one grid-patrol case each). */
const SWEEPS_WITH_CASES = 1200;

const FINDINGS_EMPTY = ['走访农户、商户，未发现矛盾纠纷苗头', '排查重点人员及重点家庭，情况稳定', '入户走访，群众反映平稳，无新增纠纷', '排查邻里、婚姻家庭关系，未发现隐患'];
const FINDINGS_SETTLED = ['发现邻里口角一起，当场劝解化解', '发现排水沟堵塞引发的邻里摩擦，现场协调解决', '发现两户因菜地边界争执，经说和当场化解'];
const FINDINGS_CASE = ['发现矛盾纠纷一起，已登记并上报', '走访中群众反映纠纷，已现场登记', '排查发现纠纷苗头，已登记转调委会调处'];

export interface SweepRows {
  sweeps: Row[];
  links: Row[];
}

/** A China calendar day in [2021-01-01, 2021-09-30], uniformly. */
function dayOf(rng: Rng): string {
  return addDays('2021-01-01', rng.int(0, 272));
}

export function buildSweeps(geo: DemoGeography, network: DemoNetwork, cases: readonly Row[], rng: Rng): SweepRows {
  const names = new Map(network.people.map((p) => [p.id, p.name]));
  const workerOf = new Map<number, number>();
  for (const [grid, person] of network.gridWorkers) if (!workerOf.has(grid)) workerOf.set(grid, person);
  const janSepEnd = iso(dayStart('2021-10-01'));
  const patrol = cases.filter((c) => c.source === 'grid_patrol' && String(c.registered_at) < janSepEnd).map((c) => ({ id: Number(c.id), grid: Number(c.grid_id) - 1, at: String(c.registered_at) }));
  const linked = rng.shuffle(patrol).slice(0, SWEEPS_WITH_CASES).sort((a, b) => a.id - b.id);

  const drafts: Array<{ day: string; grid: number; found: number; findings: string; caseId: number | null; at: string }> = [];
  for (const c of linked) {
    // The China day of the case's registration.
    const day = new Date(Date.parse(c.at) + 8 * 3_600_000).toISOString().slice(0, 10);
    drafts.push({ day, grid: c.grid, found: 1, findings: rng.pick(FINDINGS_CASE), caseId: c.id, at: c.at });
  }
  while (drafts.length < DEMO_SWEEPS) {
    const day = dayOf(rng);
    const grid = rng.int(0, geo.grids.length - 1);
    const settled = rng.chance(0.15);
    drafts.push({ day, grid, found: settled ? 1 : 0, findings: rng.pick(settled ? FINDINGS_SETTLED : FINDINGS_EMPTY), caseId: null, at: iso(dayStart(day) + rng.int(15, 17) * 3_600_000) });
  }
  drafts.sort((a, b) => a.day.localeCompare(b.day) || a.grid - b.grid || (a.caseId ?? 0) - (b.caseId ?? 0));

  const sweeps: Row[] = [];
  const links: Row[] = [];
  drafts.forEach((s, i) => {
    const g = geo.grids[s.grid]!;
    const worker = workerOf.get(s.grid);
    const id = i + 1;
    sweeps.push({
      id,
      swept_on: s.day,
      village_code: geo.villages[g.village]!.code,
      township_code: geo.townships[g.township]!.code,
      county_code: geo.counties[g.county]!.code,
      grid_ids: JSON.stringify([s.grid + 1]),
      participants: `${worker !== undefined ? (names.get(worker) ?? '网格员') : '网格员'}（网格员）、${geo.villages[g.village]!.name}调委会`,
      findings: s.findings,
      disputes_found: s.found,
      recorded_by: null,
      recorded_by_name: worker !== undefined ? (names.get(worker) ?? '网格员') : '网格员',
      created_at: s.at,
    });
    if (s.caseId !== null) links.push({ sweep_id: id, dispute_id: s.caseId });
  });
  return { sweeps, links };
}
