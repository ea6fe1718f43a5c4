import type { DisputeCategory } from '../../../shared/domain/disputeStatus';
import { organisationParty } from './disputeTexts';
import type { DemoGeography } from './geo/hierarchy';
import type { PersonFactory } from './personFactory';
import type { Places, Spot } from './places';
import type { Rng } from './random';

export interface DemoParty {
  side: 'applicant' | 'respondent';
  seq: number;
  name: string;
  idNumber: string | null;
  phone: string;
  address: string;
}

export interface CaseParties {
  parties: DemoParty[];
  /** How the summary names each side: 王某某, 王某某等2人, or the organisation. */
  applicantLabel: string;
  respondentLabel: string;
  /** Amount in dispute in 元 (0 when none). */
  amountYuan: number;
  peopleInvolved: number;
}

/** Chance the other side is a company, hospital, shop or committee rather than a person. */
const ORGANISATION_RESPONDENT: Partial<Record<DisputeCategory, number>> = {
  '劳动/欠薪': 0.7,
  医疗: 1,
  物业: 0.9,
  消费: 0.9,
  征地拆迁: 0.6,
  环境: 0.5,
  其他: 0.1,
};
/** [chance of a money claim, low 元, high 元] */
const AMOUNTS: Record<DisputeCategory, [number, number, number]> = {
  婚姻家庭: [0.3, 5_000, 200_000],
  邻里: [0.25, 300, 20_000],
  土地山林: [0.4, 1_000, 50_000],
  '宅基地/房屋': [0.5, 5_000, 200_000],
  '劳动/欠薪': [1, 3_000, 180_000],
  医疗: [1, 5_000, 600_000],
  交通事故: [1, 2_000, 300_000],
  物业: [0.8, 500, 20_000],
  消费: [0.9, 200, 30_000],
  征地拆迁: [0.7, 10_000, 500_000],
  环境: [0.4, 1_000, 80_000],
  其他: [0.4, 500, 50_000],
};
/** Chance of a group case (many people behind a few representatives) and its size range. */
const GROUPS: Partial<Record<DisputeCategory, [number, number, number]>> = {
  '劳动/欠薪': [0.1, 5, 45],
  征地拆迁: [0.15, 5, 30],
  环境: [0.08, 5, 20],
};

/** 3.2万元 / 8600元 */
export function yuanText(yuan: number): string {
  if (yuan >= 10_000) {
    const wan = yuan / 10_000;
    return `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万元`;
  }
  return `${yuan}元`;
}

export function drawParties(category: DisputeCategory, spot: Spot, geo: DemoGeography, places: Places, persons: PersonFactory, rng: Rng): CaseParties {
  const county = geo.counties[spot.county]!;
  const township = geo.townships[spot.township]!;
  const village = geo.villages[spot.village]!;
  const cityShort = geo.city.name.replace(/市$/, '');
  const region = () => (rng.chance(0.9) ? county.code : rng.pick(geo.counties).code).slice(0, 6);
  const nearby = (): Spot => {
    const cells = rng.chance(0.8) ? village.cells : township.cells;
    return places.spotInGrid(geo.gridOfCell[rng.pick(cells)]!);
  };
  const count = (p2: number, p3: number) => {
    const x = rng.next();
    return x < p3 ? 3 : x < p3 + p2 ? 2 : 1;
  };

  const parties: DemoParty[] = [];
  const addPerson = (side: DemoParty['side'], gender?: 'M' | 'F') => {
    const p = persons.person(region(), 20, 80, gender);
    const seq = parties.filter((x) => x.side === side).length + 1;
    parties.push({ side, seq, name: p.name, idNumber: p.idNumber, phone: p.phone, address: places.address(nearby()) });
    return p;
  };
  const label = (names: string[]) => `${surnameOf(names[0]!)}某某${names.length > 1 ? `等${names.length}人` : ''}`;

  const applicantCount = category === '婚姻家庭' ? 1 : count(0.17, 0.05);
  const first = addPerson('applicant');
  for (let k = 1; k < applicantCount; k++) addPerson('applicant');
  const applicantNames = parties.map((p) => p.name);

  let respondentLabel: string;
  if (rng.chance(ORGANISATION_RESPONDENT[category] ?? 0)) {
    const name = organisationParty(category, cityShort, category === '征地拆迁' ? village.name : township.name, rng);
    parties.push({ side: 'respondent', seq: 1, name, idNumber: null, phone: persons.landline(), address: places.address(places.spotInGrid(geo.gridOfCell[township.seatCell]!)) });
    respondentLabel = name;
  } else {
    // Husband and wife, or the other side of a family quarrel.
    const r = addPerson('respondent', category === '婚姻家庭' ? (first.gender === 'M' ? 'F' : 'M') : undefined);
    const n = category === '婚姻家庭' ? 1 : count(0.12, 0.03);
    const names = [r.name];
    for (let k = 1; k < n; k++) names.push(addPerson('respondent').name);
    respondentLabel = label(names);
    if (category === '交通事故' && n < 3 && rng.chance(0.4)) {
      const insurer = organisationParty(category, cityShort, township.name, rng);
      parties.push({ side: 'respondent', seq: n + 1, name: insurer, idNumber: null, phone: persons.landline(), address: `${cityShort}市${rng.pick(['人民路', '康富路', '长安路'])}${rng.int(1, 300)}号` });
    }
  }

  const [chance, low, high] = AMOUNTS[category];
  // Log-uniform: many small claims, a few large ones; rounded to 100 元.
  const amountYuan = rng.chance(chance) ? Math.max(100, Math.round(Math.exp(rng.float(Math.log(low), Math.log(high))) / 100) * 100) : 0;
  const group = GROUPS[category];
  const peopleInvolved = group && rng.chance(group[0]) ? rng.int(group[1], group[2]) : parties.length;
  return { parties, applicantLabel: label(applicantNames), respondentLabel, amountYuan, peopleInvolved };
}

function surnameOf(name: string): string {
  return name.startsWith('欧阳') || name.startsWith('司马') ? name.slice(0, 2) : name.slice(0, 1);
}
