import { z } from 'zod';

/** The center's own staff roles. Checked in the core, never only in the UI. */
export const ROLES = ['admin', 'director', 'dispatcher', 'mediator', 'grid_worker', 'leader', 'wall'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/*
 * The role groups the contract (and the workflow in shared/domain/workflow.ts) grants handlers to,
 * each defined once. A handler's `access` names one of these; the renderer never lists roles itself but
 * asks `mayCall(role, name)` (access.ts), so a change here is a change everywhere.
 */

/** Every role, the wall display included: non-personal overview figures, the map, the directory. */
export const ALL_ROLES: readonly Role[] = ROLES;
/** Set-up of the node: accounts, boundaries, base maps, calendar and deadline rules. */
export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** The center's leads: escalation, reopening, the audit log. */
export const LEAD_ROLES: readonly Role[] = ['admin', 'director'];
/** The center's desk: accepts, assigns, imports, edits the directory. */
export const DISPATCH_ROLES: readonly Role[] = [...LEAD_ROLES, 'dispatcher'];
/** The desk and the mediators who carry a case: set its warning colour, start and close mediation. */
export const CASE_HANDLERS: readonly Role[] = [...DISPATCH_ROLES, 'mediator'];
/** Staff who act on cases (notes, attachments, printouts, workflow steps): everyone but the read-only leader. */
export const CASE_WORKERS: readonly Role[] = [...CASE_HANDLERS, 'grid_worker'];
/** Staff who work with cases and people (personal data, masked per role): everyone but the wall. */
export const STAFF_ROLES: readonly Role[] = [...CASE_WORKERS, 'leader'];
/** Who registers new cases: the center's desk and the grid workers in the field. */
export const INTAKE_ROLES: readonly Role[] = [...DISPATCH_ROLES, 'grid_worker'];
/** Who may read the whole ledger out of the console (export): the desk, mediators and leaders. */
export const LEDGER_READERS: readonly Role[] = [...CASE_HANDLERS, 'leader'];
/** Who conducts a mediation: records its sessions, reaches an agreement or ends it. */
export const MEDIATING_ROLES: readonly Role[] = [...LEAD_ROLES, 'mediator'];
/** Who may change the service-point directory (the desk); every other role reads it. */
export const DIRECTORY_EDITORS: readonly Role[] = DISPATCH_ROLES;
/**
 * Who may unmask one case's parties (disputes.unmask, with a reason, audited): the roles that see parties
 * masked — the leader. A mediator or grid worker sees in full the only cases they can see at all.
 */
export const UNMASK_ROLES: readonly Role[] = ['leader'];
