import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../index';
import { ensureNodeData } from '../bootstrap';
import { seedSmallWorld, tempCore, TEST_PASSWORD } from '../../../tests/support/tempCore';

describe('a starting node', () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ core, cleanup } = await tempCore());
    await seedSmallWorld(core);
  });
  afterAll(() => cleanup());

  it('answers system.status with its progress and refuses every other handler until it is ready', async () => {
    core.startup.begin('generating');
    core.startup.progress('disputes', 42.7);
    expect(await core.invoke('system.status', {})).toEqual({ ok: true, value: { state: 'generating', step: 'disputes', percent: 42, message: null } });
    for (const name of ['system.info', 'session.login', 'queue.query']) {
      const refused = await core.invoke(name, { username: 'admin', password: TEST_PASSWORD });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NODE_STARTING' } });
      if (!refused.ok) expect(refused.error.message).toContain('42%');
    }
    // Progress never runs backwards, and 100 only when ready.
    core.startup.progress('insert', 30);
    core.startup.progress('searchIndex', 100);
    expect(core.startup.status()).toMatchObject({ step: 'searchIndex', percent: 99 });

    core.startup.ready();
    expect(await core.invoke('system.status', {})).toEqual({ ok: true, value: { state: 'ready', step: null, percent: 100, message: null } });
    expect(await core.invoke('session.login', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it('keeps refusing, with the reason, when the start failed', async () => {
    core.startup.begin('generating');
    core.startup.failed('disk full');
    expect(await core.invoke('system.status', {})).toMatchObject({ ok: true, value: { state: 'failed', message: 'disk full' } });
    expect(await core.invoke('system.info', {})).toMatchObject({ ok: false, error: { code: 'NODE_STARTING', message: '节点启动失败：disk full' } });
    core.startup.ready();
  });

  it('closes the door before its first await, and opens it at once on a node that holds data', async () => {
    const done = ensureNodeData(core);
    // A request arriving right after serve() starts listening must not reach the handlers yet.
    expect(core.startup.status().state).toBe('opening');
    await done;
    expect(core.startup.status().state).toBe('ready');
  });
});
