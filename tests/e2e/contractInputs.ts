import { z } from 'zod';
import { contract, type HandlerName } from '../../shared/contract/index';

/**
 * A minimal input that passes a handler's own schema, so that a call reaches the role check (the door
 * validates input first: an invalid input would be refused as INVALID_INPUT and prove nothing about roles).
 * Generated from the schema (zod → JSON Schema); the few cross-field rules a schema cannot express are
 * supplied below. A new handler whose rules defeat the generator makes the caller's check fail by name.
 */
interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

/** Strings tried in order against a pattern: a division code, a date, a time, plain text, a user name. */
const STRINGS = ['430900000000', '2021-10-29', '2021-10-29T09:00:00+08:00', '测试', 'abc', 'a'];

/** Cross-field rules (refinements) the JSON Schema does not carry, merged over the generated input. */
const REFINED: Partial<Record<HandlerName, Record<string, unknown>>> = {
  'disputes.intake': { gridId: 1 },
  'disputes.query': { startRow: 0, endRow: 1 },
  'disputes.import': { fileName: 'cases.csv' },
  'basemap.addMbtiles': { path: 'tiles.mbtiles' },
  'boundaries.import': { geojson: '{"type":"FeatureCollection","features":[]}' },
  // The password rules (shared/domain/passwordRules.ts) are a refinement: letters and digits, 8 or more.
  'accounts.create': { password: 'Sample-2026' },
  'session.setPolicy': { sessionHours: 12, idleLockMinutes: 15 },
  'setup.complete': { admin: { username: 'abc', displayName: '测试', password: 'Sample-2026' } },
  'sync.connect': { hubUrl: 'http://127.0.0.1:5460' },
};

function sample(s: JsonSchema, root: JsonSchema): unknown {
  if (s.$ref) return sample(root.$defs?.[s.$ref.replace('#/$defs/', '')] ?? {}, root);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0] ?? {}, root);
  if (s.oneOf) return sample(s.oneOf[0] ?? {}, root);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => sample(x, root)));
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {}, root)]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, root));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'date') return '2021-10-29';
      if (s.format === 'date-time') return '2021-10-29T01:00:00.000Z';
      const pattern = s.pattern ? new RegExp(s.pattern) : null;
      const text = (pattern ? STRINGS.find((c) => pattern.test(c)) : STRINGS[3]) ?? 'a';
      return text.padEnd(s.minLength ?? 0, '测');
    }
    default:
      return {};
  }
}

/** A valid input for `name`, or the schema's complaint about the generated one. */
export function validInput(name: HandlerName): { ok: true; input: unknown } | { ok: false; problem: string } {
  const schema = contract[name].input;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const generated = sample(json, json);
  const input = REFINED[name] && typeof generated === 'object' ? { ...generated, ...REFINED[name] } : generated;
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, problem: `${JSON.stringify(input)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
}
