/**
 * Upward sync, township → county hub over loopback (issue 12): `--size N` timeline events (default
 * 100,000) recorded at a township node, pushed to a hub (a real HTTP server on 127.0.0.1:5462) in the
 * node's own rounds until nothing is pending; and a round with nothing to send, as a median.
 *
 * Baseline, same run: the floor of the hub's work — the same rows inserted into a plain table of a fresh
 * SQLite file in one transaction, chunked as the hub does. (The PouchDB baseline needs PouchDB as a
 * bench-only dev dependency, which is not installed yet.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knex from 'knex';
import type { BenchResult } from './types';
import { percentile, round } from './stats';
import { connect, startHub, startTownship } from '../support/syncWorld';

const PORT = 5462;

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const events = Number(opts.size ?? 100_000);
  const hub = await startHub(PORT);
  const town = await startTownship({ sync: { maxBatchesPerRound: 1_000_000 } });
  try {
    await connect(hub, town);
    await town.round(); // the small world's own rows
    // The events, written as the app writes them (the outbox triggers record each one), not timed.
    const rows = Array.from({ length: events }, (_, i) => ({
      dispute_id: 1,
      at: new Date(Date.UTC(2021, 9, 1) + i * 1000).toISOString(),
      actor_id: null,
      actor_name: '基准测试',
      kind: 'note',
      note: `基准备注 ${i}：双方到场，陈述事实，约定下次调解时间。`,
    }));
    await town.core.db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += 400) await trx('dispute_events').insert(rows.slice(i, i + 400));
    });
    const pending = (await town.admin('sync.status', {})).pending;
    if (pending < events) throw new Error(`only ${pending} operations recorded for ${events} events`);

    const t0 = performance.now();
    await town.round();
    const pushMs = performance.now() - t0;
    const after = await town.admin('sync.status', {});
    if (after.pending !== 0 || after.lastError) throw new Error(`push did not finish: ${JSON.stringify(after)}`);
    const held: Array<{ n: number }> = await hub.core.db('sync_replica').where({ entity: 'event' }).count({ n: '*' });
    if (Number(held[0]?.n) < events) throw new Error(`hub holds ${held[0]?.n} events of ${events}`);

    const empty: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await town.round();
      empty.push(performance.now() - s);
    }

    const baselineMs = await plainInsert(rows);
    return [
      {
        name: `push ${events.toLocaleString('en')} case events township → county (loopback)`,
        value: round(pushMs / 1000, 2),
        unit: 's',
        samples: 1,
        target: round(20 * (events / 100_000), 2),
        better: 'lower',
        baseline: { name: 'plain SQLite insert of the same rows, one transaction', value: round(baselineMs / 1000, 2), samples: 1 },
        note: `${round(events / (pushMs / 1000), 0)} operations/s`,
      },
      { name: 'a round with nothing to send (median of 50)', value: round(percentile(empty, 50), 2), unit: 'ms', samples: empty.length, target: 50, better: 'lower' },
    ];
  } finally {
    await town.cleanup();
    await hub.cleanup();
  }
}

async function plainInsert(rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-sync-'));
  const db = knex({ client: 'sqlite3', connection: { filename: path.join(dir, 'plain.sqlite') }, useNullAsDefault: true });
  try {
    await db.schema.createTable('events', (t) => {
      t.string('key').primary();
      t.text('data').notNullable();
    });
    const t0 = performance.now();
    await db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += 100) {
        await trx('events').insert(rows.slice(i, i + 100).map((r, j) => ({ key: `n:${i + j}`, data: JSON.stringify(r) })));
      }
    });
    return performance.now() - t0;
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
