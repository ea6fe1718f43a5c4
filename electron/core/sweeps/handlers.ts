import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { Sweep } from '../../../shared/contract/sweeps';
import { levelOfCode } from '../../../shared/domain/divisionCodes';
import type { DomainImpls } from '../context';
import { callerScope, canSee } from '../jurisdiction/cases';
import { Jurisdiction, jurisdictionOf } from '../jurisdiction/divisions';

/**
 * Sweeps (排查): recorded by grid workers and committees (or the desk for them), counted by the statistics.
 * A sweep lies in one village the caller covers; its grids must be in that village (a grid worker: their
 * own grids), and the cases it opened must be cases the caller can see.
 */

interface SweepRow {
  id: number;
  swept_on: string;
  village_code: string;
  village_name: string | null;
  grid_ids: string;
  participants: string;
  findings: string;
  disputes_found: number;
  recorded_by_name: string;
  created_at: string;
}

async function toSweeps(db: Knex, rows: SweepRow[]): Promise<Sweep[]> {
  const links: Array<{ sweep_id: number; dispute_id: number }> = rows.length
    ? await db('sweep_disputes').whereIn('sweep_id', rows.map((r) => r.id)).orderBy('dispute_id').select('sweep_id', 'dispute_id')
    : [];
  return rows.map((r) => ({
    id: r.id,
    sweptOn: r.swept_on,
    villageCode: r.village_code,
    villageName: r.village_name,
    gridIds: (JSON.parse(r.grid_ids) as number[]).map(Number),
    participants: r.participants,
    findings: r.findings,
    disputesFound: Number(r.disputes_found),
    caseIds: links.filter((l) => l.sweep_id === r.id).map((l) => Number(l.dispute_id)),
    recordedBy: r.recorded_by_name,
    createdAt: r.created_at,
  }));
}

const SELECT = `SELECT s.*, v.name village_name FROM sweeps s LEFT JOIN divisions v ON v.code = s.village_code`;

export const sweepImpls: DomainImpls<'sweeps'> = {
  'sweeps.record': async (input, ctx) => {
    const { db } = ctx;
    if (levelOfCode(input.villageCode) !== 'village') throw new CoreError('INVALID_INPUT', '请选择村（社区）', { field: 'villageCode' });
    if (!jurisdictionOf(ctx.account).covers(input.villageCode)) throw new CoreError('FORBIDDEN', '只能登记本辖区的排查', { field: 'villageCode' });
    const village: { code: string; parent_code: string } | undefined = await db('divisions').where({ code: input.villageCode, level: 'village' }).first('code', 'parent_code');
    if (!village) throw new CoreError('INVALID_INPUT', '村（社区）不存在', { field: 'villageCode' });
    const scope = await callerScope(ctx);
    const gridIds = [...new Set(input.gridIds)].sort((a, b) => a - b);
    if (gridIds.length) {
      const grids: Array<{ id: number; village_code: string }> = await db('grids').whereIn('id', gridIds).select('id', 'village_code');
      if (grids.length !== gridIds.length || grids.some((g) => g.village_code !== input.villageCode)) {
        throw new CoreError('INVALID_INPUT', '所选网格须属于该村（社区）', { field: 'gridIds' });
      }
      if (ctx.account.role === 'grid_worker' && gridIds.some((id) => !scope.gridIds.includes(id))) {
        throw new CoreError('FORBIDDEN', '网格员只能登记本人网格的排查', { field: 'gridIds' });
      }
    }
    const caseIds = [...new Set(input.caseIds)].sort((a, b) => a - b);
    if (caseIds.length) {
      const cases: Array<{ id: number; county_code: string; township_code: string; village_code: string | null; mediator_id: number | null; grid_id: number | null }> = await db('disputes')
        .whereIn('id', caseIds)
        .select('id', 'county_code', 'township_code', 'village_code', 'mediator_id', 'grid_id');
      if (cases.length !== caseIds.length || cases.some((c) => !canSee(scope, c))) throw new CoreError('NOT_FOUND', '案件不存在或不在本人范围内', { field: 'caseIds' });
    }
    const createdAt = ctx.now.toISOString();
    const [id] = (await db('sweeps').insert({
      swept_on: input.sweptOn,
      village_code: input.villageCode,
      township_code: village.parent_code,
      county_code: `${input.villageCode.slice(0, 6)}000000`,
      grid_ids: JSON.stringify(gridIds),
      participants: input.participants,
      findings: input.findings,
      disputes_found: input.disputesFound,
      recorded_by: ctx.account.id,
      recorded_by_name: ctx.account.displayName,
      created_at: createdAt,
    })) as number[];
    for (const disputeId of caseIds) await db('sweep_disputes').insert({ sweep_id: id, dispute_id: disputeId });
    await ctx.audit({ action: 'sweeps.record', entity: 'sweep', entityId: String(id), detail: { sweptOn: input.sweptOn, villageCode: input.villageCode, gridIds, disputesFound: input.disputesFound, caseIds } });
    ctx.emit('data.changed', { entity: 'sweep', ids: [id!] });
    const rows: SweepRow[] = await db.raw(`${SELECT} WHERE s.id = ?`, [id!]);
    return (await toSweeps(db, rows))[0]!;
  },
  'sweeps.list': async (input, ctx) => {
    const area = jurisdictionOf(ctx.account).area(input.divisionCode, { above: 'refuse', field: 'divisionCode' });
    const where = [new Jurisdiction(area.root).caseSql().replaceAll('d.', 's.')];
    const params: string[] = [];
    if (input.from) {
      where.push('s.swept_on >= ?');
      params.push(input.from);
    }
    if (input.to) {
      where.push('s.swept_on <= ?');
      params.push(input.to);
    }
    const w = where.join(' AND ');
    const total: Array<{ c: number }> = await ctx.db.raw(`SELECT count(*) c FROM sweeps s WHERE ${w}`, params);
    const rows: SweepRow[] = await ctx.db.raw(`${SELECT} WHERE ${w} ORDER BY s.swept_on DESC, s.id DESC LIMIT ${input.limit}`, params);
    return { total: Number(total[0]?.c ?? 0), rows: await toSweeps(ctx.db, rows) };
  },
};
