import { z } from 'zod';

/** The center's own staff roles (README, "Demo accounts", says what each does). Checked in the core, never only in the UI. */
export const ROLES = ['admin', 'director', 'dispatcher', 'mediator', 'grid_worker', 'leader', 'wall'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Every role that may read the non-personal overview figures. */
export const ALL_ROLES: readonly Role[] = ROLES;
/** Staff who work with cases and people (personal data, masked per role). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'director', 'dispatcher', 'mediator', 'grid_worker', 'leader'];
