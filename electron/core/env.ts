import type { Clock } from './clock';

/** What the core knows about where and when it runs: handlers, jobs and the node's state all read it. */
export interface CoreLog {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

export interface CoreEnv {
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  clock: Clock;
  log: CoreLog;
}
