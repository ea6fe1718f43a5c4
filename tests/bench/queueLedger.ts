/**
 * A Yiyang-shaped ledger of N cases for the queue bench, seeded, and aged the way a real one is:
 *
 * - Cases are inserted in arrival order with every index in place (no drop-and-rebuild after a sorted
 *   load, which leaves indexes freshly packed as no real node's are). Most arrive the day they are
 *   registered; 15% arrive late (synced up from a village node, a 网小格 batch import) with registration
 *   dates days to weeks back, so the registration-order indexes are filled out of order.
 * - Afterwards a quarter of the cases, in random order, are updated as their handling goes on
 *   (updated_at, warning, mediator), so those indexes are changed in place, out of order.
 * - Some search terms are clustered in time, as real ones are: a flood (洪水冲毁) in July 2020, a
 *   builder's unpaid wages (宏达建材) in March 2021.
 *
 * The load runs on its own connection with a large page cache (setup only; the bench measures through a
 * fresh core with the app's own settings).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { createCore, DATABASE_FILE } from '../../electron/core/index';
import { DISPUTE_CATEGORIES } from '../../shared/domain/disputeStatus';
import { catchUpSearchIndex, fixedClock, hashPassword, quietLog, rng } from './coreInternals';

export { rng };

export const BENCH_TODAY_ISO = '2021-10-29T09:00:00+08:00';
export const BENCH_PASSWORD = 'bench-password-1';
export const CLUSTERED_TERMS = [
  { term: '洪水冲毁', month: '2020-07', share: 0.2, text: '洪水冲毁农田和房屋，损失分担' },
  { term: '宏达建材', month: '2021-03', share: 0.1, text: '宏达建材拖欠务工人员工资' },
] as const;

const rand = rng(20211029);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): () => T {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  return () => {
    let x = rand() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '志强', '桂英', '国华', '红梅', '海燕', '建华', '小红', '德胜', '春花', '卫东'];
export const PLACES = ['资阳', '赫山', '沅江', '南县', '桃江', '安化', '大通湖', '高新', '龙岭', '会龙山', '兰溪', '泉交河', '笔架山', '茈湖口', '草尾', '茶乡', '梅城', '羞山'];
export const CATEGORY_TEXT: Record<string, string[]> = {
  婚姻家庭: ['夫妻感情不和要求离婚，对子女抚养和财产分割有争议', '赡养老人费用分摊发生争执', '家庭成员因房屋继承产生矛盾'],
  邻里: ['邻里之间因排水问题发生口角', '相邻通行道路被堵引发争吵', '邻居装修噪音扰民多次协商未果'],
  土地山林: ['山林界址不清双方各执一词', '承包地边界争议，双方多次发生冲突', '林地流转合同纠纷'],
  '宅基地/房屋': ['宅基地界址争议，建房时占用对方地基', '宅基地使用权归属不明引发纠纷', '房屋买卖过户纠纷'],
  '劳动/欠薪': ['拖欠工资数月，工人要求结清工资', '工地务工人员讨要劳务报酬', '工伤赔偿标准存在分歧'],
  医疗: ['患者家属对诊疗结果不满要求赔偿', '医疗费用结算引发争议'],
  交通事故: ['交通事故赔偿金额协商不成', '摩托车与电动车相撞责任划分争议'],
  物业: ['小区物业费收取标准争议', '业主与物业公司因停车管理发生矛盾'],
  消费: ['购买家电质量问题退换货纠纷', '预付卡消费退款纠纷'],
  征地拆迁: ['征地补偿款分配不均引发群体上访隐患', '拆迁安置面积认定争议'],
  环境: ['养殖场异味影响周边居民生活', '企业排放污水污染农田'],
  其他: ['债务纠纷借款到期未还', '合伙经营利润分配争议'],
};

export interface World {
  counties: string[];
  townships: Array<{ code: string; county: string; weight: number }>;
  villages: Array<{ code: string; township: string }>;
  grids: Array<{ id: number; village: string }>;
  mediators: Array<{ id: number; org: number }>;
}

async function insertChunked(trx: Knex.Transaction, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.min(400, Math.floor(999 / cols.length)));
  const ph = `(${cols.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await trx.raw(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${chunk.map(() => ph).join(',')}`, chunk.flat() as Knex.RawBinding[]);
  }
}

async function buildWorld(db: Knex): Promise<World> {
  const now = new Date(BENCH_TODAY_ISO).toISOString();
  const w: World = { counties: [], townships: [], villages: [], grids: [], mediators: [] };
  await db.transaction(async (trx) => {
    const divisions: unknown[][] = [['430900000000', '益阳市', 'city', null]];
    for (let c = 1; c <= 8; c++) {
      const county = `4309${String(c).padStart(2, '0')}000000`;
      w.counties.push(county);
      divisions.push([county, `${PLACES[c]}区县`, 'county', '430900000000']);
    }
    for (let t = 0; t < 98; t++) {
      const county = w.counties[t % 8]!;
      const code = `${county.slice(0, 6)}${String(100 + t).padStart(3, '0')}000`;
      // Yiyang-like skew: a few big towns (district seats) take many more cases.
      w.townships.push({ code, county, weight: t < 6 ? 6 : 1 + (t % 3) });
      divisions.push([code, `${PLACES[t % PLACES.length]}${['镇', '乡', '街道'][t % 3]}${t}`, 'township', county]);
    }
    for (let v = 0; v < 1450; v++) {
      const t = w.townships[v % 98]!;
      const code = `${t.code.slice(0, 9)}${String(200 + Math.floor(v / 98)).padStart(3, '0')}`;
      w.villages.push({ code, township: t.code });
      divisions.push([code, `${pick(PLACES)}村${v}`, 'village', t.code]);
    }
    await insertChunked(trx, 'divisions', ['code', 'name', 'level', 'parent_code'], divisions);
    const grids: unknown[][] = [];
    for (let g = 0; g < 5816; g++) {
      const v = w.villages[g % 1450]!;
      const code = `${v.code}${String(1 + Math.floor(g / 1450)).padStart(3, '0')}`;
      grids.push([g + 1, code, `网格${g + 1}`, v.code, v.township, `${v.code.slice(0, 6)}000000`, '{}', 112, 28, 112, 28, 112, 28, now, now]);
      w.grids.push({ id: g + 1, village: v.code });
    }
    await insertChunked(trx, 'grids', ['id', 'code', 'name', 'village_code', 'township_code', 'county_code', 'polygon', 'center_lon', 'center_lat', 'min_lon', 'min_lat', 'max_lon', 'max_lat', 'created_at', 'updated_at'], grids);
    const orgs: unknown[][] = [];
    for (let o = 0; o < 1581; o++) {
      const v = w.villages[o % 1450]!;
      orgs.push([o + 1, `${o < 1450 ? '村' : '乡镇'}人民调解委员会${o + 1}`, o < 1450 ? 'village' : 'township', o < 1450 ? v.code : v.township]);
    }
    await insertChunked(trx, 'mediation_orgs', ['id', 'name', 'type', 'division_code'], orgs);
    const people: unknown[][] = [];
    for (let p = 0; p < 7497; p++) {
      const org = (p % 1581) + 1;
      people.push([p + 1, 'mediator', pick([...SURNAMES]) + pick(GIVEN), '430900000000', org, now]);
      w.mediators.push({ id: p + 1, org });
    }
    await insertChunked(trx, 'people', ['id', 'kind', 'name', 'division_code', 'org_id', 'created_at'], people);
    await trx('accounts').insert({ username: 'bench_director', display_name: '主任', role: 'director', division_code: '430900000000', password_hash: await hashPassword(BENCH_PASSWORD), created_at: now, updated_at: now });
  });
  return w;
}

const OPEN_STATUS = weighted<string>([['registered', 10], ['accepted', 8], ['assigned', 15], ['mediating', 55], ['escalated', 5], ['agreed', 7]]);
const CLOSED_STATUS = weighted<string>([['closed', 92], ['followed_up', 3], ['agreed', 2], ['failed', 2], ['declined', 1]]);
const WARNING = weighted<string>([['none', 80], ['blue', 12], ['yellow', 6], ['red', 2]]);
const CATEGORY = weighted<string>(DISPUTE_CATEGORIES.map((c, i) => [c, [22, 20, 10, 10, 8, 3, 7, 5, 4, 4, 3, 4][i] ?? 1] as const));
const SOURCE = weighted<string>([['walk_in', 35], ['phone', 10], ['hotline_12345', 15], ['grid_patrol', 25], ['wxg_app', 5], ['referral', 5], ['proactive', 5]]);
const DAY = 86_400_000;
const START = Date.parse('2019-01-01T00:00:00Z');
const TODAY = Date.parse('2021-10-29T00:00:00Z');

/** Registration → arrival: most the same day, 15% late by days to weeks (sync, batch imports). */
function registeredAt(arrival: number): number {
  if (rand() >= 0.15) return arrival - rand() * 3_600_000;
  return Math.max(START, arrival - DAY * Math.ceil(-Math.log(1 - rand()) * 12));
}

async function insertCases(db: Knex, w: World, size: number): Promise<void> {
  const townshipPick = weighted(w.townships.map((t) => [t, t.weight] as const));
  const gridsByTownship = new Map<string, World['grids']>();
  for (const g of w.grids) {
    const t = `${g.village.slice(0, 9)}000`;
    gridsByTownship.set(t, [...(gridsByTownship.get(t) ?? []), g]);
  }
  const caseCols = ['id', 'case_no', 'source', 'category', 'status', 'warning', 'county_code', 'township_code', 'village_code', 'grid_id', 'address', 'summary', 'amount_fen', 'people_involved', 'registered_at', 'accepted_at', 'deadline', 'org_id', 'mediator_id', 'updated_at'];
  const partyCols = ['dispute_id', 'side', 'seq', 'name', 'phone'];
  const CHUNK = 20_000;
  for (let base = 0; base < size; base += CHUNK) {
    const cases: unknown[][] = [];
    const parties: unknown[][] = [];
    for (let i = base; i < Math.min(size, base + CHUNK); i++) {
      const id = i + 1;
      const t = townshipPick();
      const g = pick(gridsByTownship.get(t.code) ?? w.grids);
      const reg = new Date(registeredAt(START + ((TODAY - START) * i) / size));
      const open = TODAY - reg.getTime() < 30 * DAY;
      const status = open ? OPEN_STATUS() : CLOSED_STATUS();
      const accepted = status === 'registered' || status === 'declined' ? null : new Date(reg.getTime() + DAY);
      const deadline = accepted ? new Date(accepted.getTime() + 30 * DAY).toISOString().slice(0, 10) : null;
      const med = status === 'registered' || status === 'accepted' || status === 'declined' ? null : pick(w.mediators);
      const category = CATEGORY();
      const a = pick([...SURNAMES]) + pick(GIVEN);
      const b = pick([...SURNAMES]) + pick(GIVEN);
      const month = reg.toISOString().slice(0, 7);
      const cluster = CLUSTERED_TERMS.find((c) => c.month === month && rand() < c.share);
      const matter = cluster ? cluster.text : pick(CATEGORY_TEXT[category] ?? ['纠纷']);
      const summary = `${a}与${b}${matter}，地点在${pick(PLACES)}${pick(['组', '社区', '村部', '集镇'])}附近`;
      cases.push([id, `${reg.getUTCFullYear()}-${t.code.slice(0, 9)}-${String(id).padStart(7, '0')}`, SOURCE(), category, status, WARNING(), t.county, t.code, g.village, g.id, `${pick(PLACES)}${pick(['路', '街', '组'])}${1 + Math.floor(rand() * 200)}号`, summary, rand() < 0.4 ? Math.floor(rand() * 5e7) : null, 1 + Math.floor(rand() * rand() * 20), reg.toISOString(), accepted?.toISOString() ?? null, deadline, med?.org ?? null, med?.id ?? null, reg.toISOString()]);
      parties.push([id, 'applicant', 1, a, `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`], [id, 'respondent', 1, b, null]);
    }
    // One transaction per chunk, as batches arrive: every index is maintained row by row.
    await db.transaction(async (trx) => {
      await insertChunked(trx, 'disputes', caseCols, cases);
      await insertChunked(trx, 'dispute_parties', partyCols, parties);
    });
  }
}

/** A quarter of the cases touched again later, in random order: the handling goes on. */
async function ageCases(db: Knex, w: World, size: number): Promise<void> {
  const touched = Math.floor(size / 4);
  const BATCH = 5000;
  for (let done = 0; done < touched; done += BATCH) {
    await db.transaction(async (trx) => {
      for (let k = 0; k < Math.min(BATCH, touched - done); k++) {
        const id = 1 + Math.floor(rand() * size);
        const later = new Date(Math.min(TODAY, START + ((TODAY - START) * id) / size + rand() * 60 * DAY)).toISOString();
        if (rand() < 0.3) await trx.raw('UPDATE disputes SET warning = ?, updated_at = ? WHERE id = ?', [WARNING(), later, id]);
        else if (rand() < 0.5) await trx.raw('UPDATE disputes SET mediator_id = ?, updated_at = ? WHERE id = ? AND mediator_id IS NOT NULL', [pick(w.mediators).id, later, id]);
        else await trx.raw('UPDATE disputes SET updated_at = ? WHERE id = ?', [later, id]);
      }
    });
  }
}

/** Build the world and N aged cases; returns the phase times in ms. */
export async function buildLedger(db: Knex, size: number): Promise<{ world: World; insertMs: number; ageMs: number }> {
  await db.raw('PRAGMA cache_size = -1000000');
  const world = await buildWorld(db);
  let t0 = performance.now();
  await insertCases(db, world, size);
  const insertMs = performance.now() - t0;
  t0 = performance.now();
  await ageCases(db, world, size);
  return { world, insertMs, ageMs: performance.now() - t0 };
}

/** The world of a kept database (QUEUE_BENCH_DIR), read back instead of rebuilt. */
export async function loadWorld(db: Knex): Promise<World> {
  const counties: Array<{ code: string }> = await db('divisions').where({ level: 'county' }).orderBy('code').select('code');
  const townships: Array<{ code: string; parent_code: string }> = await db('divisions').where({ level: 'township' }).orderBy('code').select('code', 'parent_code');
  return { counties: counties.map((c) => c.code), townships: townships.map((t, i) => ({ code: t.code, county: t.parent_code, weight: i < 6 ? 6 : 1 })), villages: [], grids: [], mediators: [] };
}

export interface PreparedLedger {
  /** Set when this run built the ledger (timings in ms); absent when it came from the cache. */
  built?: { insertMs: number; ageMs: number; indexMs: number };
}

/**
 * An aged ledger of `size` cases in `dataDir`, search index caught up. Building one takes minutes at a
 * million cases, so the queue and queue-UI suites share a cache in the temp folder, keyed by this
 * generator's source, the migrations and the size (the same seed gives the same file); each run works
 * on its own copy. BENCH_LEDGER_CACHE=0 builds afresh every time.
 */
export async function prepareLedger(size: number, dataDir: string): Promise<PreparedLedger> {
  const migrations = path.resolve('electron/core/db/migrations');
  const key = createHash('sha256')
    .update(readFileSync(path.resolve('tests/bench/queueLedger.ts')))
    .update(readdirSync(migrations).sort().map((f) => readFileSync(path.join(migrations, f), 'utf8')).join('\n'))
    .update(String(size))
    .digest('hex')
    .slice(0, 16);
  const cached = path.join(tmpdir(), 'ggc-bench-ledger', `${key}-${size}.sqlite`);
  const target = path.join(dataDir, DATABASE_FILE);
  mkdirSync(dataDir, { recursive: true });
  const useCache = process.env.BENCH_LEDGER_CACHE !== '0';
  if (useCache && existsSync(cached)) {
    copyFileSync(cached, target);
    console.log(`ledger of ${size} cases from the cache (${cached})`);
    return {};
  }
  const core = await createCore({ dataDir, clock: fixedClock(BENCH_TODAY_ISO), log: quietLog });
  const { insertMs, ageMs } = await buildLedger(core.db, size);
  const t0 = performance.now();
  await catchUpSearchIndex(core);
  const indexMs = performance.now() - t0;
  await core.close();
  console.log(`ledger: ${size} cases inserted in ${(insertMs / 1000).toFixed(1)} s, aged in ${(ageMs / 1000).toFixed(1)} s; search index ${(indexMs / 1000).toFixed(1)} s`);
  if (useCache) {
    mkdirSync(path.dirname(cached), { recursive: true });
    copyFileSync(target, `${cached}.part`);
    renameSync(`${cached}.part`, cached);
  }
  return { built: { insertMs, ageMs, indexMs } };
}
