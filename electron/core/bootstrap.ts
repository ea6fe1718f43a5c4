import type { Core } from './index';
import { nodeClock } from './index';
import type { CoreLog } from './context';
import { DEFAULT_DEMO_SEED, generateDemo } from './demo/generateDemo';
import { warmMapCaches } from './map/warm';

export { DEFAULT_DEMO_SEED };

/** True when the node has no divisions yet: a first start. */
export async function isEmptyNode(core: Core): Promise<boolean> {
  const row = await core.db('divisions').first('code');
  return !row;
}

/**
 * First start: a node with no data gets the demo (PRODUCT.md: `npm start` on a fresh machine opens a
 * console with a realistic demo). A real installation imports its divisions instead; first-run setup for
 * that arrives with the install issue.
 */
export async function ensureNodeData(core: Core, log: CoreLog = core.env.log): Promise<void> {
  if (!(await isEmptyNode(core))) return;
  const started = Date.now();
  log.info('空数据库：正在生成演示数据（首次启动）…');
  await generateDemo(core.db, { seed: DEFAULT_DEMO_SEED });
  if (!core.clockFixedByCaller) core.env.clock = await nodeClock(core.db);
  log.info(`演示数据已生成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
}

/** Fire-and-forget work that makes the first screens fast once the node is serving (never delays start). */
export function warmCachesInBackground(core: Core, log: CoreLog = core.env.log): void {
  warmMapCaches(core.db).catch((err: unknown) => log.warn('map cache warm-up failed', { error: err instanceof Error ? err.message : String(err) }));
}
