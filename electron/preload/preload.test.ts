import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE, type GridConsoleBridge } from '../../shared/contract/bridge';

/**
 * The preload without an Electron binary: `electron` is replaced by recorders, the preload is imported
 * (it exposes the bridge at load, as in the sandboxed renderer), and the bridge is called as the page would.
 */
type IpcListener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  answer: (async () => ({ ok: true, value: 'from main' })) as (...args: unknown[]) => Promise<unknown>,
  listeners: new Map<string, Set<IpcListener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return fake.answer(...args);
    },
    on: (channel: string, l: IpcListener) => fake.listeners.set(channel, (fake.listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel: string, l: IpcListener) => fake.listeners.get(channel)?.delete(l),
  },
}));

await import('./preload');
const bridge = fake.exposed.get('gridConsole') as GridConsoleBridge;

beforeEach(() => {
  fake.invoked.length = 0;
  fake.answer = async () => ({ ok: true, value: 'from main' });
});

describe('the preload bridge', () => {
  it('exposes one object, window.gridConsole, with invoke and onEvent only (never ipcRenderer)', () => {
    expect([...fake.exposed.keys()]).toEqual(['gridConsole']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('forwards a contract name on the one invoke channel, with a string token or null', async () => {
    expect(await bridge.invoke('system.info', { a: 1 }, 'tok')).toEqual({ ok: true, value: 'from main' });
    expect(await bridge.invoke('session.me', {}, { not: 'a token' } as unknown as string)).toEqual({ ok: true, value: 'from main' });
    expect(fake.invoked).toEqual([
      [IPC_INVOKE, 'system.info', { a: 1 }, 'tok'],
      [IPC_INVOKE, 'session.me', {}, null],
    ]);
  });

  it('refuses a name outside the contract without sending anything', async () => {
    for (const name of ['fs.readFile', '__proto__', 'constructor', 'toString', '']) {
      const r = await bridge.invoke(name, {}, 'tok');
      expect(r, name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
    expect(fake.invoked).toEqual([]);
  });

  it('answers INTERNAL, without the main process error, when the channel fails', async () => {
    fake.answer = async () => {
      throw new Error('No handler registered for core:invoke at /secret/path');
    };
    const r = await bridge.invoke('system.info', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('hands the page (name, payload) from the event channel only, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.onEvent((name, payload) => got.push([name, payload]));
    expect([...fake.listeners.keys()]).toEqual([IPC_EVENT]);
    const fire = (...args: unknown[]) => {
      for (const l of fake.listeners.get(IPC_EVENT) ?? []) l({ sender: 'ipc event object' }, ...args);
    };
    fire('data.changed', { entity: 'grid' });
    fire(42, { entity: 'dropped: not a name' });
    expect(got).toEqual([['data.changed', { entity: 'grid' }]]);
    off();
    fire('data.changed', { entity: 'after unsubscribe' });
    expect(got).toHaveLength(1);
    expect(fake.listeners.get(IPC_EVENT)?.size).toBe(0);
  });
});
