import type { Knex } from 'knex';
import type { QueueRow } from '../../../shared/contract/disputes/schemas';
import { deadlineFlags } from '../../../shared/domain/deadlines';
import { OPEN_STATUSES, type DisputeCategory, type DisputeSource, type DisputeStatus, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { maskName } from '../../../shared/domain/masking';
import { visibilityFor, type CallerScope } from '../jurisdiction/cases';

/** A disputes row with the names the queue shows, as read by `fetchRows`. */
export interface CaseRow {
  id: number;
  case_no: string;
  status: DisputeStatus;
  category: DisputeCategory;
  source: DisputeSource;
  warning: WarningLevel;
  warning_reason: string | null;
  summary: string;
  county_code: string;
  township_code: string;
  township_name: string | null;
  village_code: string | null;
  village_name: string | null;
  grid_id: number | null;
  grid_name: string | null;
  mediator_id: number | null;
  mediator_name: string | null;
  org_id: number | null;
  org_name: string | null;
  registered_at: string;
  accepted_at: string | null;
  deadline: string | null;
  deadline_basis: string | null;
  updated_at: string;
  amount_fen: number | null;
  people_involved: number;
  repeat_visits: number;
  address: string | null;
  lon: number | null;
  lat: number | null;
  outcome: string | null;
  referral: string | null;
  concluded_at: string | null;
  closed_at: string | null;
  escalated_from: string | null;
}

export function caseSelect(db: Knex) {
  return db('disputes as d')
    .leftJoin('divisions as t', 't.code', 'd.township_code')
    .leftJoin('divisions as v', 'v.code', 'd.village_code')
    .leftJoin('grids as g', 'g.id', 'd.grid_id')
    .leftJoin('people as p', 'p.id', 'd.mediator_id')
    .leftJoin('mediation_orgs as o', 'o.id', 'd.org_id')
    .select('d.*', 't.name as township_name', 'v.name as village_name', 'g.name as grid_name', 'p.name as mediator_name', 'o.name as org_name');
}

/** The rows for these ids, in this order. */
export async function fetchRows(db: Knex, ids: readonly number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows: CaseRow[] = await caseSelect(db).whereIn('d.id', [...ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is CaseRow => r !== undefined);
}

export type PartyNames = QueueRow['partyNames'];

/** "刘伟 与 张强": first applicant and first respondent, "等" when a side has more. */
export function partiesLabelOf(p: PartyNames): string {
  const a = p.applicant + (p.moreApplicants ? '等' : '');
  const r = p.respondent + (p.moreRespondents ? '等' : '');
  return r ? `${a} 与 ${r}` : a;
}

/** Each case's first applicant and first respondent, masked where the caller may not see them in full. */
export async function partiesLabels(db: Knex, ids: readonly number[], masked: (id: number) => boolean): Promise<Map<number, PartyNames>> {
  const out = new Map<number, PartyNames>();
  if (ids.length === 0) return out;
  const parties: Array<{ dispute_id: number; side: string; name: string }> = await db('dispute_parties')
    .whereIn('dispute_id', [...ids])
    .orderBy(['dispute_id', 'side', 'seq', 'id'])
    .select('dispute_id', 'side', 'name');
  const sides = new Map<number, { applicant: string[]; respondent: string[] }>();
  for (const p of parties) {
    const s = sides.get(p.dispute_id) ?? { applicant: [], respondent: [] };
    (p.side === 'respondent' ? s.respondent : s.applicant).push(masked(p.dispute_id) ? maskName(p.name) : p.name);
    sides.set(p.dispute_id, s);
  }
  for (const [id, s] of sides) {
    out.set(id, { applicant: s.applicant[0] ?? '', respondent: s.respondent[0] ?? '', moreApplicants: s.applicant.length > 1, moreRespondents: s.respondent.length > 1 });
  }
  return out;
}

const OPEN = new Set<string>(OPEN_STATUSES);

const NO_PARTIES: PartyNames = { applicant: '', respondent: '', moreApplicants: false, moreRespondents: false };

export function toQueueRow(r: CaseRow, names: PartyNames | undefined, today: string): QueueRow {
  const partyNames = names ?? NO_PARTIES;
  const flags = deadlineFlags(r.deadline, OPEN.has(r.status), today);
  return {
    id: r.id,
    caseNo: r.case_no,
    status: r.status,
    category: r.category,
    source: r.source,
    warning: r.warning,
    partiesLabel: partiesLabelOf(partyNames),
    partyNames,
    summary: r.summary,
    countyCode: r.county_code,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    mediatorId: r.mediator_id,
    mediatorName: r.mediator_name,
    orgName: r.org_name,
    registeredAt: r.registered_at,
    acceptedAt: r.accepted_at,
    deadline: r.deadline,
    updatedAt: r.updated_at,
    amountYuan: r.amount_fen === null ? null : Number(r.amount_fen) / 100,
    peopleInvolved: r.people_involved,
    overdue: flags.overdue,
    dueSoon: flags.dueSoon,
  };
}

/** Queue rows for ids (in order), with party names masked where the caller's role requires it. */
export async function queueRows(db: Knex, scope: CallerScope, ids: readonly number[], today: string): Promise<QueueRow[]> {
  const rows = await fetchRows(db, ids);
  const maskedIds = new Set(rows.filter((r) => visibilityFor(scope, r) !== 'full').map((r) => r.id));
  const labels = await partiesLabels(db, ids, (id) => maskedIds.has(id));
  return rows.map((r) => toQueueRow(r, labels.get(r.id), today));
}
