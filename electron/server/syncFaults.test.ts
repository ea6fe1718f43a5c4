import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTransport } from '../core/index';
import { until } from '../../tests/support/until';
import { appliedAtHub, connect, replica, startHub, startTownship, type HubNode, type TownshipNode } from '../../tests/support/syncWorld';

/**
 * Jepsen-style fault harness for upward sync: one township node pushing to a county hub over loopback
 * while the link drops requests, loses answers, delivers requests twice and late (out of order), the hub
 * goes down and the node is killed and restarted mid-round. At the end, with the link healed, every
 * change the node saw saved must have reached the hub exactly once and the hub must hold the node's data
 * as it is.
 *
 * SYNC_FAULT_SEED=<n> replays a run; SYNC_FAULT_STEPS=<n> runs longer (default 120 steps, a few seconds).
 */

const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20261130);
const STEPS = Number(process.env.SYNC_FAULT_STEPS ?? 120);

/** mulberry32: a small seeded PRNG, so a failing run replays exactly from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = 'drop' | 'loseAnswer' | 'duplicate' | 'delay' | 'lateDelivery' | 'hubDown' | 'killNode';

interface Held {
  url: string;
  init: Parameters<SyncTransport>[1];
}

let hub: HubNode;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub.cleanup();
});

describe(`sync under faults (seed ${SEED}, ${STEPS} steps)`, () => {
  it('loses nothing and applies nothing twice', async () => {
    const rand = prng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const faults: Record<Fault, number> = { drop: 0, loseAnswer: 0, duplicate: 0, delay: 0, lateDelivery: 0, hubDown: 0, killNode: 0 };
    const held: Held[] = [];
    let healed = false;
    const send = (url: string, init: Held['init']) => fetch(url, { ...init, body: Buffer.from(init.body) });

    // A kill armed by the harness: the next request is (or is not) delivered, then the node dies before
    // it hears the answer. Deterministic, so a seed replays the same run.
    let killPoint: { deliver: boolean; reached: () => void } | null = null;
    const faulty: SyncTransport = async (url, init) => {
      if (killPoint) {
        const k = killPoint;
        killPoint = null;
        if (k.deliver) await send(url, { ...init, signal: new AbortController().signal }).catch(() => undefined);
        k.reached();
        await new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('fault: node killed')), { once: true }));
      }
      if (!healed && held.length > 0 && rand() < 0.3) {
        // A request held back earlier arrives now, after newer ones: out of order.
        const late = held.splice(Math.floor(rand() * held.length), 1)[0]!;
        faults.lateDelivery++;
        await send(late.url, late.init).catch(() => undefined);
      }
      const r = healed ? 1 : rand();
      if (r < 0.12) {
        faults.drop++;
        throw new Error('fault: request dropped');
      }
      if (r < 0.22) {
        faults.delay++;
        // Already on the wire: the node giving up (or dying) does not call it back.
        held.push({ url, init: { ...init, signal: new AbortController().signal } });
        throw new Error('fault: request delayed (timed out at the node)');
      }
      if (r < 0.34) {
        faults.loseAnswer++;
        await send(url, init);
        throw new Error('fault: answer lost');
      }
      if (r < 0.44) {
        faults.duplicate++;
        await send(url, init);
        return send(url, init);
      }
      return send(url, init);
    };

    let town: TownshipNode = await startTownship({ sync: { transport: faulty, batchSize: 7 } });
    await connect(hub, town);
    const notes: string[] = [];
    const before = await appliedAtHub(hub.core);
    let writes = 0;
    let rounds = 0;
    let failedRounds = 0;

    for (let step = 0; step < STEPS; step++) {
      const action = pick(['write', 'write', 'write', 'round', 'round', 'hub', 'kill'] as const);
      if (action === 'write') {
        const n = Math.floor(rand() * 3) + 1;
        for (let i = 0; i < n; i++) {
          const kind = pick(['note', 'mediation', 'edit'] as const);
          if (kind === 'note') {
            const text = `故障测试备注 ${step}-${i}`;
            await town.admin('disputes.addNote', { id: 1, note: text });
            notes.push(text); // saved: the node said so
          } else if (kind === 'mediation') {
            await town.admin('disputes.recordMediation', { id: 1, sessionAt: '2021-10-29T10:00:00+08:00', content: `故障测试调解 ${step}-${i}` });
          } else {
            await town.core.db('disputes').where({ id: 1 }).update({ address: `地址 ${step}-${i}` });
          }
          writes++;
        }
      } else if (action === 'round') {
        rounds++;
        await town.round().catch(() => failedRounds++);
      } else if (action === 'hub') {
        faults.hubDown++;
        await hub.stop();
        await town.round().catch(() => failedRounds++);
        await hub.listen();
      } else {
        // Killed mid-round: the node's own scheduled round has sent a batch (or had it dropped) and waits
        // for the answer when its core closes; if nothing was pending, killed after the round.
        faults.killNode++;
        let reached = false;
        killPoint = { deliver: rand() < 0.5, reached: () => (reached = true) };
        const task = () => town.core.node.jobs.schedule.status().find((t) => t.name === 'sync.round')!;
        const runsBefore = task().runs;
        town.core.node.jobs.schedule.runNow('sync.round');
        await until(() => reached || task().runs > runsBefore, 10_000, 'the round to reach the kill point');
        killPoint = null;
        await town.core.close();
        town = await startTownship({ dir: town.dir, sync: { transport: faulty, batchSize: 7 } });
      }
    }

    // Heal the link; late requests still in flight arrive too.
    healed = true;
    for (const late of held.splice(0)) await send(late.url, late.init).catch(() => undefined);
    for (let i = 0; i < 100 && (await town.admin('sync.status', {})).pending > 0; i++) await town.round();
    const status = await town.admin('sync.status', {});
    const outbox = Number(((await town.core.db('sync_outbox').count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
    const applied = (await appliedAtHub(hub.core)) - before;

    console.log(
      `sync faults seed=${SEED} steps=${STEPS}: ${writes} writes, ${outbox} operations, ${rounds} rounds (${failedRounds} failed); faults ${JSON.stringify(faults)}; applied at hub ${applied}`,
    );
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(applied).toBe(outbox); // every operation exactly once
    const events = [...(await replica(hub.core, 'event')).values()].map((e) => e.note);
    for (const note of notes) expect(events).toContain(note);
    expect(events.filter((n) => typeof n === 'string' && n.startsWith('故障测试备注'))).toHaveLength(notes.length);
    const local = (await town.core.db('disputes').where({ id: 1 }).first('address')) as { address: string };
    expect((await replica(hub.core, 'case')).get('T-1')?.address).toBe(local.address);
    const mediations = (await town.core.db('dispute_mediation_records').count({ n: '*' })) as Array<{ n: number }>;
    expect((await replica(hub.core, 'mediation')).size).toBe(Number(mediations[0]!.n));
    expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await town.cleanup();
  });
});
