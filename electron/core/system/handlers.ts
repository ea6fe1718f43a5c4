import type { DomainImpls } from '../context';
import { chinaDate } from '../clock';
import { getMeta } from '../meta';
import { DEMO_ACCOUNTS } from '../demo/demoAccounts';
import { isConfigured } from '../setup/configured';

export const systemImpls: DomainImpls<'system'> = {
  'system.info': async (_input, ctx) => {
    const [nodeCode, demo] = await Promise.all([getMeta(ctx.db, 'node_division_code'), getMeta(ctx.db, 'demo')]);
    const node = nodeCode
      ? ((await ctx.db('divisions').where({ code: nodeCode }).first('code', 'name', 'level')) as
          | { code: string; name: string; level: string }
          | undefined)
      : undefined;
    const isDemo = demo === '1';
    // Public (no session, on the LAN with `serve --host`): usernames and roles of a demo node, never a password.
    let demoAccounts: Array<{ username: string; role: (typeof DEMO_ACCOUNTS)[number]['role']; displayName: string }> = [];
    if (isDemo) {
      const live = new Set(
        (await ctx.db('accounts').whereIn('username', DEMO_ACCOUNTS.map((a) => a.username)).where({ disabled: false }).select('username')).map(
          (r: { username: string }) => r.username,
        ),
      );
      demoAccounts = DEMO_ACCOUNTS.filter((a) => live.has(a.username)).map(({ username, role, displayName }) => ({ username, role, displayName }));
    }
    return {
      configured: await isConfigured(ctx.db),
      appVersion: ctx.env.appVersion,
      schemaVersion: ctx.env.schemaVersion,
      demo: isDemo,
      today: chinaDate(ctx.now),
      node: node ?? null,
      demoAccounts,
    };
  },
  // Reached only once the node is ready: while it starts, the door answers system.status itself (startup.ts).
  'system.status': async () => ({ state: 'ready', step: null, percent: 100, message: null }),
};
