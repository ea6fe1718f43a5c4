import type { Knex } from 'knex';
import type { z } from 'zod';
import { CoreError } from '../../../shared/contract/errors';
import type { IntakeInput, DuplicateCase } from '../../../shared/contract/disputes';
import { OPEN_STATUSES_SQL, type DisputeStatus, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { maskParty } from '../../../shared/domain/masking';
import { proposeWarning, warningOverride } from '../../../shared/domain/warningRules';
import { WARNING_LABELS } from '../../../shared/domain/workflow';
import { levelOfCode } from '../../../shared/domain/divisionCodes';
import { distanceToBoundary, parseAreaGeometry, placeInArea } from '../../../shared/domain/geometry';
import { idNumberProblem } from '../../../shared/domain/idNumber';
import { chinaDate } from '../clock';
import type { DomainImpls, HandlerContext } from '../context';
import { findGridForPoint } from '../grids/pointToGrid';
import { callerScope, canSee, visibilityFor, type CallerScope } from '../jurisdiction/cases';
import { recordEvent } from './timeline';

export interface Placement {
  countyCode: string;
  townshipCode: string;
  villageCode: string;
  gridId: number | null;
}

/** About 50 m: how far outside the chosen grid's edge a marked point may lie. */
const EDGE_TOLERANCE_DEG = 0.0005;
/** How far ahead of the node's clock a registration time may be (another computer's clock). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What the contract's schema cannot know, because it needs the node's clock: a registration time in the
 * future (a case dated 2099 would be numbered 2099-…), an ID number born after today. Each names its field;
 * the handler refuses with them and the importer reports them as row errors.
 */
export function intakeProblems(input: Pick<IntakeInput, 'registeredAt' | 'parties'>, now: Date): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (input.registeredAt && new Date(input.registeredAt).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    out.push({ field: 'registeredAt', message: '登记时间不能晚于当前时间' });
  }
  const today = chinaDate(now);
  input.parties.forEach((p, i) => {
    if (p.idNumber && idNumberProblem(p.idNumber, today) === 'birthDate') out.push({ field: `parties.${i}.idNumber`, message: '身份证号中的出生日期晚于今天' });
  });
  return out;
}

/** Where the case belongs: the chosen grid, else the chosen village, else the grid found from the point. */
export async function placeCase(db: Knex, input: Pick<IntakeInput, 'gridId' | 'villageCode' | 'location'>): Promise<Placement> {
  if (input.gridId !== undefined) {
    const g: { village_code: string; township_code: string; county_code: string; polygon: string } | undefined = await db('grids')
      .where({ id: input.gridId })
      .first('village_code', 'township_code', 'county_code', 'polygon');
    if (!g) throw new CoreError('INVALID_INPUT', `输入有误：gridId：没有编号为 ${input.gridId} 的网格`, { field: 'gridId' });
    if (input.villageCode && input.villageCode !== g.village_code) {
      throw new CoreError('INVALID_INPUT', '输入有误：gridId：所选网格不属于所选村（社区）', { field: 'gridId' });
    }
    // A point marked on the map must lie in the grid chosen (a click a few metres past the edge is fine).
    const area = input.location ? parseAreaGeometry(g.polygon) : null;
    if (input.location && area) {
      const { lon, lat } = input.location;
      if (placeInArea(lon, lat, area) === 'out' && distanceToBoundary(lon, lat, area) > EDGE_TOLERANCE_DEG) {
        throw new CoreError('INVALID_INPUT', '输入有误：location：标注的位置不在所选网格内，请重新标注或改选网格', { field: 'location' });
      }
    }
    return { countyCode: g.county_code, townshipCode: g.township_code, villageCode: g.village_code, gridId: input.gridId };
  }
  if (input.villageCode !== undefined) {
    const v: { code: string } | undefined = await db('divisions').where({ code: input.villageCode }).first('code');
    if (!v || levelOfCode(v.code) !== 'village') throw new CoreError('INVALID_INPUT', `输入有误：villageCode：没有代码为 ${input.villageCode} 的村（社区）`, { field: 'villageCode' });
    const c = v.code;
    return { countyCode: `${c.slice(0, 6)}000000`, townshipCode: `${c.slice(0, 9)}000`, villageCode: c, gridId: null };
  }
  if (input.location) {
    const g = await findGridForPoint(db, input.location.lon, input.location.lat);
    if (!g) throw new CoreError('INVALID_INPUT', '输入有误：location：该位置不在任何网格内，请选择村（社区）和网格', { field: 'location' });
    return { countyCode: g.countyCode, townshipCode: g.townshipCode, villageCode: g.villageCode, gridId: g.gridId };
  }
  throw new CoreError('INVALID_INPUT', '输入有误：gridId：请选择村（社区）和网格，或在地图上标注位置', { field: 'gridId' });
}

/** The field message when a colour other than the rules' proposal comes without a reason. */
export function warningReasonMissing(proposed: WarningLevel): CoreError {
  const message = `预警等级与规则建议（${WARNING_LABELS[proposed]}）不同，须填写理由`;
  return new CoreError('INVALID_INPUT', `输入有误：warningReason：${message}`, { field: 'warningReason', issues: [{ field: 'warningReason', message }] });
}

type PartyKey = { name?: string | undefined; idNumber?: string | undefined; phone?: string | undefined };

/** Open cases in the same grid (or village, when there is no grid) that share a party. */
export async function findDuplicateCases(db: Knex, scope: CallerScope, place: { gridId: number | null; villageCode: string | null }, parties: readonly PartyKey[]): Promise<Array<z.infer<typeof DuplicateCase>>> {
  const ids = parties.map((p) => p.idNumber?.toUpperCase()).filter((x): x is string => !!x && x.length === 18);
  const namePhones = parties.filter((p) => p.name && p.phone);
  if (ids.length === 0 && namePhones.length === 0) return [];
  // Only cases the caller may see: a duplicate warning must not tell anyone about a person's case in
  // someone else's jurisdiction (a foreign grid answers as an unknown one: nothing).
  const q = db('disputes as d')
    .join('dispute_parties as p', 'p.dispute_id', 'd.id')
    .whereRaw(`d.status IN ${OPEN_STATUSES_SQL}`)
    .whereRaw(scope.sql)
    .where((w) => {
      if (ids.length) w.orWhereIn('p.id_number', ids);
      for (const np of namePhones) w.orWhere((x) => x.where('p.name', np.name!).andWhere('p.phone', np.phone!));
    })
    .select('d.id', 'd.case_no', 'd.status', 'd.registered_at', 'd.mediator_id', 'd.grid_id', 'd.county_code', 'd.township_code', 'd.village_code', 'p.name', 'p.id_number', 'p.phone');
  if (place.gridId !== null) q.where('d.grid_id', place.gridId);
  else if (place.villageCode) q.where('d.village_code', place.villageCode);
  const rows: Array<{ id: number; case_no: string; status: DisputeStatus; registered_at: string; mediator_id: number | null; grid_id: number | null; county_code: string; township_code: string; village_code: string | null; name: string; id_number: string | null; phone: string | null }> = await q.limit(50);
  const seen = new Set<number>();
  const out: Array<z.infer<typeof DuplicateCase>> = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const byId = r.id_number !== null && ids.includes(r.id_number);
    if (!canSee(scope, r)) continue;
    const shown = maskParty({ name: r.name, idNumber: r.id_number, phone: r.phone, address: null }, visibilityFor(scope, r));
    out.push({ id: r.id, caseNo: r.case_no, status: r.status, registeredAt: r.registered_at, matchedParty: shown.name, reason: byId ? '身份证号相同' : '姓名和电话相同' });
  }
  return out;
}

/** Next case number of a township and year: 2021-430902001-00042. */
async function nextCaseNo(db: Knex, townshipCode: string, year: string): Promise<string> {
  const prefix = `${year}-${townshipCode.slice(0, 9)}-`;
  const last: { case_no: string } | undefined = await db('disputes').where('case_no', '>=', prefix).andWhere('case_no', '<', `${prefix}~`).orderBy('case_no', 'desc').first('case_no');
  const seq = last ? Number(last.case_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(Number.isFinite(seq) ? seq : 1).padStart(5, '0')}`;
}

/** Register one case (the handler and the importer share this). */
export async function registerCase(ctx: HandlerContext, input: IntakeInput, scope: CallerScope, opts: { source?: string; eventNote?: string } = {}): Promise<{ id: number; caseNo: string; warning: WarningLevel; warningReasons: string[] }> {
  // The colour first: a missing reason is the clerk's to fix on the form, before any duplicate question.
  const proposal = proposeWarning({ category: input.category, summary: input.summary, peopleInvolved: input.peopleInvolved, amountYuan: input.amountYuan, repeatVisits: input.repeatVisits });
  const warning = input.warning ?? proposal.level;
  const override = warningOverride(proposal.level, warning);
  const handReason = input.warningReason?.trim() ?? '';
  if (override && !handReason) throw warningReasonMissing(proposal.level);
  const problem = intakeProblems(input, ctx.now)[0];
  if (problem) throw new CoreError('INVALID_INPUT', `输入有误：${problem.field}：${problem.message}`, { field: problem.field, issues: [problem] });
  const place = await placeCase(ctx.db, input);
  const probe = { ...place, grid_id: place.gridId, mediator_id: null, county_code: place.countyCode, township_code: place.townshipCode, village_code: place.villageCode };
  if (!canSee(scope, probe) || (scope.role === 'grid_worker' && (place.gridId === null || !scope.gridIds.includes(place.gridId)))) {
    throw new CoreError('FORBIDDEN', '只能登记本人辖区（网格）内的案件', { field: 'gridId' });
  }
  if (!input.allowDuplicate) {
    const dups = await findDuplicateCases(ctx.db, scope, { gridId: place.gridId, villageCode: place.villageCode }, input.parties);
    if (dups.length > 0) {
      throw new CoreError('CONFLICT', `同一当事人在本网格已有未办结案件：${dups.map((d) => `${d.caseNo}（${d.matchedParty}，${d.reason}）`).join('；')}。如确需另行登记，请确认后重新提交。`, { field: 'parties' });
    }
  }
  const reasons = override ? [handReason] : proposal.reasons;
  const registeredAt = input.registeredAt ? new Date(input.registeredAt).toISOString() : ctx.now.toISOString();
  const caseNo = await nextCaseNo(ctx.db, place.townshipCode, chinaDate(new Date(registeredAt)).slice(0, 4));
  const [id] = await ctx.db('disputes').insert({
    case_no: caseNo,
    source: input.source,
    category: input.category,
    status: 'registered',
    warning,
    // A colour set below the rules' keeps its reason even at none: why a case they flag carries no warning.
    warning_reason: warning === 'none' && !override ? null : reasons.join('；'),
    county_code: place.countyCode,
    township_code: place.townshipCode,
    village_code: place.villageCode,
    grid_id: place.gridId,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    address: input.address ?? null,
    summary: input.summary,
    amount_fen: input.amountYuan === undefined ? null : Math.round(input.amountYuan * 100),
    people_involved: input.peopleInvolved,
    repeat_visits: input.repeatVisits,
    registered_at: registeredAt,
    created_by: ctx.account.id,
    updated_at: ctx.now.toISOString(),
  });
  const disputeId = Number(id);
  const seqs = { applicant: 0, respondent: 0 };
  await ctx.db('dispute_parties').insert(
    input.parties.map((p) => ({ dispute_id: disputeId, side: p.side, seq: (seqs[p.side] += 1), name: p.name, id_number: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })),
  );
  await recordEvent(ctx, disputeId, caseNo, { kind: 'registered', toStatus: 'registered', note: opts.eventNote ?? null, data: { source: opts.source ?? input.source, duplicateConfirmed: input.allowDuplicate || undefined } });
  if (override) {
    await recordEvent(ctx, disputeId, caseNo, { kind: 'warning', note: handReason, data: { from: 'none', to: warning, by: 'hand', proposed: proposal.level, override } });
  } else if (warning !== 'none') {
    await recordEvent(ctx, disputeId, caseNo, { kind: 'warning', note: reasons.join('；'), data: { from: 'none', to: warning, by: 'rules' } });
  }
  return { id: disputeId, caseNo, warning, warningReasons: reasons };
}

export const intakeImpls = {
  'disputes.intake': async (input, ctx) => {
    const scope = await callerScope(ctx);
    const out = await registerCase(ctx, input, scope);
    ctx.emit('data.changed', { entity: 'dispute', ids: [out.id] });
    return out;
  },
  'disputes.findDuplicates': async (input, ctx) => {
    const scope = await callerScope(ctx);
    const place: { gridId: number | null; villageCode: string | null } = { gridId: input.gridId ?? null, villageCode: input.villageCode ?? null };
    if (place.gridId === null && place.villageCode === null) return { duplicates: [] };
    return { duplicates: await findDuplicateCases(ctx.db, scope, place, input.parties) };
  },
  'disputes.proposeWarning': async (input) => proposeWarning(input),
  'disputes.gridsOfVillage': async ({ villageCode }, ctx) => {
    const grids: Array<{ id: number; code: string; name: string }> = await ctx.db('grids').where({ village_code: villageCode }).orderBy('code').select('id', 'code', 'name');
    return { grids };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
