import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { Core } from '../../electron/core/index';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { attemptAs, callAs, type Attempt } from './call';
import { loginAs, seedSmallWorld, tempCore, type TempCoreOptions } from './tempCore';

type Who = 'admin' | 'director' | 'dispatcher' | 'mediator' | 'gridworker' | 'leader' | 'wall';

/**
 * The small test world plus what the dispute tests need: a committee, a mediator person behind the
 * 'mediator' account, a second mediator, and the 'gridworker' account's person looking after grid 1.
 */
export interface DisputeWorld {
  core: Core;
  dir: string;
  cleanup: () => Promise<void>;
  tokens: Record<Who, string>;
  orgId: number;
  mediatorId: number;
  otherMediatorId: number;
  gridId: number;
  otherGridId: number;
  /** A call as one of the accounts, typed by the contract; a refusal throws. */
  call: <N extends HandlerName>(who: Who, name: N, input: InputOf<N>) => Promise<OutputOf<N>>;
  /** Any call, typed or not, reporting a refusal instead of throwing (for tests of refusals). */
  attempt: (who: Who, name: string, input: unknown) => Promise<Attempt>;
}

export const ID_A = makeIdNumber({ region: '430902', birthDate: '19850312', sequence: 123 });
export const ID_B = makeIdNumber({ region: '430903', birthDate: '19900101', sequence: 456 });

export async function disputeWorld(opts: TempCoreOptions = {}): Promise<DisputeWorld> {
  const { core, dir, cleanup } = await tempCore(opts);
  await seedSmallWorld(core);
  const now = '2021-10-01T00:00:00.000Z';
  const db = core.db;
  const [orgId] = await db('mediation_orgs').insert({ name: '甲一镇人民调解委员会', type: 'township', division_code: '999901001000', township_code: '999901001000', county_code: '999901000000' });
  const [mediatorId] = await db('people').insert({ kind: 'mediator', name: '周调解', division_code: '999901001000', org_id: orgId, created_at: now });
  const [otherMediatorId] = await db('people').insert({ kind: 'mediator', name: '吴调解', division_code: '999901001000', org_id: orgId, created_at: now });
  const [workerId] = await db('people').insert({ kind: 'grid_worker', name: '郑网格', division_code: '999901001201', created_at: now });
  const grids: Array<{ id: number }> = await db('grids').orderBy('code').select('id');
  const gridId = grids[0]!.id;
  await db('grid_workers').insert({ grid_id: gridId, person_id: workerId });
  await db('accounts').where({ username: 'mediator' }).update({ person_id: mediatorId });
  await db('accounts').where({ username: 'gridworker' }).update({ person_id: workerId });
  const names = ['admin', 'director', 'dispatcher', 'mediator', 'gridworker', 'leader', 'wall'] as const;
  const tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loginAs(core, n)] as const))) as DisputeWorld['tokens'];
  const call: DisputeWorld['call'] = (who, name, input) => callAs(core, tokens[who])(name, input);
  const attempt: DisputeWorld['attempt'] = (who, name, input) => attemptAs(core, tokens[who], name, input);
  return { core, dir, cleanup, tokens, orgId: Number(orgId), mediatorId: Number(mediatorId), otherMediatorId: Number(otherMediatorId), gridId, otherGridId: grids[1]!.id, call, attempt };
}

/** A valid intake in the world's first grid; `extra` overrides any field. */
export function intakeInput(w: Pick<DisputeWorld, 'gridId'>, extra: Partial<InputOf<'disputes.intake'>> = {}): InputOf<'disputes.intake'> {
  return {
    source: 'walk_in',
    category: '宅基地/房屋',
    parties: [
      { side: 'applicant', name: '刘伟', idNumber: ID_A, phone: '13807371234', address: '东村三组' },
      { side: 'respondent', name: '张强', phone: '13907375678' },
    ],
    gridId: w.gridId,
    address: '东村三组12号',
    summary: '刘伟与张强因宅基地界址发生争执，双方多次协商未果',
    amountYuan: 5000,
    peopleInvolved: 2,
    ...extra,
  };
}
