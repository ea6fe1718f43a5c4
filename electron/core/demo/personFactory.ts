import { makeIdNumber } from '../../../shared/domain/idNumber';
import { WeightedTable, type Rng } from './random';

/**
 * Fictional people: names drawn from common surnames (weighted roughly as in Hunan) and given-name
 * characters, valid GB 11643 ID numbers registered in the person's county, and mobile numbers. ID numbers
 * and phones are never repeated.
 */

// Weights: percent of the population, rounded; Hunan has more 刘, 谭, 彭, 曾, 邓, 罗, 贺 than the national mix.
const SURNAMES: [string, number][] = [
  ['李', 7.0], ['王', 6.0], ['张', 5.6], ['刘', 6.2], ['陈', 5.0], ['杨', 3.0], ['黄', 2.6], ['赵', 1.8], ['吴', 2.0],
  ['周', 2.4], ['徐', 1.2], ['孙', 1.0], ['马', 1.0], ['朱', 1.2], ['胡', 2.0], ['郭', 1.0], ['何', 1.4], ['高', 0.9],
  ['林', 0.8], ['罗', 1.8], ['郑', 0.7], ['梁', 0.6], ['谢', 1.2], ['宋', 0.6], ['唐', 1.4], ['许', 0.6], ['韩', 0.4],
  ['冯', 0.5], ['邓', 1.4], ['曹', 0.7], ['彭', 1.6], ['曾', 1.5], ['肖', 1.0], ['田', 0.6], ['董', 0.4], ['袁', 0.6],
  ['潘', 0.4], ['于', 0.2], ['蒋', 0.8], ['蔡', 0.5], ['余', 0.6], ['杜', 0.4], ['叶', 0.5], ['程', 0.4], ['苏', 0.4],
  ['魏', 0.4], ['吕', 0.3], ['丁', 0.4], ['任', 0.4], ['沈', 0.3], ['姚', 0.4], ['卢', 0.4], ['姜', 0.3], ['钟', 0.5],
  ['谭', 1.4], ['陆', 0.3], ['汪', 0.4], ['范', 0.4], ['金', 0.3], ['石', 0.5], ['廖', 0.7], ['夏', 0.5], ['方', 0.4],
  ['邹', 0.6], ['熊', 0.7], ['秦', 0.3], ['邱', 0.3], ['江', 0.4], ['尹', 0.4], ['段', 0.3], ['雷', 0.5], ['侯', 0.3],
  ['龙', 0.6], ['陶', 0.4], ['黎', 0.4], ['贺', 0.9], ['毛', 0.4], ['龚', 0.5], ['万', 0.3], ['严', 0.3], ['戴', 0.5],
  ['莫', 0.3], ['向', 0.5], ['汤', 0.4], ['文', 0.5], ['易', 0.6], ['皮', 0.1], ['喻', 0.2], ['晏', 0.1], ['符', 0.1],
  ['欧阳', 0.15], ['司马', 0.01],
];

const MALE_CHARS = [...'伟强军勇杰涛斌波辉刚平明华建国志文海峰林鹏宇浩凯俊磊超鑫亮飞龙东兵春德福贵庆生荣祥新昌树立永正光胜成忠卫睿轩宏晨博泽翔旭阳武剑锋松柏云山江河'];
const FEMALE_CHARS = [...'芳娟敏静丽艳霞燕玲婷红梅琴兰英秀萍慧娜莉颖雪倩欣怡佳琳悦彤晶洁露凤桂月云翠美巧莎蓉秋菊香莲珍玉萱雅诗思'];
const SHARED_FIRST = [...'建国志文晓小海春秋德永子雨思梓家金玉明新丽美正立红爱少'];

const surnameTable = new WeightedTable(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188',
  '189', '191', '193', '198', '199',
];

export type Gender = 'M' | 'F';

export interface FictionalPerson {
  name: string;
  gender: Gender;
  idNumber: string;
  phone: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export const DEMO_TODAY = '2021-10-29';

export class PersonFactory {
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  surname(): string {
    return surnameTable.draw(this.rng);
  }

  givenName(gender: Gender): string {
    const chars = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
    if (this.rng.chance(0.22)) return this.rng.pick(chars);
    const first = this.rng.chance(0.4) ? this.rng.pick(SHARED_FIRST) : this.rng.pick(chars);
    return first + this.rng.pick(chars);
  }

  name(gender: Gender): string {
    return this.surname() + this.givenName(gender);
  }

  mobile(): string {
    for (;;) {
      const phone = this.rng.pick(MOBILE_PREFIXES) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** An office landline in the city's area code (0737-xxxxxxx). */
  landline(): string {
    return `0737-${this.rng.int(2, 8)}${String(this.rng.int(0, 999_999)).padStart(6, '0')}`;
  }

  /** A fictional adult registered in `region` (6-digit county code), aged minAge–maxAge on DEMO_TODAY. */
  person(region: string, minAge: number, maxAge: number, gender?: Gender): FictionalPerson {
    const g: Gender = gender ?? (this.rng.chance(0.5) ? 'M' : 'F');
    const year = 2021 - this.rng.int(minAge, maxAge);
    const month = this.rng.int(1, 12);
    const day = this.rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const birthDate = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    let idNumber: string;
    do {
      // Sequence codes: odd for men, even for women (GB 11643).
      const seq = this.rng.int(0, 499) * 2 + (g === 'M' ? 1 : 0);
      idNumber = makeIdNumber({ region, birthDate, sequence: seq });
    } while (this.idNumbers.has(idNumber));
    this.idNumbers.add(idNumber);
    return {
      name: this.name(g),
      gender: g,
      idNumber,
      phone: this.mobile(),
      birthDate: `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6)}`,
    };
  }
}
