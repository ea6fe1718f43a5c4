import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { generateDemo } from './generateDemo';
import type { DemoWorkerInput, DemoWorkerMessage } from './demoInWorker';

/**
 * Worker entry (dist/electron/demoWorker.mjs): the demo generated on its own SQLite connection, so the
 * process that started it keeps answering — serving the console and the progress — through seconds of
 * computation. The node's core meanwhile refuses every handler but system.status (startup.ts).
 */
const input = workerData as DemoWorkerInput;
const post = (message: DemoWorkerMessage) => parentPort?.postMessage(message);
const db = openDatabase(input.dbFile);
try {
  await generateDemo(db, { seed: input.seed, onProgress: (phase, percent) => post({ type: 'progress', phase, percent }) });
  post({ type: 'done' });
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
} finally {
  await db.destroy();
}
