import type { Account } from '../../../shared/contract/session';
import { CoreError } from '../../../shared/contract/errors';
import { codePrefix, levelOfCode } from '../../../shared/domain/divisionCodes';

/**
 * Who covers which divisions: an account covers its own division and everything inside it, and nothing
 * else — whatever the UI asks for. Every domain asks here (the division tree, the map, the directory,
 * grid cards, mediators, imports, the cases' scope in ./cases.ts), so the rule has one home.
 */

/** A part of the division tree: its root code and the LIKE pattern of every code inside it. */
export interface Area {
  root: string;
  prefix: string;
  like: string;
}

/** The division columns every case carries (county and township always, the village when known). */
export interface CaseDivisions {
  county_code: string;
  township_code: string;
  village_code: string | null;
}

export interface AreaOptions {
  /**
   * A division above one's own: 'narrow' answers with one's own (the map opened at the city by a county
   * account shows the county), 'refuse' is FORBIDDEN (the division tree). A division beside one's own is
   * always FORBIDDEN.
   */
  above?: 'narrow' | 'refuse';
  message?: string;
  field?: string;
}

export class Jurisdiction {
  readonly prefix: string;

  constructor(readonly code: string) {
    this.prefix = codePrefix(code);
  }

  /** Is this division (or grid) code inside the jurisdiction? */
  covers(code: string): boolean {
    return code.startsWith(this.prefix);
  }

  /** The area under `requested` (default: one's own) that this jurisdiction may see. */
  area(requested: string | undefined, opts: AreaOptions = {}): Area {
    const root = requested ?? this.code;
    if (this.covers(root)) return areaOf(root);
    const above = new Jurisdiction(root).covers(this.code);
    if (above && opts.above === 'narrow') return areaOf(this.code);
    throw new CoreError('FORBIDDEN', opts.message ?? '只能查看本辖区及下级区划', opts.field ? { field: opts.field } : undefined);
  }

  /** Does a case lie inside the jurisdiction (by any of its division columns)? */
  coversCase(c: CaseDivisions): boolean {
    return [c.county_code, c.township_code, c.village_code ?? ''].some((x) => this.covers(x));
  }

  /**
   * The same rule as SQL over cases (alias `d`), on the column that has an index for the level. Codes
   * are validated 12-digit strings, inlined as literals so the planner may use partial indexes.
   */
  caseSql(): string {
    const code = this.code;
    if (!/^\d{12}$/.test(code)) throw new Error(`bad division code in account: ${code}`);
    switch (levelOfCode(code)) {
      case 'village':
        return `d.village_code = '${code}'`;
      case 'township':
        return `d.township_code = '${code}'`;
      case 'county':
        return `d.county_code = '${code}'`;
      default:
        // City or province: a range on county_code (every county code starts with the prefix).
        return `d.county_code BETWEEN '${this.prefix.padEnd(12, '0')}' AND '${this.prefix.padEnd(12, '9')}'`;
    }
  }
}

function areaOf(code: string): Area {
  const prefix = codePrefix(code);
  return { root: code, prefix, like: `${prefix}%` };
}

export function jurisdictionOf(account: Pick<Account, 'divisionCode'>): Jurisdiction {
  return new Jurisdiction(account.divisionCode);
}
