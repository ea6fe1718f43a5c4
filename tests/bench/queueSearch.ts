/**
 * Quick search on the aged ledger: the first block with its total, cold, as the director and as a
 * mediator (whose scope is their own cases). Terms: no hits; three terms chosen from the data around the
 * planner's switch point (where the engine stops walking the sort index and fetches and sorts the hits
 * instead: `searchWalkSteps` index steps expected for 100 rows); terms clustered in one month (the walk
 * expects hits spread evenly and meets none for months); common terms; search combined with filters.
 *
 * Baselines, timed alone: the raw floor (the obvious hand-written FTS query on the plain driver with the
 * app's settings) and, for some terms, naive LIKE '%…%' over summary, case no., address and party names.
 */
import type sqlite3 from 'sqlite3';
import type { Core } from '../../electron/core/index';
import type { QueueView } from '../../shared/contract/disputes/schemas';
import { OPEN_STATUSES_SQL } from '../../shared/domain/disputeStatus';
import type { BenchResult } from './types';
import { p95, percentile, round as roundTo, time } from './stats';
import { coldQueue, hashPassword, matchExpression, queueThresholds } from './coreInternals';
import { BENCH_PASSWORD, CATEGORY_TEXT, CLUSTERED_TERMS, GIVEN, PLACES, SURNAMES } from './queueLedger';
import { callerFor, rawAll, ROW_SQL, type QueueCaller } from './queueCalls';

const round = (x: number) => roundTo(x, 2);
const SAMPLES = 50;
const LIKE_SAMPLES = 3;
/** A quick-search answer the clerk waits for (issue 3). */
const SEARCH_TARGET_MS = 100;
const OPEN = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'] as const;

interface SearchCase {
  label: string;
  term: string;
  view: QueueView;
  /** Extra SQL condition matching the view's filters, for the raw floor. */
  where: string;
  order: string;
  like?: boolean;
  target?: boolean;
}

/** Hits of a term in the FTS index (the engine's own count). */
async function hitsOf(raw: sqlite3.Database, term: string): Promise<number> {
  const match = matchExpression(term);
  if (!match) return 0;
  return Number((await rawAll(raw, 'SELECT count(*) AS n FROM dispute_search WHERE dispute_search MATCH ?', [match]))[0]?.n ?? 0);
}

/** Terms whose hit counts lie nearest to ½×, 1× and 2× the switch point. */
async function switchTerms(raw: sqlite3.Database, switchHits: number): Promise<Array<{ term: string; hits: number; factor: number }>> {
  const candidates = new Set<string>();
  for (const s of SURNAMES.slice(0, 40)) for (const g of GIVEN.slice(0, 12)) candidates.add(s + g);
  for (const p of PLACES) candidates.add(p);
  for (const texts of Object.values(CATEGORY_TEXT)) for (const t of texts) for (const chunk of t.match(/[\u4e00-\u9fa5]{2,}/g) ?? []) for (let i = 0; i + 2 <= chunk.length; i += 2) candidates.add(chunk.slice(i, i + 2));
  // Township codes as typed into the box (the middle of every case number there): a few thousand hits
  // each at a million cases, where names (hundreds) and matters (tens of thousands) leave a gap.
  for (const row of await rawAll(raw, "SELECT code FROM divisions WHERE level = 'township'", [])) candidates.add(String(row.code).slice(0, 9));
  const counted: Array<{ term: string; hits: number }> = [];
  for (const term of candidates) counted.push({ term, hits: await hitsOf(raw, term) });
  const taken = new Set<string>();
  return [1, 0.5, 2].map((factor) => {
    const distance = (c: { hits: number }) => Math.abs(Math.log(c.hits / (factor * switchHits)));
    const best = counted.filter((c) => c.hits > 0 && !taken.has(c.term)).sort((a, b) => distance(a) - distance(b))[0];
    if (!best) throw new Error('no search term with hits in the ledger');
    taken.add(best.term);
    return { ...best, factor };
  });
}

/** A mediator with the most cases, given an account, and a party name from one of their cases. */
async function mediatorAccount(core: Core): Promise<{ call: QueueCaller; personId: number; ownName: string }> {
  const top: Array<{ mediator_id: number; n: number }> = await core.db.raw('SELECT mediator_id, count(*) AS n FROM disputes WHERE mediator_id IS NOT NULL GROUP BY mediator_id ORDER BY n DESC LIMIT 1');
  const personId = top[0]!.mediator_id;
  const now = new Date().toISOString();
  await core.db('accounts').insert({ username: 'bench_mediator', display_name: '调解员', role: 'mediator', division_code: '430900000000', person_id: personId, password_hash: await hashPassword(BENCH_PASSWORD), created_at: now, updated_at: now });
  const party: Array<{ name: string }> = await core.db.raw('SELECT p.name FROM dispute_parties p JOIN disputes d ON d.id = p.dispute_id WHERE d.mediator_id = ? ORDER BY d.registered_at DESC LIMIT 1', [personId]);
  return { call: await callerFor(core, 'bench_mediator'), personId, ownName: party[0]!.name };
}

export async function measureSearch(core: Core, raw: sqlite3.Database, size: number): Promise<BenchResult[]> {
  const maxId = Number((await rawAll(raw, 'SELECT max(id) AS m FROM disputes', []))[0]?.m ?? 0);
  const switchHits = Math.round((100 * maxId) / queueThresholds(core).searchWalkSteps);
  const around = await switchTerms(raw, switchHits);
  const mediator = await mediatorAccount(core);
  const director = await callerFor(core, 'bench_director');
  const county = '430902000000';
  const newest = { field: 'registered_at', dir: 'desc' } as const;
  const plain = (label: string, term: string, extra: Partial<SearchCase> = {}): SearchCase => ({ label, term, view: { filter: { text: term }, sort: newest }, where: '1', order: 'd.registered_at DESC, d.id DESC', target: true, ...extra });

  const directorCases: SearchCase[] = [
    plain('no hits (characters in no case)', '龘靐', { like: true }),
    plain('no hits (a plausible name)', '诸葛亮'),
    ...around.map((a) => plain(`${a.factor}× the planner's switch point (${switchHits} hits expected)`, a.term, a.factor === 1 ? { like: true } : {})),
    ...CLUSTERED_TERMS.map((c) => plain(`clustered in ${c.month}`, c.term, c.month === '2020-07' ? { like: true } : {})),
    plain('common 2-character term', '宅基', { like: true }),
    plain('2-character name', '刘伟'),
    plain('1 character (prefix query)', '邓', { target: false }),
    {
      label: 'with filters: one county, open cases, by deadline',
      term: '宅基',
      view: { filter: { text: '宅基', countyCode: county, statuses: [...OPEN] }, sort: { field: 'deadline', dir: 'asc' } },
      where: `d.county_code = '${county}' AND d.status IN ${OPEN_STATUSES_SQL}`,
      order: 'd.deadline ASC, d.id ASC',
      target: true,
    },
    {
      label: `with filters: one county, clustered in ${CLUSTERED_TERMS[0].month}`,
      term: CLUSTERED_TERMS[0].term,
      view: { filter: { text: CLUSTERED_TERMS[0].term, countyCode: county }, sort: newest },
      where: `d.county_code = '${county}'`,
      order: 'd.registered_at DESC, d.id DESC',
      target: true,
    },
    {
      label: 'with filters: source 12345 hotline, switch-point term',
      term: around[0]!.term,
      view: { filter: { text: around[0]!.term, sources: ['hotline_12345'] }, sort: newest },
      where: `d.source = 'hotline_12345'`,
      order: 'd.registered_at DESC, d.id DESC',
      target: true,
    },
  ];
  const mediatorScope = `d.mediator_id = ${mediator.personId}`;
  const mediatorCases: SearchCase[] = [
    { ...plain('as a mediator: a party name from their own cases', mediator.ownName), where: mediatorScope },
    { ...plain('as a mediator: common 2-character term', '宅基'), where: mediatorScope },
    { ...plain('as a mediator: no hits', '龘靐'), where: mediatorScope },
  ];

  const results: BenchResult[] = [];
  for (const [call, who, cases] of [[director, 'director', directorCases], [mediator.call, 'mediator', mediatorCases]] as const) {
    for (const c of cases) results.push(await measureOne(core, raw, call, c, `${size} cases, as the ${who}`));
  }
  return results;
}

async function measureOne(core: Core, raw: sqlite3.Database, call: QueueCaller, c: SearchCase, who: string): Promise<BenchResult> {
  const cold: number[] = [];
  let total = 0;
  for (let i = 0; i < SAMPLES; i++) {
    await coldQueue(core);
    cold.push(await time(async () => (total = (await call(c.view, 0)).total)));
  }
  await coldQueue(core);
  const match = matchExpression(c.term) ?? '""';
  const floor: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    floor.push(
      await time(async () => {
        await rawAll(raw, `${ROW_SQL} WHERE ${c.where} AND d.id IN (SELECT rowid FROM dispute_search WHERE dispute_search MATCH ?) ORDER BY ${c.order} LIMIT 100`, [match]);
        await rawAll(raw, `SELECT count(*) AS n FROM disputes d WHERE ${c.where} AND d.id IN (SELECT rowid FROM dispute_search WHERE dispute_search MATCH ?)`, [match]);
      }),
    );
  }
  const like: number[] = [];
  for (let i = 0; c.like && i < LIKE_SAMPLES; i++) {
    like.push(
      await time(() =>
        core.db.raw(
          `${ROW_SQL} WHERE ${c.where} AND (d.summary LIKE ? OR d.case_no LIKE ? OR d.address LIKE ? OR d.id IN (SELECT dispute_id FROM dispute_parties WHERE name LIKE ?)) ORDER BY ${c.order} LIMIT 100`,
          Array(4).fill(`%${c.term}%`),
        ),
      ),
    );
  }
  return {
    name: `quick search p95, ${who}, ${c.label}: "${c.term}" (${total} hits), first block with total, cold`,
    value: round(p95(cold)),
    unit: 'ms',
    samples: cold.length,
    ...(c.target ? { target: SEARCH_TARGET_MS } : {}),
    better: 'lower',
    ...(like.length ? { baseline: { name: "naive LIKE '%…%' over summary, case no., address and party names (first block, no total), median", value: round(percentile(like, 50)), samples: like.length } } : {}),
    note: `p50 ${round(percentile(cold, 50))} ms; raw floor (hand-written FTS + count, plain sqlite3, app's settings) p95 ${round(p95(floor))} ms over ${floor.length}`,
  };
}
