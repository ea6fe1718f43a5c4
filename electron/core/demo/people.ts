import type { DisputeCategory } from '../../../shared/domain/disputeStatus';
import type { DemoGeography, DivisionUnit } from './geo/hierarchy';
import type { GridFigures } from './gridFigures';
import type { PersonFactory } from './personFactory';
import { Places, type Spot } from './places';
import { apportion, weightedSample, type Rng } from './random';

/** The source report's figures for the mediation network. */
export const MEDIATOR_COUNT = 7497;
export const TOWNSHIP_COMMITTEES = 102;
export const VILLAGE_COMMITTEES = 1434;

export interface DemoPerson {
  id: number;
  kind: 'grid_worker' | 'mediator';
  name: string;
  gender: 'M' | 'F';
  phone: string;
  idNumber: string;
  divisionCode: string;
  orgId: number | null;
  title: string;
}

export interface DemoOrg {
  id: number;
  name: string;
  type: 'industry' | 'township' | 'village';
  specialty: DisputeCategory | null;
  divisionCode: string;
  townshipCode: string | null;
  countyCode: string | null;
  address: string;
  phone: string;
  spot: Spot;
  /** Index of its county (-1 for the city's own committees). */
  county: number;
  mediatorIds: number[];
}

export interface DemoNetwork {
  people: DemoPerson[];
  orgs: DemoOrg[];
  /** [grid index, person id] */
  gridWorkers: [number, number][];
  /** The village's own committee (org index), or null for the 13 small villages without one (their township's committee serves them). */
  villageOrg: (number | null)[];
  /** Committees of each township (org indices; the first is the main one). */
  townshipOrgs: number[][];
  /** Industry committees by specialty: per county index, and the city's. */
  industryOrgs: Map<DisputeCategory, { byCounty: Map<number, number>; city: number | null }>;
}

/**
 * 45 industry/professional committees: each county has the three busiest specialties (medical, traffic,
 * labour/wages); the city has six; the rest go to the counties with the most grids.
 */
const CITY_SPECIALTIES: DisputeCategory[] = ['医疗', '交通事故', '劳动/欠薪', '婚姻家庭', '物业', '消费'];
const EVERY_COUNTY: DisputeCategory[] = ['医疗', '交通事故', '劳动/欠薪'];
const SOME_COUNTIES: [DisputeCategory, number][] = [
  ['婚姻家庭', 4],
  ['物业', 3],
  ['消费', 3],
  ['征地拆迁', 2],
  ['环境', 2],
  ['土地山林', 1],
];
const INDUSTRY_NAMES: Partial<Record<DisputeCategory, string>> = {
  医疗: '医疗纠纷人民调解委员会',
  交通事故: '道路交通事故纠纷人民调解委员会',
  '劳动/欠薪': '劳动人事争议人民调解委员会',
  婚姻家庭: '婚姻家庭纠纷人民调解委员会',
  物业: '物业纠纷人民调解委员会',
  消费: '消费纠纷人民调解委员会',
  征地拆迁: '征地拆迁纠纷人民调解委员会',
  环境: '环境资源纠纷人民调解委员会',
  土地山林: '山林土地纠纷人民调解委员会',
};

function region6(code: string): string {
  return code.slice(0, 6);
}

export function buildNetwork(geo: DemoGeography, figures: GridFigures, persons: PersonFactory, rng: Rng): DemoNetwork {
  const places = new Places(geo, rng);
  const people: DemoPerson[] = [];
  const gridWorkers: [number, number][] = [];
  const addPerson = (p: Omit<DemoPerson, 'id'>) => {
    const person = { id: people.length + 1, ...p };
    people.push(person);
    return person;
  };

  // Grid workers: one full-time worker per grid, a part-time second one in the busier grids.
  geo.grids.forEach((g, gi) => {
    const village = geo.villages[g.village]!;
    const county = geo.counties[g.county]!;
    const staff = figures.population[gi]! > 1100 || rng.chance(0.12) ? 2 : 1;
    for (let k = 0; k < staff; k++) {
      const p = persons.person(region6(county.code), 24, 58);
      const worker = addPerson({ kind: 'grid_worker', name: p.name, gender: p.gender, phone: p.phone, idNumber: p.idNumber, divisionCode: village.code, orgId: null, title: k === 0 ? '专职网格员' : '兼职网格员' });
      gridWorkers.push([gi, worker.id]);
    }
  });

  const orgs: DemoOrg[] = [];
  const addOrg = (o: Omit<DemoOrg, 'id' | 'mediatorIds' | 'address' | 'phone' | 'spot'>, seatOf: DivisionUnit) => {
    const spot = places.spotInDivision(seatOf.cells, seatOf.seatCell, 0.8);
    orgs.push({ ...o, id: orgs.length + 1, mediatorIds: [], spot, address: places.address(spot), phone: persons.landline() });
    return orgs.length - 1;
  };

  const industryOrgs: DemoNetwork['industryOrgs'] = new Map();
  const industry = (s: DisputeCategory) => {
    let entry = industryOrgs.get(s);
    if (!entry) industryOrgs.set(s, (entry = { byCounty: new Map(), city: null }));
    return entry;
  };
  // The county the city seat lies in: home region of the city committees' mediators.
  const cityCounty = geo.counties.find((c) => c.seatCell === geo.city.seatCell) ?? geo.counties[0]!;
  for (const s of CITY_SPECIALTIES) {
    industry(s).city = addOrg({ name: geo.city.name + INDUSTRY_NAMES[s]!, type: 'industry', specialty: s, divisionCode: geo.city.code, townshipCode: null, countyCode: null, county: -1 }, geo.city);
  }
  const bySize = [...geo.counties].sort((a, b) => Number(b.urban) - Number(a.urban) || b.cells.length - a.cells.length);
  geo.counties.forEach((county, ci) => {
    for (const s of EVERY_COUNTY) {
      industry(s).byCounty.set(ci, addOrg({ name: county.name + INDUSTRY_NAMES[s]!, type: 'industry', specialty: s, divisionCode: county.code, townshipCode: null, countyCode: county.code, county: ci }, county));
    }
  });
  for (const [s, n] of SOME_COUNTIES) {
    for (const county of bySize.slice(0, n)) {
      const ci = geo.counties.indexOf(county);
      industry(s).byCounty.set(ci, addOrg({ name: county.name + INDUSTRY_NAMES[s]!, type: 'industry', specialty: s, divisionCode: county.code, townshipCode: null, countyCode: county.code, county: ci }, county));
    }
  }

  // Township committees: one each, and a second (at the police station) in the most populous townships.
  const townshipPopulation = geo.townships.map(() => 0);
  geo.grids.forEach((g, gi) => (townshipPopulation[g.township]! += figures.population[gi]!));
  const byPopulation = geo.townships.map((_, i) => i).sort((a, b) => townshipPopulation[b]! - townshipPopulation[a]! || a - b);
  const withSecond = new Set(byPopulation.slice(0, TOWNSHIP_COMMITTEES - geo.townships.length));
  const townshipOrgs: number[][] = geo.townships.map((t, ti) => {
    const county = geo.counties[t.county]!;
    const base = { type: 'township' as const, specialty: null, divisionCode: t.code, townshipCode: t.code, countyCode: county.code, county: t.county };
    const list = [addOrg({ ...base, name: `${t.name}人民调解委员会` }, t)];
    if (withSecond.has(ti)) list.push(addOrg({ ...base, name: `${t.name}驻派出所人民调解工作室` }, t));
    return list;
  });

  // Village committees: all but 13 small villages, whose cases the township committee takes.
  const villagePopulation = geo.villages.map(() => 0);
  geo.grids.forEach((g, gi) => (villagePopulation[g.village]! += figures.population[gi]!));
  const sharing = new Set(
    weightedSample(
      rng,
      geo.villages.map((v, vi) => (v.kind === 'village' ? 1 / villagePopulation[vi]! : 0)),
      geo.villages.length - VILLAGE_COMMITTEES,
    ),
  );
  const villageOrg: (number | null)[] = geo.villages.map((v, vi) => {
    if (sharing.has(vi)) return null;
    const t = geo.townships[v.township]!;
    return addOrg(
      { name: `${v.name}人民调解委员会`, type: 'village', specialty: null, divisionCode: v.code, townshipCode: t.code, countyCode: geo.counties[v.county]!.code, county: v.county },
      v,
    );
  });

  // Mediators: exactly the report's number, more in the township and industry committees.
  const weights = orgs.map((o) => (o.type === 'industry' ? rng.float(7, 13) : o.type === 'township' ? rng.float(9, 15) : rng.float(3, 5.6)));
  const minimum = orgs.map((o) => (o.type === 'village' ? 3 : 5));
  const counts = apportion(MEDIATOR_COUNT, weights, minimum);
  orgs.forEach((o, oi) => {
    const countyCode = o.countyCode ?? cityCounty.code;
    for (let k = 0; k < counts[oi]!; k++) {
      const p = persons.person(region6(countyCode), 28, 68);
      const title = k === 0 ? '调委会主任' : k === 1 && counts[oi]! >= 4 ? '调委会副主任' : o.type === 'industry' || (o.type === 'township' && k < 4) ? '专职人民调解员' : '人民调解员';
      const m = addPerson({ kind: 'mediator', name: p.name, gender: p.gender, phone: p.phone, idNumber: p.idNumber, divisionCode: o.divisionCode, orgId: o.id, title });
      o.mediatorIds.push(m.id);
    }
  });

  return { people, orgs, gridWorkers, villageOrg, townshipOrgs, industryOrgs };
}
