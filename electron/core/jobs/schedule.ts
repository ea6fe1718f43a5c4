import type { CoreLog } from '../env';
import type { PeriodicTask, WorkContext } from './jobKinds';

/** Where a periodic task stands (tests, and an admin page later). */
export interface TaskStatus {
  name: string;
  runs: number;
  /** Failures in a row since the last success. */
  failures: number;
  lastError: string | null;
  /** The wait before the next run, as last scheduled: everyMs, or longer while failing. */
  nextDelayMs: number;
  running: boolean;
}

interface Entry {
  task: PeriodicTask;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  /** Asked to run while running: run once more right after. */
  again: boolean;
  status: TaskStatus;
}

/**
 * The periodic tasks of one node. Each runs alone (never twice at once), then waits `everyMs`; after a
 * failure the wait doubles, up to `maxBackoffMs`, and a success restores it. Timers do not keep the
 * process alive; `close()` stops them, aborts a running task's signal and waits for it.
 */
export class Schedule {
  private readonly entries: Entry[];
  private readonly controller = new AbortController();
  private started = false;
  private closed = false;

  constructor(
    tasks: readonly PeriodicTask[],
    private readonly contextFor: (signal: AbortSignal) => WorkContext,
    private readonly log: CoreLog,
  ) {
    this.entries = tasks.map((task) => ({
      task,
      timer: null,
      running: null,
      again: false,
      status: { name: task.name, runs: 0, failures: 0, lastError: null, nextDelayMs: task.firstRunMs ?? 0, running: false },
    }));
  }

  /** Begin running the tasks (the shells do, once the node serves; tests usually do not). */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    for (const e of this.entries) this.arm(e, e.task.firstRunMs ?? 0);
  }

  /** Run a task as soon as possible (e.g. the search catch-up after a bulk write), started or not. */
  runNow(name: string): void {
    const e = this.entry(name);
    if (this.closed) return;
    if (e.running) {
      e.again = true;
      return;
    }
    this.arm(e, 0);
  }

  status(): TaskStatus[] {
    return this.entries.map((e) => ({ ...e.status }));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.controller.abort('shutdown');
    for (const e of this.entries) if (e.timer) clearTimeout(e.timer);
    await Promise.all(this.entries.map((e) => e.running));
  }

  private entry(name: string): Entry {
    const e = this.entries.find((x) => x.task.name === name);
    if (!e) throw new Error(`no periodic task named ${name}`);
    return e;
  }

  private arm(e: Entry, delay: number): void {
    if (e.timer) clearTimeout(e.timer);
    e.status.nextDelayMs = delay;
    e.timer = setTimeout(() => void this.fire(e), delay);
    e.timer.unref();
  }

  private async fire(e: Entry): Promise<void> {
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    if (this.closed || e.running) return;
    e.status.running = true;
    e.running = this.runTask(e);
    await e.running;
    e.running = null;
    e.status.running = false;
    if (this.closed || !this.started) return;
    const { everyMs, maxBackoffMs = everyMs * 32 } = e.task;
    const delay = e.again ? 0 : e.status.failures > 0 ? Math.min(everyMs * 2 ** e.status.failures, maxBackoffMs) : everyMs;
    e.again = false;
    this.arm(e, delay);
  }

  private async runTask(e: Entry): Promise<void> {
    try {
      await e.task.run(this.contextFor(this.controller.signal));
      e.status.failures = 0;
      e.status.lastError = null;
    } catch (err) {
      if (this.closed) return;
      e.status.failures += 1;
      e.status.lastError = err instanceof Error ? err.message : String(err);
      this.log.warn(`periodic task ${e.task.name} failed (${e.status.failures} in a row)`, { error: e.status.lastError });
    } finally {
      e.status.runs += 1;
    }
  }
}
