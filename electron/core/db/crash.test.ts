import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';

/**
 * Crash safety, proven: a child process runs the core and writes through the door without pause; it is
 * SIGKILLed at random moments (mid-transaction, mid-checkpoint, during opening) and restarted on the same
 * file. Every write the child acknowledged (its call answered, so it committed) must be there at the end,
 * `PRAGMA integrity_check` must say ok and the audit chain must verify.
 *
 * 30 kills by default (CI); more from the command line: GGC_CRASH_KILLS=200 npx vitest run electron/core/db/crash.test.ts
 */
const KILLS = Math.max(1, Number(process.env.GGC_CRASH_KILLS ?? 30));
const repo = path.resolve(import.meta.dirname, '../../..');
const childFile = path.join(repo, '.tmp', `crash-child-${process.pid}.mjs`);

beforeAll(async () => {
  mkdirSync(path.dirname(childFile), { recursive: true });
  // Bundled once, so each restart costs a Node start and the core's opening, not a TypeScript compile.
  await build({
    entryPoints: [path.join(repo, 'tests/support/crashChild.ts')],
    outfile: childFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['knex', 'sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(childFile, { force: true }));

/** A small deterministic PRNG, so a failing run can be replayed with the same kill points. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  acked: string[];
  killedAt: 'opening' | 'writing';
}

/** Start the child; kill it after `afterAcks` acknowledged writes, or `openingMs` after spawning (null: wait for acks). */
function runOnce(dir: string, runId: number, disputeId: number, afterAcks: number, openingMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dir, String(runId), String(disputeId)], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    let killedAt: Run['killedAt'] = 'writing';
    const kill = (when: Run['killedAt']) => {
      if (killed) return;
      killed = true;
      killedAt = when;
      child.kill('SIGKILL');
    };
    const guard = setTimeout(() => kill('writing'), 20_000);
    if (openingMs !== null) setTimeout(() => kill(acked.length === 0 ? 'opening' : 'writing'), openingMs);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        // An ack read after the kill was still written (and committed) before it: it counts.
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (openingMs === null && acked.length >= afterAcks) kill('writing');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && killed) resolve({ acked, killedAt });
      else reject(new Error(`child ended by itself (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write and an intact database across ${KILLS} SIGKILLs during a stream of writes`, { timeout: KILLS * 4000 + 60_000 }, async () => {
    const { core, dir, cleanup } = await tempCore();
    await seedSmallWorld(core);
    const disputeId = ((await core.db('disputes').where({ case_no: 'T-1' }).first('id')) as { id: number }).id;
    await core.close();

    const random = prng(Number(process.env.GGC_CRASH_SEED ?? 20211029));
    const acked: string[] = [];
    let duringOpening = 0;
    for (let k = 0; k < KILLS; k++) {
      // Every fifth kill lands at a random moment from the start (often while the node opens); the rest after a random number of writes.
      const run = k % 5 === 4 ? await runOnce(dir, k, disputeId, 0, Math.floor(random() * 400)) : await runOnce(dir, k, disputeId, 1 + Math.floor(random() * 40), null);
      acked.push(...run.acked);
      if (run.killedAt === 'opening') duringOpening += 1;
    }

    const { core: after } = await tempCore({ dir });
    try {
      const [{ integrity_check }] = (await after.db.raw('PRAGMA integrity_check')) as [{ integrity_check: string }];
      expect(integrity_check).toBe('ok');
      const stored = new Set(((await after.db('dispute_events').where({ kind: 'note' }).select('note')) as Array<{ note: string }>).map((r) => r.note));
      const lost = acked.filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
      expect(acked.length).toBeGreaterThan(KILLS);
      const verdict = await (await signIn(after, 'admin'))('audit.verify', {});
      expect(verdict).toMatchObject({ ok: true, problems: [] });
      console.log(`crash test: ${KILLS} kills (${duringOpening} before the first write), ${acked.length} writes acknowledged, ${acked.length - lost.length} found, ${stored.size} notes stored, audit chain ${verdict.checked} entries ok`);
    } finally {
      await after.close();
      await cleanup();
    }
  });
});
