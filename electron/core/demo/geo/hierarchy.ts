import type { AreaGeometry } from '../../../../shared/domain/geometry';
import { gridCode } from '../../../../shared/domain/divisionCodes';
import { apportion, type Rng } from '../random';
import type { CellGraph } from './cells';
import { TOWNSHIP_SUFFIX, type CityPlan, type TownshipKind, type TownshipSlot } from './cityPlan';
import type { CityCells } from './cityCells';
import { outlineGeometry, ringArea2, ringsBbox, unionOutline, type MicroBbox } from './mesh';
import { growRegions, spreadSeeds } from './partition';
import { PlaceNamer } from './placeNames';

/**
 * Step two of the geography: townships inside each county and villages inside each township (contiguous
 * regions of cells), then codes, names, outlines (exact unions of the cells) and centers.
 */
export type DivisionKind = 'city' | 'county' | TownshipKind | 'community' | 'village';

export interface DivisionUnit {
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  parentCode: string | null;
  /** Position among its siblings. */
  sort: number;
  kind: DivisionKind;
  urban: boolean;
  cells: number[];
  outline: AreaGeometry;
  bbox: MicroBbox;
  /** A point inside the division, micro-degrees: the center of its seat grid. */
  center: [number, number];
  seatCell: number;
  /** Indices into the geography's lists (-1 where not applicable). */
  county: number;
  township: number;
}

export interface GridUnit {
  cell: number;
  code: string;
  name: string;
  seq: number;
  village: number;
  township: number;
  county: number;
}

export interface DemoGeography {
  plan: CityPlan;
  cells: CityCells;
  city: DivisionUnit;
  counties: DivisionUnit[];
  townships: DivisionUnit[];
  villages: DivisionUnit[];
  /** In code order; grid i is stored with id i + 1. */
  grids: GridUnit[];
  /** Grid index of every cell. */
  gridOfCell: Int32Array;
}

const KIND_RANK: Record<TownshipKind, number> = { subdistrict: 0, town: 1, other: 2, township: 3 };
const CODE_BASE: Record<TownshipKind, number> = { subdistrict: 1, town: 101, township: 201, other: 401 };
/** Villages per cell, relative: city communities hold more grids than mountain villages. */
const VILLAGES_PER_CELL: Record<TownshipKind, number> = { subdistrict: 0.55, town: 1, other: 1, township: 1.15 };

function density(graph: CellGraph, cells: readonly number[]): number {
  let area = 0;
  for (const c of cells) area += graph.areaKm2[c]!;
  return cells.length / area;
}

/** The cell nearest to the area-weighted middle of a set of cells. */
function middleCell(graph: CellGraph, cells: readonly number[]): number {
  let sx = 0;
  let sy = 0;
  let sa = 0;
  for (const c of cells) {
    const a = graph.areaKm2[c]!;
    sx += graph.kx[c]! * a;
    sy += graph.ky[c]! * a;
    sa += a;
  }
  sx /= sa;
  sy /= sa;
  let best = cells[0]!;
  let bestD = Infinity;
  for (const c of cells) {
    const d = (graph.kx[c]! - sx) ** 2 + (graph.ky[c]! - sy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function distance(graph: CellGraph, a: number, b: number): number {
  return Math.hypot(graph.kx[a]! - graph.kx[b]!, graph.ky[a]! - graph.ky[b]!);
}

/** Split `cells` into k contiguous regions of uneven size; regions listed in growth order. */
function split(graph: CellGraph, cells: readonly number[], k: number, rng: Rng): number[][] {
  if (k === 1) return [[...cells]];
  const seeds = spreadSeeds(graph, cells, k, rng);
  const targets = seeds.map(() => (cells.length / k) * rng.float(0.6, 1.5));
  const owner = growRegions(graph, cells, seeds, targets, rng, { roughness: 0.3 });
  const regions: number[][] = seeds.map(() => []);
  for (const c of cells) regions[owner[c]!]!.push(c);
  return regions;
}

/** A division from its cells: the outline is their exact union; the center is its seat grid's center. */
function unit(graph: CellGraph, fields: Omit<DivisionUnit, 'outline' | 'bbox' | 'center' | 'seatCell'> & { seatCell?: number }): DivisionUnit {
  const mesh = graph.mesh;
  const rings = unionOutline(mesh, fields.cells);
  const seatCell = fields.seatCell ?? middleCell(graph, fields.cells);
  return {
    ...fields,
    outline: outlineGeometry(mesh, rings),
    bbox: ringsBbox(
      mesh,
      rings.filter((r) => ringArea2(mesh, r) > 0),
    ),
    seatCell,
    center: [graph.centerLon[seatCell]!, graph.centerLat[seatCell]!],
  };
}

export function buildHierarchy(plan: CityPlan, cityCells: CityCells, villageTotal: number, rng: Rng): DemoGeography {
  const { graph, countyOf } = cityCells;
  const townshipNamer = new PlaceNamer(rng);

  // Townships: split each county, then give the densest regions the subdistricts and the sparsest the 乡.
  interface TownshipDraft {
    county: number;
    slot: TownshipSlot;
    code: string;
    name: string;
    cells: number[];
  }
  const townshipDrafts: TownshipDraft[] = [];
  const countyCells: number[][] = plan.counties.map(() => []);
  for (let c = 0; c < graph.count; c++) countyCells[countyOf[c]!]!.push(c);
  plan.counties.forEach((county, ci) => {
    const cells = countyCells[ci]!;
    if (cells.length < county.townships.length) throw new Error(`${county.name}: ${cells.length} 个网格容不下 ${county.townships.length} 个乡镇`);
    const regions = split(graph, cells, county.townships.length, rng).sort((a, b) => density(graph, b) - density(graph, a));
    const slots = county.townships.map((s, i) => ({ s, i })).sort((a, b) => KIND_RANK[a.s.kind] - KIND_RANK[b.s.kind] || a.i - b.i);
    const seat = middleCell(graph, regions[0]!);
    const drafts = slots.map(({ s }, j) => ({ county: ci, slot: s, cells: regions[j]!, code: s.code ?? '', name: s.name ?? '' }));
    if (plan.synthetic) {
      // Codes as the NBS numbers them: 街道 001…, 镇 1xx, 乡 2xx, others 4xx; nearest the seat first.
      const kinds = [...new Set(drafts.map((d) => d.slot.kind))];
      for (const kind of kinds) {
        const ofKind = drafts.filter((d) => d.slot.kind === kind);
        ofKind.sort((a, b) => distance(graph, middleCell(graph, a.cells), seat) - distance(graph, middleCell(graph, b.cells), seat));
        ofKind.forEach((d, k) => {
          d.code = county.code.slice(0, 6) + String(CODE_BASE[kind] + k).padStart(3, '0') + '000';
          d.name = townshipNamer.township(kind === 'other' ? '管理处' : TOWNSHIP_SUFFIX[kind]);
        });
      }
    }
    townshipDrafts.push(...drafts.sort((a, b) => a.code.localeCompare(b.code)));
  });

  // How many villages each township gets: exactly villageTotal in all.
  const villageCounts = apportion(
    villageTotal,
    townshipDrafts.map((t) => t.cells.length * VILLAGES_PER_CELL[t.slot.kind]),
    1,
    townshipDrafts.map((t) => t.cells.length),
  );

  const counties: DivisionUnit[] = [];
  const townships: DivisionUnit[] = [];
  const villages: DivisionUnit[] = [];
  const grids: GridUnit[] = [];
  const gridOfCell = new Int32Array(graph.count).fill(-1);

  plan.counties.forEach((county, ci) => {
    const villageNamer = new PlaceNamer(rng);
    const drafts = townshipDrafts.map((t, i) => ({ t, i })).filter(({ t }) => t.county === ci);
    const countyTownships: DivisionUnit[] = [];
    drafts.forEach(({ t, i }, sort) => {
      const township = unit(graph, { code: t.code, name: t.name, level: 'township', parentCode: county.code, sort, kind: t.slot.kind, urban: t.slot.kind === 'subdistrict', cells: t.cells, county: ci, township: -1 });
      const ti = townships.length;
      township.township = ti;
      townships.push(township);
      countyTownships.push(township);

      const k = villageCounts[i]!;
      const regions = split(graph, t.cells, k, rng).sort((a, b) => density(graph, b) - density(graph, a));
      const communities = t.slot.kind === 'subdistrict' ? k : t.slot.kind === 'township' ? (k >= 10 ? 1 : 0) : Math.max(1, Math.round(k * 0.1));
      const byDistance = (a: number[], b: number[]) => distance(graph, middleCell(graph, a), township.seatCell) - distance(graph, middleCell(graph, b), township.seatCell);
      const communityRegions = regions.slice(0, communities).sort(byDistance);
      const villageRegions = regions.slice(communities).sort(byDistance);
      const townshipVillages = [
        ...communityRegions.map((cells, n) => ({ cells, community: true, code: t.code.slice(0, 9) + String(1 + n).padStart(3, '0') })),
        ...villageRegions.map((cells, n) => ({ cells, community: false, code: t.code.slice(0, 9) + String(200 + n).padStart(3, '0') })),
      ];
      townshipVillages.forEach((v, vsort) => {
        const village = unit(
          graph,
          { code: v.code, name: villageNamer.village(v.community), level: 'village', parentCode: t.code, sort: vsort, kind: v.community ? 'community' : 'village', urban: v.community, cells: v.cells, county: ci, township: ti },
        );
        const vi = villages.length;
        villages.push(village);
        // Grids numbered north to south, west to east.
        const ordered = [...v.cells].sort((a, b) => graph.centerLat[b]! - graph.centerLat[a]! || graph.centerLon[a]! - graph.centerLon[b]!);
        ordered.forEach((cell, n) => {
          gridOfCell[cell] = grids.length;
          grids.push({ cell, code: gridCode(v.code, n + 1), name: `${village.name}第${n + 1}网格`, seq: n + 1, village: vi, township: ti, county: ci });
        });
      });
    });
    // The county seat: the middle of its densest township.
    const densest = [...countyTownships].sort((a, b) => density(graph, b.cells) - density(graph, a.cells))[0]!;
    counties.push(
      unit(graph, { code: county.code, name: county.name, level: 'county', parentCode: plan.code, sort: ci, kind: 'county', urban: county.urban, cells: countyCells[ci]!, county: ci, township: -1, seatCell: densest.seatCell }),
    );
  });

  const densestCounty = [...counties].sort((a, b) => density(graph, b.cells) - density(graph, a.cells))[0]!;
  const all = Array.from({ length: graph.count }, (_, i) => i);
  const city = unit(graph, { code: plan.code, name: plan.name, level: 'city', parentCode: null, sort: 0, kind: 'city', urban: true, cells: all, county: -1, township: -1, seatCell: densestCounty.seatCell });
  return { plan, cells: cityCells, city, counties, townships, villages, grids, gridOfCell };
}
