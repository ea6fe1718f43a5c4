import { z } from 'zod';
import { handler } from './define';
import { Role } from './roles';

/** What a node says about itself before anyone logs in (the login page, the about box). */

/** A demo account as the login page lists it: never its password (the README says it; the API must not). */
export const DemoAccount = z.object({
  username: z.string(),
  role: Role,
  displayName: z.string(),
});

/**
 * Where a starting node is (a first start writes the demo, ~10 s): answered while every other handler is
 * still refused with NODE_STARTING, so the login page can show progress. Nothing personal in it.
 */
export const NodeStartup = z.object({
  state: z.enum(['opening', 'generating', 'ready', 'failed']),
  /** The demo generator's current phase (a name the UI translates), null when not generating. */
  step: z.string().nullable(),
  percent: z.number().int().min(0).max(100),
  /** Why the start failed (state 'failed' only). */
  message: z.string().nullable(),
});
export type NodeStartup = z.infer<typeof NodeStartup>;

export const systemHandlers = {
  'system.info': handler({
    summary: 'Version, schema, which division this node is, the demo clock and demo accounts (demo mode only).',
    input: z.object({}).strict(),
    output: z.object({
      /** False on a real node before its first-run setup: the console opens the setup wizard. */
      configured: z.boolean(),
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      demo: z.boolean(),
      /** The core's "today" (YYYY-MM-DD, Asia/Shanghai); the demo pins it to its data's last day. */
      today: z.string(),
      node: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
      demoAccounts: z.array(DemoAccount),
    }),
    access: 'public',
    writes: false,
  }),
  'system.status': handler({
    summary: 'Whether the node is ready, or still opening / generating the demo (with progress). Answered while starting.',
    input: z.object({}).strict(),
    output: NodeStartup,
    access: 'public',
    writes: false,
  }),
};
