import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import type { DomainImpls } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';

type Row = { person_id: number; name: string; org_id: number | null; org_name: string | null; org_type: string | null; division_code: string; open_cases: number };

/** LIKE with the user's text taken literally (% and _ are letters here, not wildcards). */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const mediatorImpls = {
  /**
   * For dispatch: who can take a case here, and how busy each is (open cases), least loaded first.
   * A search runs over every mediator of the area (name or committee), so the busiest one is found too;
   * `include` brings back the picker's current value even when it is not on the page.
   */
  'disputes.mediators': async ({ divisionCode, search, include, limit }, ctx) => {
    const { prefix } = jurisdictionOf(ctx.account).area(divisionCode, { above: 'refuse', message: '只能查看本辖区的调解员', field: 'divisionCode' });
    const where = [
      `p.kind = 'mediator' AND p.active = 1`,
      `(coalesce(o.division_code, p.division_code) LIKE ? OR (o.type = 'industry' AND o.county_code LIKE ?))`,
    ];
    const params: Array<string | number> = [`${prefix}%`, `${prefix.slice(0, 6)}%`];
    const text = search?.trim();
    if (text) {
      where.push(`(p.name LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\')`);
      params.push(likeContains(text), likeContains(text));
    }
    const from = `FROM people p LEFT JOIN mediation_orgs o ON o.id = p.org_id WHERE ${where.join(' AND ')}`;
    const select = `SELECT p.id AS person_id, p.name, p.org_id, o.name AS org_name, o.type AS org_type, coalesce(o.division_code, p.division_code) AS division_code,
              (SELECT count(*) FROM disputes d WHERE d.mediator_id = p.id AND d.status IN ${OPEN_STATUSES_SQL}) AS open_cases`;
    const pageSize = limit ?? (text ? 100 : 500);
    const rows: Row[] = await ctx.db.raw(`${select} ${from} ORDER BY open_cases, p.name, p.id LIMIT ?`, [...params, pageSize]);
    const counted = (await ctx.db.raw(`SELECT count(*) AS n ${from}`, params)) as Array<{ n: number }>;
    const missing = (include ?? []).filter((id) => !rows.some((r) => r.person_id === id));
    if (missing.length > 0) {
      // Only people the caller could have found anyway: the same area rule, without the search.
      const extra: Row[] = await ctx.db.raw(
        `${select} FROM people p LEFT JOIN mediation_orgs o ON o.id = p.org_id WHERE ${where.slice(0, 2).join(' AND ')} AND p.id IN (${missing.map(() => '?').join(',')})`,
        [...params.slice(0, 2), ...missing],
      );
      rows.push(...extra);
    }
    return {
      total: Number(counted[0]?.n ?? 0),
      mediators: rows.map((r) => ({ personId: r.person_id, name: r.name, orgId: r.org_id, orgName: r.org_name, orgType: r.org_type, divisionCode: r.division_code, openCases: Number(r.open_cases) })),
    };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
