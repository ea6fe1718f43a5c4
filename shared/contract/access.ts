import { contract, type HandlerName } from './index';
import type { Role } from './roles';

/**
 * May an account with this role call this handler? Read from the contract's own `access`, the list the
 * dispatcher enforces: the renderer shows a button only when this says yes, so the UI and the core
 * cannot disagree about roles. 'public' handlers are open to everyone, signed in or not; the others need
 * a session (`role` null or undefined: nobody is signed in).
 *
 * This answers for the role only. Whether the step applies to *this* case (its status, whether it is the
 * caller's own) is the workflow's question: shared/domain/workflow.ts.
 */
export function mayCall(role: Role | null | undefined, name: HandlerName): boolean {
  const access = contract[name].access;
  if (access === 'public') return true;
  return role !== null && role !== undefined && access.includes(role);
}
