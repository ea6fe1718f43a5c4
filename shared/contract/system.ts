import { z } from 'zod';
import { handler } from './define';
import { Role } from './roles';

/** What a node says about itself before anyone logs in (the login page, the about box). */

export const DemoAccount = z.object({
  username: z.string(),
  password: z.string(),
  role: Role,
  displayName: z.string(),
});

export const systemHandlers = {
  'system.info': handler({
    summary: 'Version, schema, which division this node is, the demo clock and demo accounts (demo mode only).',
    input: z.object({}).strict(),
    output: z.object({
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
};
