import { Rng } from '../random';
import { buildCityCells, projectionFor, type CountyShape } from './cityCells';
import { grownCountiesFor, syntheticPlan, syntheticShape, SYNTHETIC_CENTER, townBumps, type CityPlan, type DensityPeak } from './cityPlan';
import { buildHierarchy, type DemoGeography } from './hierarchy';
import { toKm } from './projection';
import { readRealOutlines, readRealPlan } from './realCity';

/** The source report's figures for the geography. */
export const GRID_COUNT = 5816;
export const VILLAGE_COUNT = 1447;

export interface RealDataPaths {
  /** CSV of the city, its county-level units and townships (code,name,level,parent_code). */
  divisionsCsv: string;
  /** GeoJSON (GCJ-02) of the county outlines, properties.adcode = 6-digit code. */
  countiesGeojson?: string;
}

/**
 * The whole geography: cells, counties, townships, villages and grids with codes, names and outlines.
 * Synthetic by default; with real data, the real names and codes (and county outlines when given) and
 * synthetic villages and grids inside them.
 */
export function buildGeography(seed: number, real?: RealDataPaths): DemoGeography {
  const rng = new Rng(seed, 'geography');
  let plan: CityPlan;
  let shape: CountyShape;
  let peaks: DensityPeak[];
  if (!real) {
    plan = syntheticPlan();
    const synthetic = syntheticShape(rng);
    shape = synthetic.counties;
    peaks = synthetic.peaks;
  } else {
    plan = readRealPlan(real.divisionsCsv);
    if (real.countiesGeojson) {
      const outlines = readRealOutlines(real.countiesGeojson);
      shape = {
        kind: 'outlined',
        outlines: plan.counties.map((c) => outlines.get(c.code)?.geometry ?? null),
        seats: plan.counties.map((c) => outlines.get(c.code)?.seat ?? null),
      };
      const projection = projectionFor(shape, SYNTHETIC_CENTER);
      // Towns where the file puts the county seats: the urban districts' seats form the city core.
      peaks = [];
      plan.counties.forEach((c, i) => {
        const seat = shape.kind === 'outlined' ? shape.seats[i] : null;
        if (!seat) return;
        const [x, y] = toKm(projection, seat[0], seat[1]);
        peaks.push(c.urban ? { x, y, amplitude: 14, sigma: 4 } : { x, y, amplitude: 5, sigma: 2.5 });
      });
      peaks.push(...townBumps(rng, [-110, -90, 110, 90]));
    } else {
      const grown = grownCountiesFor(plan, rng, GRID_COUNT);
      shape = grown.counties;
      peaks = grown.peaks;
    }
  }
  const projection = projectionFor(shape, SYNTHETIC_CENTER);
  const cells = buildCityCells(plan, shape, peaks, GRID_COUNT, rng, projection);
  return buildHierarchy(plan, cells, VILLAGE_COUNT, rng);
}
