import type { Rng } from '../random';

/**
 * Fictional place names in the style of Hunan's lake plain and hills (…塘, …湾, …冲, …垸, …洲). They are
 * combinations of common characters, never a list copied from a real city; a test checks that the
 * synthetic township names share nothing with the real Yiyang list.
 */

const RURAL_FIRST = [...'东西南北上下新老大小高长石金银黄白青桃李杨柳松竹梅荷莲枫樟桂茶禾菱鹤凤龙马牛鹿燕雁花泉溪河湖塘港桥山岭坪坡湾洲坝岩峰云月星和兴福寿安宁泰丰盛富同联合胜利民友先锋永复兰芦栗杉槐桑柑橘蔡罗彭曾谭贺易'];
const RURAL_SECOND = [...'塘湾冲坪港桥岭山洲铺庄园林口坝溪垸湖堤坡岗田峰源河头嘴台亭阁圩井坳垅湾塅'];
const URBAN_WORDS = [
  '和平', '光明', '向阳', '建设', '幸福', '文昌', '新华', '人民', '团结', '胜利', '五一', '朝阳', '东风', '红星', '长安', '康宁',
  '迎宾', '滨江', '沿河', '金花', '银城', '碧桂', '翠竹', '书院', '学苑', '会龙', '龙洲', '凤形', '桂花', '紫荆', '锦绣', '振兴',
  '汇通', '兴盛', '清风', '明月', '秀峰', '春晖', '枫林', '南苑', '北苑', '东苑', '西苑', '鹿鸣', '白鹭', '青云', '瑞丰', '康乐',
  '丰乐', '德润', '嘉禾', '怡园', '馨园', '鸿福', '百花', '石门', '梅林', '竹苑', '荷塘', '茶园', '水岸', '站前', '新桥', '窑湾',
];
const ROAD_WORDS = [
  '人民', '建设', '解放', '新华', '五一', '长安', '滨江', '桃花', '康富', '银城', '迎宾', '文昌', '龙洲', '会龙', '沿河', '学门',
  '东环', '西环', '南环', '北环', '金山', '秀峰', '紫竹', '青龙', '白鹭', '丰收', '育才', '兴业', '锦江', '朝阳',
];
const ROAD_SUFFIX = ['路', '路', '路', '街', '大道', '巷'];

export class PlaceNamer {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Rng,
    /** Names that must not be produced (e.g. another scope's names). */
    private readonly avoid: ReadonlySet<string> = new Set(),
  ) {}

  private fresh(make: () => string): string {
    for (let tries = 0; tries < 10_000; tries++) {
      const name = make();
      if (!this.used.has(name) && !this.avoid.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('PlaceNamer: ran out of names');
  }

  private ruralStem(): string {
    const r = this.rng;
    // Mostly two characters; some three (荷花塘, 新河口) for variety.
    if (r.chance(0.18)) return r.pick(RURAL_FIRST) + r.pick(RURAL_FIRST) + r.pick(RURAL_SECOND);
    let a = r.pick(RURAL_FIRST);
    let b = r.pick(RURAL_SECOND);
    while (a === b) {
      a = r.pick(RURAL_FIRST);
      b = r.pick(RURAL_SECOND);
    }
    return a + b;
  }

  /** A village (…村) or a residents' community (…社区). */
  village(community: boolean): string {
    if (community) return this.fresh(() => (this.rng.chance(0.7) ? this.rng.pick(URBAN_WORDS) : this.ruralStem()) + '社区');
    return this.fresh(() => this.ruralStem() + '村');
  }

  /** A township-level unit; the suffix says which kind (街道, 镇, 乡). */
  township(suffix: string): string {
    if (suffix === '街道') return this.fresh(() => this.rng.pick(URBAN_WORDS) + '街道');
    return this.fresh(() => this.ruralStem() + suffix);
  }

  /** A road name for a street address (not unique: many addresses share a road). */
  road(): string {
    return this.rng.pick(ROAD_WORDS) + this.rng.pick(ROAD_SUFFIX);
  }
}
