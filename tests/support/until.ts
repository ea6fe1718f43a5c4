/**
 * Wait until `condition` holds, checking every few milliseconds, or fail after `timeoutMs` — for work the
 * core does in the background (jobs, periodic tasks), where a test must await a state, never sleep.
 */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
