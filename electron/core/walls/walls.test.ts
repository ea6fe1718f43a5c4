import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, HANDLER_NAMES } from '../../../shared/contract';
import { WALL_TOKEN_HANDLERS } from '../../../shared/contract/walls';
import { attemptAs, callAs } from '../../../tests/support/call';
import { disputeWorld, type DisputeWorld } from '../../../tests/support/disputeWorld';
import { verifyAuditChain } from '../audit/auditLog';
import { validInput } from '../../../tests/e2e/contractInputs';

/** LAN wall tokens: the admin's to create and revoke; with one, nothing but the wall's read handlers answers. */
describe('LAN wall tokens', () => {
  let w: DisputeWorld;
  beforeAll(async () => {
    w = await disputeWorld();
  });
  afterAll(() => w?.cleanup());

  it('are created by the admin only, shown once, stored as a hash, audited', async () => {
    const t = await w.call('admin', 'walls.createToken', { label: '指挥中心大屏1' });
    expect(t).toMatchObject({ label: '指挥中心大屏1', accountUsername: 'wall', revokedAt: null });
    expect(t.token.length).toBeGreaterThan(30);
    const stored = await w.core.db('wall_tokens').where({ id: t.id }).first();
    expect(JSON.stringify(stored)).not.toContain(t.token);
    expect((await w.call('admin', 'walls.listTokens', {})).rows.map((r) => r.id)).toContain(t.id);
    expect(JSON.stringify(await w.call('admin', 'walls.listTokens', {}))).not.toContain(t.token);
    for (const who of ['director', 'dispatcher', 'leader', 'wall'] as const) {
      expect((await w.attempt(who, 'walls.createToken', { label: 'x' })).code, who).toBe('FORBIDDEN');
    }
    expect(await w.core.db('audit_log').where({ action: 'walls.createToken', entity_id: String(t.id) }).first()).toBeTruthy();
    expect((await verifyAuditChain(w.core.db)).ok).toBe(true);
  });

  it('reach the wall\'s read handlers and nothing else — not even what the wall account itself may call', async () => {
    const { token } = await w.call('admin', 'walls.createToken', { label: '走廊大屏' });
    const call = callAs(w.core, token);
    expect((await call('session.me', {})).role).toBe('wall');
    expect((await call('stats.overview', { from: '2021-10-01', to: '2021-10-31' })).totals.registered).toBe(3);
    expect((await call('stats.wall', {})).today).toBe('2021-10-29');
    const refused: string[] = [];
    for (const name of HANDLER_NAMES) {
      if (WALL_TOKEN_HANDLERS.includes(name) || contract[name].access === 'public') continue;
      // The two handlers whose cross-field rule the generator cannot meet get an input by hand.
      const own: Record<string, unknown> = { 'grids.card': { gridId: w.gridId }, 'directory.whoCanHelp': { lon: 112.005, lat: 28.005 } };
      const input = name in own ? { ok: true as const, input: own[name] } : validInput(name);
      if (!input.ok) {
        refused.push(`${name}: no valid input (${input.problem})`);
        continue;
      }
      const r = await attemptAs(w.core, token, name, input.input);
      if (r.ok) refused.push(`${name} answered`);
      if (!r.ok && r.code !== 'FORBIDDEN') refused.push(`${name}: ${r.code}`);
    }
    expect(refused).toEqual([]);
    // The wall account's own login still reaches what the wall role may call.
    expect((await w.attempt('wall', 'map.boundaries', { level: 'county' })).ok).toBe(true);
    expect((await attemptAs(w.core, token, 'map.boundaries', { level: 'county' })).code).toBe('FORBIDDEN');
  });

  it('stop working the moment they are revoked', async () => {
    const t = await w.call('admin', 'walls.createToken', { label: '临时大屏' });
    expect((await attemptAs(w.core, t.token, 'stats.wall', {})).ok).toBe(true);
    const revoked = await w.call('admin', 'walls.revokeToken', { id: t.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await attemptAs(w.core, t.token, 'stats.wall', {})).code).toBe('NO_SESSION');
    expect((await w.attempt('admin', 'walls.revokeToken', { id: t.id })).code).toBe('CONFLICT');
  });
});
