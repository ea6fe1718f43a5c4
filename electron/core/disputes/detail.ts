import type { DisputeDetail } from '../../../shared/contract/disputes';
import { OPEN_STATUSES } from '../../../shared/domain/disputeStatus';
import { maskParty } from '../../../shared/domain/masking';
import { availableActions, isDisputeStatus } from '../../../shared/domain/workflow';
import { daysBetween } from '../../../shared/domain/workingDays';
import { followUpDue } from '../../../shared/domain/deadlines';
import { chinaDate } from '../clock';
import type { DomainImpls, HandlerContext } from '../context';
import { logRead } from '../privacy/readLog';
import { partiesLabels, toQueueRow } from './queueRows';
import { isOwnCase, visibilityFor } from '../jurisdiction/cases';
import { loadVisibleCase } from './timeline';

function parseJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const OPEN = new Set<string>(OPEN_STATUSES);

/** The case page's data as the caller may see it (no read logged: the handlers that show it log). */
export async function caseDetail(id: number, ctx: HandlerContext): Promise<DisputeDetail> {
  const { row, scope } = await loadVisibleCase(ctx, id);
  const today = chinaDate(ctx.now);
  const visibility = visibilityFor(scope, row);
  const [labels, parties, events, records, attachments, agreement, followUps] = await Promise.all([
    partiesLabels(ctx.db, [id], () => visibility !== 'full'),
    ctx.db('dispute_parties').where({ dispute_id: id }).orderBy(['side', 'seq', 'id']).select<Array<{ id: number; side: 'applicant' | 'respondent'; name: string; id_number: string | null; phone: string | null; address: string | null }>>('id', 'side', 'name', 'id_number', 'phone', 'address'),
    ctx.db('dispute_events').where({ dispute_id: id }).orderBy(['at', 'id']).select<Array<{ id: number; at: string; actor_name: string; kind: string; from_status: string | null; to_status: string | null; note: string | null; data: string | null }>>('*'),
    ctx.db('dispute_mediation_records').where({ dispute_id: id }).orderBy(['session_at', 'id']).select<Array<{ id: number; session_at: string; place: string | null; participants: string | null; content: string; result: string | null; recorded_by_name: string }>>('*'),
    ctx.db('dispute_attachments').where({ dispute_id: id }).orderBy('id').select<Array<{ id: number; file_name: string; mime: string; size: number; sha256: string; uploaded_at: string; uploaded_by_name: string; note: string | null }>>('*'),
    ctx.db('dispute_agreements').where({ dispute_id: id }).first<{ facts: string; issues: string; responsibilities: string | null; content: string; performance_method: string; performance_deadline: string | null; agreed_at: string; judicial_deadline: string } | undefined>('*'),
    ctx.db('dispute_followups').where({ dispute_id: id }).orderBy('id').select<Array<{ id: number; performed: number | boolean; visited_at: string; method: string | null; satisfaction: number | null; note: string | null; by_name: string }>>('*'),
  ]);
  const status = row.status;
  const detail: DisputeDetail = {
    ...toQueueRow(row, labels.get(id), today),
    address: visibility === 'full' ? row.address : null,
    lon: row.lon,
    lat: row.lat,
    warningReason: row.warning_reason,
    orgId: row.org_id,
    outcome: row.outcome,
    referral: row.referral,
    concludedAt: row.concluded_at,
    closedAt: row.closed_at,
    parties: parties.map((p) => {
      const m = maskParty({ name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address }, visibility);
      return { id: p.id, side: p.side, name: m.name, idNumber: m.idNumber, phone: m.phone, address: m.address, masked: m.masked };
    }),
    timeline: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actor_name, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, data: parseJson(e.data) })),
    mediationRecords: records.map((r) => ({ id: r.id, sessionAt: r.session_at, place: r.place, participants: r.participants, content: r.content, result: r.result, recordedBy: r.recorded_by_name })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, uploadedAt: a.uploaded_at, uploadedBy: a.uploaded_by_name, note: a.note })),
    agreement: agreement
      ? {
          facts: agreement.facts,
          issues: agreement.issues,
          responsibilities: agreement.responsibilities,
          content: agreement.content,
          performanceMethod: agreement.performance_method,
          performanceDeadline: agreement.performance_deadline,
          agreedAt: agreement.agreed_at,
          judicialConfirmationDeadline: agreement.judicial_deadline,
        }
      : null,
    followUps: followUps.map((f) => ({ id: f.id, performed: Boolean(f.performed), visitedAt: f.visited_at, method: f.method, satisfaction: f.satisfaction, note: f.note, byName: f.by_name })),
    deadlines: {
      mediation: row.deadline,
      basis: row.deadline_basis,
      daysLeft: row.deadline && OPEN.has(status) ? daysBetween(today, row.deadline) : null,
      judicialConfirmation: agreement?.judicial_deadline ?? null,
      followUpDue: (status === 'agreed' || status === 'failed') && row.concluded_at ? followUpDue(chinaDate(new Date(row.concluded_at)), agreement?.performance_deadline ?? null) : null,
    },
    actions: isDisputeStatus(status) ? availableActions(status, { role: ctx.account.role, divisionCode: ctx.account.divisionCode, own: isOwnCase(scope, row) }) : [],
  };
  return detail;
}

export const detailImpls = {
  'disputes.detail': async ({ id }, ctx) => {
    const detail = await caseDetail(id, ctx);
    await logRead(ctx, 'disputes.detail', 'dispute', id, { masked: detail.parties.some((p) => p.masked) });
    return detail;
  },
  'disputes.unmask': async ({ id, reason }, ctx) => {
    // Its own permission (UNMASK_ROLES), asked for one case at a time with a reason: the reason goes to
    // the audit chain and the read log, and the answer is that case's parties in full.
    const { row } = await loadVisibleCase(ctx, id);
    const parties: Array<{ id: number; side: 'applicant' | 'respondent'; name: string; id_number: string | null; phone: string | null; address: string | null }> = await ctx
      .db('dispute_parties')
      .where({ dispute_id: id })
      .orderBy(['side', 'seq', 'id'])
      .select('id', 'side', 'name', 'id_number', 'phone', 'address');
    await ctx.audit({ action: 'disputes.unmask', entity: 'dispute', entityId: String(id), detail: { caseNo: row.case_no, reason } });
    await logRead(ctx, 'disputes.unmask', 'dispute', id, { caseNo: row.case_no, reason });
    return { id, caseNo: row.case_no, parties: parties.map((p) => ({ id: p.id, side: p.side, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, masked: false })) };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
