import type { Knex } from 'knex';

/**
 * Rollups of the 成绩单 (issue 11: the city over a year in ≤ 1 s at a million cases). Each table is a sum of
 * per-case contributions, kept by triggers on `disputes` in the same transaction as the write (insert adds
 * the row's contribution, delete subtracts it, an update of any column a figure reads does both), and
 * backfilled here from the rows already stored. So whatever writes a case (a handler, an import, sync, the
 * demo, plain SQL) the rollups stay equal to a recount; stats.test.ts checks that after random writes.
 *
 * - stats_cases_monthly: registration month (China time) × county × township × category × source × where a
 *   failed case was referred: the counts, warnings by colour and how they ended, satisfaction;
 * - stats_counties_monthly: the same by county only (what a city or province reads);
 * - stats_villages_monthly: registration month × township × village, the counts (a township's villages);
 * - stats_mediators: per mediator × county, by registration year ('2021'), quarter ('2021-Q3') AND month
 *   ('2021-07'), so a range reads whole years and quarters as one row per mediator; stats_mediators_node
 *   the same without the county (the whole node's figures);
 * - stats_concluded_monthly: conclusion month × county × township: concluded with a deadline, and on time.
 *
 * Figures that depend on "now" (open today, overdue, due soon) stay indexed queries (the queue's index).
 * The SQL is written out here, not imported, so this migration never changes after it ships.
 */

const OPEN = `('registered', 'accepted', 'assigned', 'mediating', 'escalated')`;
// Period keys in China time. A date SQLite cannot read gives '' (the write still succeeds; no range reads it).
const MONTH = (x: string) => `ifnull(substr(datetime(${x}.registered_at, '+8 hours'), 1, 7), '')`;
const YEAR = (x: string) => `ifnull(substr(datetime(${x}.registered_at, '+8 hours'), 1, 4), '')`;
/** '2021-Q3' */
const QUARTER = (x: string) => `ifnull(substr(datetime(${x}.registered_at, '+8 hours'), 1, 4) || '-Q' || ((CAST(substr(datetime(${x}.registered_at, '+8 hours'), 6, 2) AS INTEGER) + 2) / 3), '')`;
const flag = (sql: string) => `ifnull((${sql}), 0)`;

const CASE_COUNTS = (x: string): Array<[string, string]> => [
  ['registered', '1'],
  ['handled', flag(`${x}.outcome IS NOT NULL`)],
  ['successful', flag(`${x}.outcome = 'agreement'`)],
  ['failed', flag(`${x}.outcome = 'failed'`)],
  ['open', flag(`${x}.status IN ${OPEN}`)],
  ['blue', flag(`${x}.warning = 'blue'`)],
  ['yellow', flag(`${x}.warning = 'yellow'`)],
  ['red', flag(`${x}.warning = 'red'`)],
];

const WARNING_ENDS = (x: string): Array<[string, string]> =>
  (['blue', 'yellow', 'red'] as const).flatMap((c): Array<[string, string]> => [
    [`${c}_agreement`, flag(`${x}.warning = '${c}' AND ${x}.outcome = 'agreement'`)],
    [`${c}_failed`, flag(`${x}.warning = '${c}' AND ${x}.outcome = 'failed'`)],
    [`${c}_open`, flag(`${x}.warning = '${c}' AND ${x}.status IN ${OPEN}`)],
  ]);

const SATISFACTION = (x: string): Array<[string, string]> => [
  ['sat_visited', flag(`${x}.satisfaction IS NOT NULL`)],
  ['sat_satisfied', flag(`${x}.satisfaction >= 3`)],
  ['sat_basic', flag(`${x}.satisfaction = 2`)],
  ['sat_dissatisfied', flag(`${x}.satisfaction < 2`)],
];

/** One rollup: its key columns and values, counted columns and values, for the row alias x. */
export interface RollupSpec {
  table: string;
  keys: (x: string) => Array<[string, string]>;
  counts: (x: string) => Array<[string, string]>;
  /** The rows a case contributes to (SQL over x). */
  when: (x: string) => string;
  /** The count that is 0 exactly when a key has no case left (its row is then removed). */
  presence: string;
}

export const ROLLUPS: RollupSpec[] = [
  {
    table: 'stats_cases_monthly',
    keys: (x) => [
      ['month', MONTH(x)],
      ['county_code', `${x}.county_code`],
      ['township_code', `${x}.township_code`],
      ['category', `${x}.category`],
      ['source', `${x}.source`],
      ['ref', `CASE WHEN ${x}.outcome = 'failed' THEN ifnull(${x}.referral, 'unknown') ELSE '' END`],
    ],
    counts: (x) => [...CASE_COUNTS(x), ...WARNING_ENDS(x), ...SATISFACTION(x)],
    when: () => '1',
    presence: 'registered',
  },
  {
    // The same without the township: a city's year is a few thousand rows here instead of ~70,000.
    table: 'stats_counties_monthly',
    keys: (x) => [
      ['month', MONTH(x)],
      ['county_code', `${x}.county_code`],
      ['category', `${x}.category`],
      ['source', `${x}.source`],
      ['ref', `CASE WHEN ${x}.outcome = 'failed' THEN ifnull(${x}.referral, 'unknown') ELSE '' END`],
    ],
    counts: (x) => [...CASE_COUNTS(x), ...WARNING_ENDS(x), ...SATISFACTION(x)],
    when: () => '1',
    presence: 'registered',
  },
  {
    table: 'stats_villages_monthly',
    keys: (x) => [
      ['month', MONTH(x)],
      ['township_code', `${x}.township_code`],
      ['village_code', `ifnull(${x}.village_code, '')`],
    ],
    counts: CASE_COUNTS,
    when: () => '1',
    presence: 'registered',
  },
  ...[YEAR, QUARTER, MONTH].flatMap((period): RollupSpec[] => [
    {
      table: 'stats_mediators',
      keys: (x) => [
        ['period', period(x)],
        ['county_code', `${x}.county_code`],
        ['mediator_id', `${x}.mediator_id`],
      ],
      counts: CASE_COUNTS,
      when: (x) => `${x}.mediator_id IS NOT NULL`,
      presence: 'registered',
    },
    {
      // The same for the whole node (a city node's own 成绩单): one row per mediator and period.
      table: 'stats_mediators_node',
      keys: (x) => [
        ['period', period(x)],
        ['mediator_id', `${x}.mediator_id`],
      ],
      counts: CASE_COUNTS,
      when: (x) => `${x}.mediator_id IS NOT NULL`,
      presence: 'registered',
    },
  ]),
  {
    table: 'stats_concluded_monthly',
    keys: (x) => [
      ['month', `ifnull(substr(datetime(${x}.concluded_at, '+8 hours'), 1, 7), '')`],
      ['county_code', `${x}.county_code`],
      ['township_code', `${x}.township_code`],
    ],
    counts: (x) => [
      ['concluded', '1'],
      ['on_time', flag(`date(${x}.concluded_at, '+8 hours') <= ${x}.deadline`)],
    ],
    when: (x) => `${x}.concluded_at IS NOT NULL AND ${x}.deadline IS NOT NULL`,
    presence: 'concluded',
  },
];

/** The columns of disputes any rollup reads: an update of one of them moves the case's contribution. */
const WATCHED = [
  'registered_at', 'county_code', 'township_code', 'village_code', 'category', 'source', 'outcome', 'referral',
  'warning', 'status', 'satisfaction', 'mediator_id', 'concluded_at', 'deadline',
];

/** The rows as they should be: a recount of the cases (the backfill, and the tests' reference). */
export function recountSql(spec: RollupSpec): string {
  const keys = spec.keys('d');
  const counts = spec.counts('d');
  return `SELECT ${keys.map(([k, v]) => `${v} AS ${k}`).join(', ')}, ${counts.map(([k, v]) => `sum(${v}) AS ${k}`).join(', ')}
    FROM disputes d WHERE ${spec.when('d')} GROUP BY ${keys.map(([k]) => k).join(', ')}`;
}

/** Add (sign 1) or remove (sign -1) the contribution of the case row x. */
function applySql(spec: RollupSpec, x: 'NEW' | 'OLD', sign: 1 | -1): string {
  const keys = spec.keys(x);
  const counts = spec.counts(x);
  const cols = [...keys, ...counts].map(([k]) => k).join(', ');
  const values = [...keys.map(([, v]) => v), ...counts.map(([, v]) => (sign === 1 ? `(${v})` : `-(${v})`))].join(', ');
  return `INSERT INTO ${spec.table} (${cols}) SELECT ${values} WHERE ${spec.when(x)}
    ON CONFLICT (${keys.map(([k]) => k).join(', ')}) DO UPDATE SET ${counts.map(([k]) => `${k} = ${k} + excluded.${k}`).join(', ')};`;
}

function pruneSql(spec: RollupSpec, x: 'OLD'): string {
  return `DELETE FROM ${spec.table} WHERE ${spec.keys(x).map(([k, v]) => `${k} = ${v}`).join(' AND ')} AND ${spec.presence} = 0;`;
}

export async function up(knex: Knex): Promise<void> {
  const tables = new Map<string, RollupSpec>();
  for (const spec of ROLLUPS) if (!tables.has(spec.table)) tables.set(spec.table, spec);
  for (const spec of tables.values()) {
    const keys = spec.keys('d').map(([k]) => k);
    const cols = [...keys.map((k) => `${k} ${k.endsWith('_id') ? 'INTEGER' : 'TEXT'} NOT NULL`), ...spec.counts('d').map(([k]) => `${k} INTEGER NOT NULL DEFAULT 0`)];
    await knex.raw(`CREATE TABLE ${spec.table} (${cols.join(', ')}, PRIMARY KEY (${keys.join(', ')})) WITHOUT ROWID`);
  }
  for (const spec of ROLLUPS) {
    const keys = spec.keys('d');
    const counts = spec.counts('d');
    await knex.raw(`INSERT INTO ${spec.table} (${[...keys, ...counts].map(([k]) => k).join(', ')}) ${recountSql(spec)}`);
  }
  await knex.raw(`CREATE INDEX stats_villages_township ON stats_villages_monthly (township_code, month)`);
  await knex.raw(`CREATE TRIGGER disputes_rollups_insert AFTER INSERT ON disputes BEGIN
    ${ROLLUPS.map((s) => applySql(s, 'NEW', 1)).join('\n    ')}
  END`);
  await knex.raw(`CREATE TRIGGER disputes_rollups_delete AFTER DELETE ON disputes BEGIN
    ${ROLLUPS.map((s) => `${applySql(s, 'OLD', -1)}\n    ${pruneSql(s, 'OLD')}`).join('\n    ')}
  END`);
  // Only when a value a rollup reads really changed (an update that rewrites a row as it was costs nothing).
  await knex.raw(`CREATE TRIGGER disputes_rollups_update AFTER UPDATE OF ${WATCHED.join(', ')} ON disputes
    WHEN ${WATCHED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN
    ${ROLLUPS.map((s) => `${applySql(s, 'OLD', -1)}\n    ${applySql(s, 'NEW', 1)}\n    ${pruneSql(s, 'OLD')}`).join('\n    ')}
  END`);
}
