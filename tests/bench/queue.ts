/**
 * The queue at a million cases (issue 3). Builds a Yiyang-shaped dispute table directly (multi-row
 * INSERTs of ≤ 400 rows in one transaction, not through handlers), then measures through the core's one
 * door (`disputes.query`, as the city director): blocks of several filtered+sorted views at shallow,
 * middle and deep positions with their total count, and quick search for 2/3/4+ character terms.
 * Baselines in the same run: the same block via naive LIMIT/OFFSET + count(*) (knex, no engine), and the
 * raw SQLite floor (the best hand-written query for that block through the plain sqlite3 driver).
 *
 * "cold" figures clear the engine's caches before every sample (a view opened for the first time, or
 * right after a write); "warm" is scrolling a view already open. The targets apply to cold figures.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { Knex } from 'knex';
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/index';
import { fixedClock } from '../../electron/core/clock';
import { hashPassword } from '../../electron/core/accounts/passwords';
import { quietLog } from '../support/tempCore';
import { matchExpression } from '../../electron/core/disputes/searchTokens';
import { DISPUTE_CATEGORIES, OPEN_STATUSES_SQL } from '../../shared/domain/disputeStatus';
import type { QueueView } from '../../shared/contract/disputes/schemas';
import type { BenchResult } from './types';
import { percentile, round as roundTo } from './stats';

const TODAY_ISO = '2021-10-29T09:00:00+08:00';
const PASSWORD = 'bench-password-1';

// ── a seeded generator ──────────────────────────────────────────────────────────────────────────────
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
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

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '志强', '桂英', '国华', '红梅', '海燕', '建华', '小红', '德胜', '春花', '卫东'];
const PLACES = ['资阳', '赫山', '沅江', '南县', '桃江', '安化', '大通湖', '高新', '龙岭', '会龙山', '兰溪', '泉交河', '笔架山', '茈湖口', '草尾', '茶乡', '梅城', '羞山'];
const CATEGORY_TEXT: Record<string, string[]> = {
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

interface World {
  counties: string[];
  townships: Array<{ code: string; county: string; weight: number }>;
  villages: Array<{ code: string; township: string }>;
  grids: Array<{ id: number; village: string }>;
  mediators: Array<{ id: number; org: number }>;
}

async function insertChunked(trx: Knex.Transaction, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.min(400, Math.floor(999 / cols.length)));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const ph = `(${cols.map(() => '?').join(',')})`;
    await trx.raw(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${chunk.map(() => ph).join(',')}`, chunk.flat() as Knex.RawBinding[]);
  }
}

async function buildWorld(db: Knex): Promise<World> {
  const now = new Date(TODAY_ISO).toISOString();
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
    await trx('accounts').insert({ username: 'bench_director', display_name: '主任', role: 'director', division_code: '430900000000', password_hash: await hashPassword(PASSWORD), created_at: now, updated_at: now });
  });
  return w;
}

const STATUS = weighted<string>([['closed', 84], ['followed_up', 3], ['agreed', 2], ['failed', 1], ['declined', 1], ['registered', 1.5], ['accepted', 1], ['assigned', 1.5], ['mediating', 4.5], ['escalated', 0.5]]);
const WARNING = weighted<string>([['none', 80], ['blue', 12], ['yellow', 6], ['red', 2]]);
const CATEGORY = weighted<string>(DISPUTE_CATEGORIES.map((c, i) => [c, [22, 20, 10, 10, 8, 3, 7, 5, 4, 4, 3, 4][i] ?? 1] as const));
const SOURCE = weighted<string>([['walk_in', 35], ['phone', 10], ['hotline_12345', 15], ['grid_patrol', 25], ['wxg_app', 5], ['referral', 5], ['proactive', 5]]);

async function generateCases(db: Knex, w: World, size: number): Promise<void> {
  const townshipPick = weighted(w.townships.map((t) => [t, t.weight] as const));
  const gridsByTownship = new Map<string, World['grids']>();
  for (const g of w.grids) {
    const t = `${g.village.slice(0, 9)}000`;
    gridsByTownship.set(t, [...(gridsByTownship.get(t) ?? []), g]);
  }
  const start = Date.parse('2019-01-01T00:00:00Z');
  const span = Date.parse('2021-10-29T00:00:00Z') - start;
  const caseCols = ['id', 'case_no', 'source', 'category', 'status', 'warning', 'county_code', 'township_code', 'village_code', 'grid_id', 'address', 'summary', 'amount_fen', 'people_involved', 'registered_at', 'accepted_at', 'deadline', 'org_id', 'mediator_id', 'updated_at'];
  const partyCols = ['dispute_id', 'side', 'seq', 'name', 'phone'];
  const CHUNK = 20_000;
  // Bulk load the way a DBA would: drop the secondary indexes, insert in id order, rebuild them (a sort
  // each) — maintaining 16 indexes row by row is what makes naive bulk loads slow.
  const indexes: Array<{ name: string; sql: string }> = await db.raw(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('disputes', 'dispute_parties') AND sql IS NOT NULL`,
  );
  await db.raw('PRAGMA cache_size = -1000000');
  for (const ix of indexes) await db.raw(`DROP INDEX ${ix.name}`);
  await db.transaction(async (trx) => {
    for (let base = 0; base < size; base += CHUNK) {
      const cases: unknown[][] = [];
      const parties: unknown[][] = [];
      for (let i = base; i < Math.min(size, base + CHUNK); i++) {
        const id = i + 1;
        const t = townshipPick();
        const g = pick(gridsByTownship.get(t.code) ?? w.grids);
        const reg = new Date(start + (span * i) / size + rand() * 3_600_000);
        const status = i > size * 0.9 ? STATUS() : rand() < 0.97 ? 'closed' : STATUS();
        const accepted = status === 'registered' || status === 'declined' ? null : new Date(reg.getTime() + 86_400_000);
        const deadline = accepted ? new Date(accepted.getTime() + 30 * 86_400_000).toISOString().slice(0, 10) : null;
        const med = status === 'registered' || status === 'accepted' || status === 'declined' ? null : pick(w.mediators);
        const category = CATEGORY();
        const a = pick([...SURNAMES]) + pick(GIVEN);
        const b = pick([...SURNAMES]) + pick(GIVEN);
        const summary = `${a}与${b}${pick(CATEGORY_TEXT[category] ?? ['纠纷'])}，地点在${pick(PLACES)}${pick(['组', '社区', '村部', '集镇'])}附近`;
        cases.push([id, `${reg.getUTCFullYear()}-${t.code.slice(0, 9)}-${String(id).padStart(7, '0')}`, SOURCE(), category, status, WARNING(), t.county, t.code, g.village, g.id, `${pick(PLACES)}${pick(['路', '街', '组'])}${1 + Math.floor(rand() * 200)}号`, summary, rand() < 0.4 ? Math.floor(rand() * 5e7) : null, 1 + Math.floor(rand() * rand() * 20), reg.toISOString(), accepted?.toISOString() ?? null, deadline, med?.org ?? null, med?.id ?? null, reg.toISOString()]);
        parties.push([id, 'applicant', 1, a, `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`], [id, 'respondent', 1, b, null]);
      }
      await insertChunked(trx, 'disputes', caseCols, cases);
      await insertChunked(trx, 'dispute_parties', partyCols, parties);
    }
  });
  for (const ix of indexes) await db.raw(ix.sql);
}

// ── measuring ───────────────────────────────────────────────────────────────────────────────────────
const round = (x: number) => roundTo(x, 2);

interface QueryOut {
  rows: Array<{ id: number }>;
  total: number;
}

async function call(core: Core, token: string, view: QueueView, startRow: number, size = 100): Promise<QueryOut> {
  const r = await core.invoke('disputes.query', { ...view, startRow, endRow: startRow + size }, { token });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as QueryOut;
}

function rawAll(db: sqlite3.Database, sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows: Array<Record<string, unknown>>) => (e ? reject(e) : resolve(rows))));
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface ViewCase {
  name: string;
  view: QueueView;
  /** The WHERE / ORDER BY a person would hand-write for the raw floor and the naive baseline. */
  where: string;
  order: string;
  keyCol: string;
}

const ROW_SQL = `SELECT d.*, t.name township_name, v.name village_name, g.name grid_name, p.name mediator_name, o.name org_name
  FROM disputes d LEFT JOIN divisions t ON t.code = d.township_code LEFT JOIN divisions v ON v.code = d.village_code
  LEFT JOIN grids g ON g.id = d.grid_id LEFT JOIN people p ON p.id = d.mediator_id LEFT JOIN mediation_orgs o ON o.id = d.org_id`;

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const size = Number(opts.size ?? 1_000_000);
  // QUEUE_BENCH_DIR keeps the generated database between runs (for studying plans); normally a temp dir.
  const keep = process.env.QUEUE_BENCH_DIR;
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'ggc-bench-queue-'));
  const reuse = keep !== undefined && existsSync(path.join(dir, DATABASE_FILE));
  const results: BenchResult[] = [];
  try {
    const core = await createCore({ dataDir: dir, clock: fixedClock(TODAY_ISO), log: quietLog });
    let world: World;
    if (reuse) {
      world = await loadWorld(core.db);
    } else {
      let t0 = performance.now();
      world = await buildWorld(core.db);
      await generateCases(core.db, world, size);
      const genMs = performance.now() - t0;
      t0 = performance.now();
      await core.node.search.refresh(core.db);
      const indexMs = performance.now() - t0;
      t0 = performance.now();
      await core.db.raw('ANALYZE');
      console.log(`generated ${size} cases in ${(genMs / 1000).toFixed(1)} s; search index ${(indexMs / 1000).toFixed(1)} s; ANALYZE ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      results.push({ name: `build: generate ${size} cases + parties`, value: round(genMs / 1000), unit: 's', better: 'lower' });
      results.push({ name: `build: quick-search index over ${size} cases (JS bigram tokens → FTS5)`, value: round(indexMs / 1000), unit: 's', better: 'lower' });
    }

    const login = await core.invoke('session.login', { username: 'bench_director', password: PASSWORD });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.value as { token: string }).token;
    const raw = new sqlite3.Database(path.join(dir, DATABASE_FILE), sqlite3.OPEN_READONLY);

    const bigTownship = world.townships[0]!.code;
    const county = world.counties[1]!;
    const views: ViewCase[] = [
      { name: 'all cases, newest first', view: { filter: {}, sort: { field: 'registered_at', dir: 'desc' } }, where: '1', order: 'd.registered_at DESC, d.id DESC', keyCol: 'registered_at' },
      {
        name: 'open cases of the largest township by deadline',
        view: { filter: { statuses: ['registered', 'accepted', 'assigned', 'mediating', 'escalated'], townshipCode: bigTownship }, sort: { field: 'deadline', dir: 'asc' } },
        where: `d.status IN ${OPEN_STATUSES_SQL} AND d.township_code = '${bigTownship}'`,
        order: 'd.deadline ASC, d.id ASC',
        keyCol: 'deadline',
      },
      {
        name: 'one county, 邻里 + 婚姻家庭, newest first',
        view: { filter: { countyCode: county, categories: ['邻里', '婚姻家庭'] }, sort: { field: 'registered_at', dir: 'desc' } },
        where: `d.county_code = '${county}' AND d.category IN ('邻里', '婚姻家庭')`,
        order: 'd.registered_at DESC, d.id DESC',
        keyCol: 'registered_at',
      },
      {
        name: 'open cases, red warnings first',
        view: { filter: { statuses: ['registered', 'accepted', 'assigned', 'mediating', 'escalated'] }, sort: { field: 'warning', dir: 'desc' } },
        where: `d.status IN ${OPEN_STATUSES_SQL}`,
        order: 'd.warning_rank DESC, d.id DESC',
        keyCol: 'warning_rank',
      },
      { name: 'overdue cases by deadline', view: { filter: { overdue: true }, sort: { field: 'deadline', dir: 'asc' } }, where: `d.status IN ${OPEN_STATUSES_SQL} AND d.deadline < '2021-10-29'`, order: 'd.deadline ASC, d.id ASC', keyCol: 'deadline' },
    ];

    const SAMPLES = 12;
    const allCold: number[] = [];
    for (const v of views) {
      const total = (await call(core, token, v.view, 0)).total;
      const spots = { shallow: () => Math.floor(rand() * Math.min(1000, total)), middle: () => Math.floor(total / 2 + (rand() - 0.5) * total * 0.1), deep: () => Math.max(0, total - 100 - Math.floor(rand() * total * 0.05)) };
      for (const [depth, at] of Object.entries(spots)) {
        const cold: number[] = [];
        const naive: number[] = [];
        const floor: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const pos = at();
          core.node.queue.clear();
          let got: QueryOut | undefined;
          cold.push(await time(async () => (got = await call(core, token, v.view, pos))));
          if (i < 5) {
            naive.push(await time(() => Promise.all([core.db.raw(`${ROW_SQL} WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]), core.db.raw(`SELECT count(*) n FROM disputes d WHERE ${v.where}`)])));
          }
          // Raw floor: the best hand-written query, knowing the key of the row before the block (keyset).
          const firstId = got?.rows[0]?.id;
          const prev = pos > 0 ? await rawAll(raw, `SELECT d.id, d.${v.keyCol} k FROM disputes d WHERE ${v.where} ORDER BY ${v.order} LIMIT 1 OFFSET ?`, [pos - 1]) : [];
          const p = prev[0];
          const desc = v.order.includes('DESC');
          floor.push(
            await time(() =>
              Promise.all([
                p && p.k !== null
                  ? rawAll(raw, `${ROW_SQL} WHERE ${v.where} AND (d.${v.keyCol}, d.id) ${desc ? '<' : '>'} (?, ?) ORDER BY ${v.order} LIMIT 100`, [p.k, p.id])
                  : rawAll(raw, `${ROW_SQL} WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]),
                rawAll(raw, `SELECT count(*) n FROM disputes d WHERE ${v.where}`, []),
              ]),
            ),
          );
          void firstId;
        }
        allCold.push(...cold);
        results.push({
          name: `block p95, ${size} cases, ${v.name} (${total} rows), ${depth}, cold, with total`,
          value: round(percentile(cold, 95)),
          unit: 'ms',
          target: 50,
          better: 'lower',
          baseline: { name: 'naive LIMIT/OFFSET + count(*)', value: round(percentile(naive, 95)) },
          note: `p50 ${round(percentile(cold, 50))} ms; raw SQLite floor (keyset + count, plain sqlite3) p95 ${round(percentile(floor, 95))} ms`,
        });
      }
      // Jumps in a view already open (its total known, its cursor ladder built in the background): what
      // dragging the scrollbar does. Also a correctness check against the naive OFFSET query.
      core.node.queue.clear();
      await call(core, token, v.view, 0);
      await core.node.queue.settled();
      const jumps: number[] = [];
      for (let i = 0; i < 15; i++) {
        const pos = Math.floor(rand() * Math.max(1, total - 100));
        let got: QueryOut | undefined;
        jumps.push(await time(async () => (got = await call(core, token, v.view, pos))));
        if (i < 3) {
          const naiveIds: Array<{ id: number }> = await core.db.raw(`SELECT d.id FROM disputes d WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]);
          if (JSON.stringify(naiveIds.map((r) => r.id)) !== JSON.stringify(got?.rows.map((r) => r.id))) throw new Error(`block at ${pos} of "${v.name}" differs from the naive OFFSET query`);
        }
      }
      results.push({ name: `block p95, ${v.name}, jump to any depth in the open view`, value: round(percentile(jumps, 95)), unit: 'ms', target: 50, better: 'lower', note: `p50 ${round(percentile(jumps, 50))} ms` });
      // Scrolling: successive blocks from a deep start, caches warm.
      const warm: number[] = [];
      let pos = Math.max(0, Math.floor(total * 0.7));
      await call(core, token, v.view, pos);
      for (let i = 0; i < 20 && pos + 100 < total; i++) {
        pos += 100;
        warm.push(await time(() => call(core, token, v.view, pos)));
      }
      if (warm.length) results.push({ name: `block p95, ${v.name}, scrolling (warm)`, value: round(percentile(warm, 95)), unit: 'ms', target: 50, better: 'lower' });
    }
    results.push({ name: `block p95 over every view and depth, cold, ${size} cases`, value: round(percentile(allCold, 95)), unit: 'ms', target: 50, better: 'lower' });

    const terms: Array<[string, string]> = [
      ['2 chars (name)', '刘伟'],
      ['2 chars (term)', '宅基'],
      ['3 chars', '宅基地'],
      ['3 chars (name)', '王建国'],
      ['4 chars', '拖欠工资'],
      ['6 chars', '交通事故赔偿'],
      ['1 char', '邓'],
    ];
    for (const [label, term] of terms) {
      const view: QueueView = { filter: { text: term }, sort: { field: 'registered_at', dir: 'desc' } };
      const cold: number[] = [];
      let total = 0;
      for (let i = 0; i < 10; i++) {
        core.node.queue.clear();
        cold.push(await time(async () => (total = (await call(core, token, view, 0)).total)));
      }
      const like: number[] = [];
      for (let i = 0; i < 2; i++) {
        like.push(
          await time(() =>
            core.db.raw(
              `${ROW_SQL} WHERE d.summary LIKE ? OR d.case_no LIKE ? OR d.address LIKE ? OR d.id IN (SELECT dispute_id FROM dispute_parties WHERE name LIKE ?) ORDER BY d.registered_at DESC LIMIT 100`,
              Array(4).fill(`%${term}%`),
            ),
          ),
        );
      }
      const floor: number[] = [];
      const match = matchExpression(term)!;
      for (let i = 0; i < 10; i++) {
        floor.push(await time(() => Promise.all([rawAll(raw, 'SELECT rowid FROM dispute_search WHERE dispute_search MATCH ? ORDER BY rowid DESC LIMIT 100', [match]), rawAll(raw, 'SELECT count(*) n FROM dispute_search WHERE dispute_search MATCH ?', [match])])));
      }
      results.push({
        name: `quick search p95, ${size} cases, ${label} "${term}" (${total} hits), first block with total`,
        value: round(percentile(cold, 95)),
        unit: 'ms',
        ...(label === '1 char' ? {} : { target: 100 }),
        better: 'lower',
        baseline: { name: "naive LIKE '%…%' over summary, case no., address and party names", value: round(percentile(like, 50)) },
        note: `p50 ${round(percentile(cold, 50))} ms; raw FTS5 floor (ids by rowid + count) p95 ${round(percentile(floor, 95))} ms`,
      });
    }
    await new Promise<void>((r) => raw.close(() => r()));
    await core.close();
    // This machine is shared: other work inflates the tails. Say how busy it was while we measured.
    results.push({ name: 'machine load average (1 min) at the end of the measurements', value: round(loadavg()[0] ?? 0), unit: 'runnable tasks', better: 'lower', note: `${cpus().length} CPUs` });
    return results;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** The world of a kept database (QUEUE_BENCH_DIR), read back instead of rebuilt. */
async function loadWorld(db: Knex): Promise<World> {
  const counties: Array<{ code: string }> = await db('divisions').where({ level: 'county' }).orderBy('code').select('code');
  const townships: Array<{ code: string; parent_code: string }> = await db('divisions').where({ level: 'township' }).orderBy('code').select('code', 'parent_code');
  return { counties: counties.map((c) => c.code), townships: townships.map((t, i) => ({ code: t.code, county: t.parent_code, weight: i < 6 ? 6 : 1 })), villages: [], grids: [], mediators: [] };
}
