import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DemoPhase } from './generateDemo';

export interface DemoWorkerInput {
  dbFile: string;
  seed: number;
}

export type DemoWorkerMessage = { type: 'progress'; phase: DemoPhase; percent: number } | { type: 'done' } | { type: 'failed'; message: string };

/** Why a worker could not be used (missing file, a runtime that cannot load it); the caller generates in-thread. */
export class DemoWorkerUnavailable extends Error {}

/**
 * Generate the demo into `dbFile` in a worker thread (`workerFile`: the built demoWorker.mjs). Resolves when
 * it is written; rejects with the generator's error, or with DemoWorkerUnavailable when the worker never
 * started (run from sources, or a runtime that cannot load it).
 */
export function generateDemoInWorker(workerFile: string, input: DemoWorkerInput, onProgress: (phase: DemoPhase, percent: number) => void): Promise<void> {
  if (!existsSync(workerFile)) return Promise.reject(new DemoWorkerUnavailable(`${workerFile} not found`));
  return new Promise((resolve, reject) => {
    let started = false;
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    const worker = new Worker(workerFile, { workerData: input satisfies DemoWorkerInput });
    worker.on('message', (m: DemoWorkerMessage) => {
      started = true;
      if (m.type === 'progress') onProgress(m.phase, m.percent);
      else if (m.type === 'done') settle(null);
      else settle(new Error(m.message));
    });
    worker.on('error', (err) => settle(started ? err : new DemoWorkerUnavailable(err.message)));
    worker.on('exit', (code) => settle(code === 0 ? new Error('demo worker exited without finishing') : new Error(`demo worker exited with code ${code}`)));
  });
}
