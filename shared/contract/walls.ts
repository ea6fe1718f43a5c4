import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY } from './roles';
import type { HandlerName } from './index';

/**
 * LAN wall tokens (大屏): the admin creates a token for a browser on the LAN that shows the wall
 * (`/#/wall?wallToken=…`), and revokes it. The token acts as a wall account and reaches ONLY the
 * handlers below — the wall's read handlers — whatever the wall role may otherwise call.
 */
export const WALL_TOKEN_HANDLERS: readonly HandlerName[] = ['session.me', 'system.info', 'system.status', 'stats.overview', 'stats.wall'];

export const WallToken = z.object({
  id: z.number().int(),
  label: z.string(),
  /** The wall account it acts as. */
  accountUsername: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type WallToken = z.infer<typeof WallToken>;

export const wallHandlers = {
  'walls.createToken': handler({
    summary: 'Create a LAN wall token (shown once): it acts as a wall account and reaches only the wall’s read handlers.',
    input: z
      .object({
        label: z.string().trim().min(1, '请填写名称（如：指挥中心大屏1）').max(50),
        /** A wall-role account; default: the node's first active one. */
        accountId: z.number().int().positive().optional(),
      })
      .strict(),
    output: WallToken.extend({ token: z.string() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'walls.listTokens': handler({
    summary: 'The LAN wall tokens, newest first (never the tokens themselves).',
    input: z.object({}).strict().default({}),
    output: z.object({ rows: z.array(WallToken) }),
    access: ADMIN_ONLY,
    writes: false,
  }),
  'walls.revokeToken': handler({
    summary: 'Revoke a LAN wall token: the next call with it has no session.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: WallToken,
    access: ADMIN_ONLY,
    writes: true,
  }),
};
