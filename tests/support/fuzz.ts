import fc from 'fast-check';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { ERROR_CODES } from '../../shared/contract/errors';
import { ID_A } from './disputeWorld';

/**
 * Random and malformed input for every handler (issue 10, item 8), shaped by the handler's own zod schema
 * so that a good share gets past the parser and reaches the handler: each object gets its own keys (some
 * left out, one unknown sometimes), each leaf a value from a pool of plausible, hostile and wrong-typed
 * ones, and any node may be replaced by junk of another type. Values reach `invoke` as JavaScript values,
 * as over IPC (structured clone carries BigInt, Date, NaN, which JSON would not).
 */

/** How many cases per handler: 200 in CI, more from the command line (`FUZZ_RUNS=2000 npx vitest run …`). */
export const FUZZ_RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 200) || 200);
/** Reproduce a run: `FUZZ_SEED=… npx vitest run …` (the seed is printed when a property fails). */
export const FUZZ_SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

export const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES.filter((c) => c !== 'INTERNAL'));

const STRINGS = [
  '', ' ', 'a', '刘伟', '张强', '欧阳娜娜', '东村三组', '999900000000', '999901000000', '999901001000', '999901001201', '999901001201001', '430902',
  '2021-10-28', '2021-02-30', '2021-10-28T09:00:00+08:00', '2099-01-01T00:00:00Z', '0000-00-00', 'registered', 'mediating', '邻里', '宅基地/房屋',
  'walk_in', 'hotline_12345', 'admin', 'leader', 'legal_point', 'village', 'accept', 'assign', 'wgs84', ID_A, '13807371234', '0737-4221234',
  "' OR 1=1 --", '"; DROP TABLE disputes; --', '"', '*', 'NEAR(a b)', 'a AND OR NOT', '%', '_', '\\', '../../../../etc/passwd', '/dev/zero', 'C:\\Windows\\win.ini',
  '\u0000', '张\u202e三', '\r', '\n\n', '\t', '😀', '\ud800', 'x'.repeat(70), 'y'.repeat(5000), 'AAAA', '====', '<script>alert(1)</script>', '__proto__', 'constructor',
  'a.xlsx', 'b.csv', 'c.mbtiles', 'd.shp', 'NaN', '-1', '1e309',
];
const NUMBERS = [0, -0, 1, 2, 3, 5, 10, 100, 500, 501, -1, 0.5, 112.005, 28.005, 112.5, 200, -91, 2 ** 31, 2 ** 53, 1e308, -1e308, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE];

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, 0, '', Number.NaN, new Date(0), new Date(Number.NaN), 10n ** 30n, JSON.parse('{"__proto__": {"polluted": 1}}')),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxKeys: 3 }),
);

const str: fc.Arbitrary<unknown> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 2, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) });
const num: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 2, arbitrary: fc.integer({ min: -5, max: 50 }) }, { weight: 1, arbitrary: fc.double() });

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  in?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A value shaped like the schema, perturbed: the building block of `inputFor`. */
export function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return junk;
  const d = defOf(schema);
  const inner = (s: z.ZodType) => shaped(s, depth + 1);
  let arb: fc.Arbitrary<unknown>;
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)])), { requiredKeys: [] });
      arb = fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: fc.tuple(record, fc.string({ maxLength: 8 }), junk).map(([r, k, v]) => ({ ...(r as object), [k]: v })) });
      break;
    }
    case 'array':
      arb = fc.array(inner(d.element!), { maxLength: depth === 0 ? 4 : 3 });
      break;
    case 'tuple':
      arb = fc.tuple(...(d.items ?? []).map(inner));
      break;
    case 'record':
      arb = fc.dictionary(fc.string({ maxLength: 10 }), inner(d.valueType!), { maxKeys: 3 });
      break;
    case 'string':
      arb = str;
      break;
    case 'number':
    case 'int':
      arb = num;
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'enum':
      arb = fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
      break;
    case 'literal':
      arb = fc.constantFrom(...(d.values ?? [null]));
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      arb = fc.oneof({ weight: 4, arbitrary: inner(d.innerType!) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });
      break;
    case 'union':
      arb = fc.oneof(...(d.options ?? []).map(inner));
      break;
    case 'pipe':
      arb = inner(d.in!);
      break;
    case 'lazy':
      arb = d.getter ? inner(d.getter()) : junk;
      break;
    default:
      arb = junk;
  }
  // Any node may be of the wrong type altogether.
  return fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: junk });
}

/** The input for one call: shaped by the schema most of the time, anything at all sometimes. */
export function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 7, arbitrary: shaped(schema) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
}

/** Tables derived from others (the search index), rebuilt by the node on its own: not "changes" by a call. */
const DERIVED = /^dispute_search/;

/**
 * What "changes nothing" compares: the audit head and every table's row count, in one statement. Row
 * counts miss an update in place; an update through the door leaves an audit entry, so the head catches it.
 */
export async function stateQuery(db: Knex): Promise<() => Promise<string>> {
  const tables: Array<{ name: string }> = await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').orderBy('name').select('name');
  const counted = tables.map((t) => t.name).filter((n) => !DERIVED.test(n) && /^\w+$/.test(n));
  const sql = `SELECT (SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS head, ${counted.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(', ')}`;
  return async () => JSON.stringify((await db.raw(sql))[0]);
}
