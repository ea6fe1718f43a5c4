import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import type { DomainImpls } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';

export const mediatorImpls = {
  /** For dispatch: who can take a case here, and how busy each is (open cases), least loaded first. */
  'disputes.mediators': async ({ divisionCode }, ctx) => {
    const { prefix } = jurisdictionOf(ctx.account).area(divisionCode, { above: 'refuse', message: '只能查看本辖区的调解员', field: 'divisionCode' });
    const rows: Array<{ person_id: number; name: string; org_id: number | null; org_name: string | null; org_type: string | null; division_code: string; open_cases: number }> = await ctx.db.raw(
      `SELECT p.id AS person_id, p.name, p.org_id, o.name AS org_name, o.type AS org_type, coalesce(o.division_code, p.division_code) AS division_code,
              (SELECT count(*) FROM disputes d WHERE d.mediator_id = p.id AND d.status IN ${OPEN_STATUSES_SQL}) AS open_cases
         FROM people p LEFT JOIN mediation_orgs o ON o.id = p.org_id
        WHERE p.kind = 'mediator' AND p.active = 1
          AND (coalesce(o.division_code, p.division_code) LIKE ? OR (o.type = 'industry' AND o.county_code LIKE ?))
        ORDER BY open_cases, p.name
        LIMIT 500`,
      [`${prefix}%`, `${prefix.slice(0, 6)}%`],
    );
    return {
      mediators: rows.map((r) => ({ personId: r.person_id, name: r.name, orgId: r.org_id, orgName: r.org_name, orgType: r.org_type, divisionCode: r.division_code, openCases: Number(r.open_cases) })),
    };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
