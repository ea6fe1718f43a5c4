import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import type { Core } from '../index';

/** The audit log for people: filtered in the core by person, action, record and China-time dates. */
describe('audit.list filters', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
    admin = await signIn(core, 'admin');
    await admin('accounts.create', { username: 'clerk01', displayName: '职员一', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    await admin('accounts.create', { username: 'clerk02', displayName: '职员二', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    await signIn(core, 'director');
  });
  afterAll(async () => cleanup());

  it('by action and record', async () => {
    const created = await admin('audit.list', { action: 'accounts.create' });
    expect(created.entries).toHaveLength(2);
    expect(new Set(created.entries.map((e) => e.action))).toEqual(new Set(['accounts.create']));
    const one = created.entries[0]!;
    const byRecord = await admin('audit.list', { entity: one.entity, entityId: one.entityId ?? '' });
    expect(byRecord.entries.map((e) => e.seq)).toEqual([one.seq]);
  });

  it('by person (name contains, taken literally)', async () => {
    const all = await admin('audit.list', {});
    const director = all.entries.find((e) => e.action === 'session.login' && e.actorName !== all.entries.find((x) => x.action === 'accounts.create')?.actorName);
    expect(director).toBeDefined();
    const mine = await admin('audit.list', { actor: director!.actorName });
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.actorName.includes(director!.actorName))).toBe(true);
    expect((await admin('audit.list', { actor: '%' })).entries).toEqual([]);
  });

  it('by China-time day, both ends inclusive', async () => {
    const { entries } = await admin('audit.list', { limit: 1 });
    const at = new Date(entries[0]!.at);
    const chinaDay = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${chinaDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.parse(`${chinaDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await admin('audit.list', { from: chinaDay, to: chinaDay })).entries.map((e) => e.seq)).toContain(entries[0]!.seq);
    expect((await admin('audit.list', { to: dayBefore })).entries.map((e) => e.seq)).not.toContain(entries[0]!.seq);
    expect((await admin('audit.list', { from: dayAfter })).entries).toEqual([]);
  });
});
