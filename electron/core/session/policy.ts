import type { Knex } from 'knex';
import type { SessionPolicy } from '../../../shared/contract/session';
import { getMeta, setMeta } from '../meta';
import { SESSION_HOURS } from './sessions';

/** Defaults: a working day per session; an unattended console locks after 15 minutes. */
export const DEFAULT_POLICY: SessionPolicy = { sessionHours: SESSION_HOURS, idleLockMinutes: 15 };

export async function readPolicy(db: Knex): Promise<SessionPolicy> {
  const [hours, idle] = await Promise.all([getMeta(db, 'session_hours'), getMeta(db, 'idle_lock_minutes')]);
  return {
    sessionHours: hours ? Number(hours) : DEFAULT_POLICY.sessionHours,
    idleLockMinutes: idle ? Number(idle) : DEFAULT_POLICY.idleLockMinutes,
  };
}

export async function writePolicy(db: Knex, policy: SessionPolicy): Promise<void> {
  await setMeta(db, 'session_hours', String(policy.sessionHours));
  await setMeta(db, 'idle_lock_minutes', String(policy.idleLockMinutes));
}
