import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { codePrefix, isWithin } from '../../../shared/domain/divisionCodes';
import type { HandlerContext } from '../context';

/**
 * The part of the map an account may see: its own division and everything inside it, whatever the UI
 * asks for (as divisions.tree). Returns the code and its LIKE prefix.
 */
export function divisionScope(ctx: HandlerContext, requested: string | undefined): { root: string; prefix: string; like: string } {
  const own = ctx.account.divisionCode;
  const root = requested ?? own;
  if (!isWithin(root, own) && !isWithin(own, root)) throw new CoreError('FORBIDDEN', '只能查看本辖区及下级区划');
  // Asking for a division above one's own narrows to one's own.
  const effective = isWithin(root, own) ? root : own;
  const prefix = codePrefix(effective);
  return { root: effective, prefix, like: `${prefix}%` };
}

/** Escape a user's text for LIKE … ESCAPE '\'. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface DataVersions {
  grids: number;
  divisions: number;
  service_points: number;
}

/** Bumped by triggers on every write to these tables (migration 0003), whoever wrote. */
export async function dataVersions(db: Knex): Promise<DataVersions> {
  const rows: Array<{ name: string; version: number }> = await db('map_data_versions').select('name', 'version');
  const v: DataVersions = { grids: 0, divisions: 0, service_points: 0 };
  for (const r of rows) if (r.name in v) v[r.name as keyof DataVersions] = Number(r.version);
  return v;
}
