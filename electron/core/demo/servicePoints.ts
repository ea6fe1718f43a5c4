import type { ServicePointCategory, ServicePointLevel } from '../../../shared/domain/servicePoints';
import type { DemoGeography, DivisionUnit } from './geo/hierarchy';
import type { GridFigures } from './gridFigures';
import type { PersonFactory } from './personFactory';
import { Places, type Spot } from './places';
import { weightedSample, type Rng } from './random';

/** The source report's counts of service points (and a police-room count of our choosing). */
export const SERVICE_POINT_COUNTS = {
  legal_center: 8,
  legal_station: 92,
  legal_point: 1379,
  legal_volunteer: 13_910,
  counseling_room: 230,
  grid_counseling: 938,
  patrol_team: 512,
  police_room: 300,
} as const;

export interface DemoServicePoint {
  name: string;
  category: ServicePointCategory;
  level: ServicePointLevel;
  division: DivisionUnit;
  spot: Spot;
  address: string;
  phone: string;
  hours: string;
  contactName: string;
  staffCount: number;
  notes: string | null;
}

const OFFICE_HOURS = ['周一至周五 8:30-12:00，14:30-17:30', '周一至周五 8:00-12:00，14:00-17:30', '工作日 9:00-17:00'];
const CHINESE_ORDINALS = ['', '（二）', '（三）', '（四）'];

/**
 * Every service point of the directory: governance centers at all four levels, the public legal service
 * network down to volunteer points in the grids, counselling rooms and grid counselling points, volunteer
 * patrol teams and police rooms. Each lies at a random point inside its division (near the seat for
 * offices), so the map and "nearest help" work on them.
 */
export function buildServicePoints(geo: DemoGeography, figures: GridFigures, persons: PersonFactory, rng: Rng): DemoServicePoint[] {
  const places = new Places(geo, rng);
  const points: DemoServicePoint[] = [];
  const add = (
    division: DivisionUnit,
    category: ServicePointCategory,
    level: ServicePointLevel,
    name: string,
    o: { spot?: Spot; atSeat?: number; mobile?: boolean; hours: string; staff: [number, number]; notes?: string | null },
  ) => {
    const spot = o.spot ?? places.spotInDivision(division.cells, division.seatCell, o.atSeat ?? 0.9);
    points.push({
      name,
      category,
      level,
      division,
      spot,
      address: places.address(spot),
      phone: o.mobile ? persons.mobile() : persons.landline(),
      hours: o.hours,
      contactName: persons.name(rng.chance(0.5) ? 'M' : 'F'),
      staffCount: rng.int(o.staff[0], o.staff[1]),
      notes: o.notes ?? null,
    });
  };
  const office = () => rng.pick(OFFICE_HOURS);

  // Governance centers, four levels linked together (四级联网).
  add(geo.city, 'governance_center', 'city', `${geo.city.name}社会治安综合治理中心`, { hours: '24小时值班', staff: [30, 60], notes: '市级指挥中心，大屏全天运行' });
  for (const c of geo.counties) add(c, 'governance_center', 'county', `${c.name}综治中心`, { hours: '24小时值班', staff: [15, 30] });
  for (const t of geo.townships) add(t, 'governance_center', 'township', `${t.name}综治中心`, { hours: office(), staff: [5, 15] });
  for (const v of geo.villages) add(v, 'governance_center', 'village', `${v.name}综治中心`, { atSeat: 0.7, hours: office(), staff: [2, 6] });

  // Public legal service: county centers, township stations, village points, volunteer points in the grids.
  for (const c of geo.counties) add(c, 'legal_center', 'county', `${c.name}公共法律服务中心`, { hours: office(), staff: [8, 20], notes: '12348法律服务热线受理点' });
  const townshipPopulation = sumBy(geo, figures, (g) => g.township, geo.townships.length);
  for (const ti of topBy(townshipPopulation, SERVICE_POINT_COUNTS.legal_station)) {
    const t = geo.townships[ti]!;
    add(t, 'legal_station', 'township', `${t.name}公共法律服务工作站`, { hours: office(), staff: [2, 6] });
  }
  const villagePopulation = sumBy(geo, figures, (g) => g.village, geo.villages.length);
  for (const vi of topBy(villagePopulation, SERVICE_POINT_COUNTS.legal_point)) {
    const v = geo.villages[vi]!;
    add(v, 'legal_point', 'village', `${v.name}公共法律服务工作点`, { atSeat: 0.7, hours: '每周三 9:00-12:00 法律顾问坐班', staff: [1, 3] });
  }
  const extra = new Set(weightedSample(rng, figures.population, SERVICE_POINT_COUNTS.legal_volunteer - 2 * geo.grids.length));
  geo.grids.forEach((g, gi) => {
    const village = geo.villages[g.village]!;
    for (let k = 0; k < (extra.has(gi) ? 3 : 2); k++) {
      add(village, 'legal_volunteer', 'grid', `${g.name}法律服务志愿点${CHINESE_ORDINALS[k]}`, { spot: places.spotInGrid(gi), mobile: true, hours: '预约服务', staff: [1, 3] });
    }
  });

  // Counselling: a room at every county and township center, the rest in the largest communities.
  for (const c of geo.counties) add(c, 'counseling_room', 'county', `${c.name}社会心理服务中心心理咨询室`, { hours: office(), staff: [3, 8] });
  for (const t of geo.townships) add(t, 'counseling_room', 'township', `${t.name}心理咨询室`, { hours: '周二、周四 9:00-17:00（可预约）', staff: [1, 4] });
  const roomVillages = SERVICE_POINT_COUNTS.counseling_room - geo.counties.length - geo.townships.length;
  for (const vi of topBy(villagePopulation.map((p, vi) => (geo.villages[vi]!.kind === 'community' ? p * 3 : p)), roomVillages)) {
    const v = geo.villages[vi]!;
    add(v, 'counseling_room', 'village', `${v.name}心理咨询室`, { hours: '周六 9:00-17:00（可预约）', staff: [1, 3] });
  }
  for (const gi of weightedSample(rng, figures.population, SERVICE_POINT_COUNTS.grid_counseling).sort((a, b) => a - b)) {
    const g = geo.grids[gi]!;
    add(geo.villages[g.village]!, 'grid_counseling', 'grid', `${g.name}心理服务点`, { spot: places.spotInGrid(gi), mobile: true, hours: '网格员预约上门', staff: [1, 2] });
  }

  // Volunteer patrols and police rooms, at village level, more in the towns.
  for (const vi of weightedSample(rng, villagePopulation, SERVICE_POINT_COUNTS.patrol_team).sort((a, b) => a - b)) {
    const v = geo.villages[vi]!;
    add(v, 'patrol_team', 'village', `${v.name}义务巡逻队`, { atSeat: 0.5, mobile: true, hours: '每日 19:00-22:00 巡逻', staff: [8, 30] });
  }
  const policeWeights = villagePopulation.map((p, vi) => (geo.villages[vi]!.kind === 'community' ? p * 4 : p));
  for (const vi of weightedSample(rng, policeWeights, SERVICE_POINT_COUNTS.police_room).sort((a, b) => a - b)) {
    const v = geo.villages[vi]!;
    add(v, 'police_room', 'village', `${v.name}警务室`, { atSeat: 0.8, hours: '24小时', staff: [1, 3] });
  }
  return points;
}

function sumBy(geo: DemoGeography, figures: GridFigures, key: (g: DemoGeography['grids'][number]) => number, n: number): number[] {
  const sums = new Array<number>(n).fill(0);
  geo.grids.forEach((g, gi) => (sums[key(g)]! += figures.population[gi]!));
  return sums;
}

/** Indices of the k largest values, in index order (a point for every division but the smallest). */
function topBy(values: readonly number[], k: number): number[] {
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}
