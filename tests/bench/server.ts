/**
 * The real server (browser mode) for the UI benches: `node dist/electron/cli.mjs serve` in a fresh
 * process on a port the OS picks, killed by its PID when the bench ends (also when it dies mid-way).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './chromium';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** ms from spawning the process to the first healthy answer. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * A private copy of the built app: the server lists its static files at start, and a rebuild of dist/
 * while a bench runs would break it. Removed by the returned function.
 */
export function privateApp(): { appDir: string; remove: () => void } {
  for (const f of ['dist/electron/cli.mjs', 'dist/renderer/index.html']) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const work = mkdtempSync(path.join(tmpdir(), 'ggc-bench-app-'));
  cpSync('dist/electron', path.join(work, 'app/electron'), { recursive: true });
  cpSync('dist/renderer', path.join(work, 'app/renderer'), { recursive: true });
  // The server's own dependencies (sqlite3, fastify, …) resolve from here.
  symlinkSync(path.resolve('node_modules'), path.join(work, 'node_modules'), 'dir');
  return { appDir: path.join(work, 'app'), remove: () => rmSync(work, { recursive: true, force: true }) };
}

export async function startServer(appDir: string, dataDir: string, extra: string[] = [], timeoutMs = 240_000): Promise<RunningServer> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(appDir, 'electron/cli.mjs'), 'serve', '--data-dir', dataDir, '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, readyMs: performance.now() - t0, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start in ${timeoutMs / 1000} s: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A handler over HTTP, as a script would call it. */
export async function api<T>(url: string, token: string | null, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}
