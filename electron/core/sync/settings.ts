/**
 * How one node syncs: createCore's `sync` option, kept on the node's state (never a module global) so
 * tests and the fault harness can give each core its own transport and clock.
 */
export type SyncTransport = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: Uint8Array; signal: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface SyncOptions {
  /** How a push reaches the hub (default: fetch). The fault harness drops, repeats and reorders here. */
  transport?: SyncTransport;
  /** Real time in Unix ms for request timestamps and the hub's skew checks (default Date.now). */
  wallNow?: () => number;
  /** Operations per batch (default 500). */
  batchSize?: number;
  /** Batches per round at most (default 200); the next round carries on. */
  maxBatchesPerRound?: number;
  /** Hub: how far ahead of its clock a request or an operation may be (default 5 minutes). */
  maxFutureMs?: number;
  /** Hub: how old a request may be (default 10 minutes): a replayed capture is refused. */
  maxAgeMs?: number;
  /** Client: how long one push may take (default 60 s). */
  requestTimeoutMs?: number;
}

export type SyncSettings = Required<SyncOptions>;

export function syncSettings(opts: SyncOptions = {}): SyncSettings {
  return {
    transport: opts.transport ?? (async (url, init) => fetch(url, { ...init, body: Buffer.from(init.body) })),
    wallNow: opts.wallNow ?? Date.now,
    batchSize: opts.batchSize ?? 500,
    maxBatchesPerRound: opts.maxBatchesPerRound ?? 200,
    maxFutureMs: opts.maxFutureMs ?? 5 * 60_000,
    maxAgeMs: opts.maxAgeMs ?? 10 * 60_000,
    requestTimeoutMs: opts.requestTimeoutMs ?? 60_000,
  };
}
