import type { AuditVerifyResult } from '../../shared/contract/audit';
import type { Core } from './index';
import { nodeClock } from './index';
import type { CoreLog } from './env';
import { verifyAuditChain } from './audit/auditLog';
import { DEFAULT_DEMO_SEED, generateDemo, type DemoOptions, type DemoSummary } from './demo/generateDemo';

/**
 * The node's life outside user calls, for the shells (electron/main) and the CLI (electron/server): first
 * start, demo data, starting background work, checking the audit chain. With core/index.ts, the only
 * part of the core they may import (eslint.config.js).
 */

export { DEFAULT_DEMO_SEED };

/** True when the node has no divisions yet: a first start. */
export async function isEmptyNode(core: Core): Promise<boolean> {
  const row = await core.db('divisions').first('code');
  return !row;
}

/**
 * First start: a node with no data gets the demo (`npm start` on a fresh machine opens a console with a
 * realistic demo). A real installation imports its divisions instead; first-run setup for that arrives
 * with the install work.
 */
export async function ensureNodeData(core: Core, log: CoreLog = core.env.log): Promise<void> {
  if (!(await isEmptyNode(core))) return;
  const started = Date.now();
  log.info('空数据库：正在生成演示数据（首次启动）…');
  await generateDemo(core.db, { seed: DEFAULT_DEMO_SEED });
  if (!core.clockFixedByCaller) core.env.clock = await nodeClock(core.db);
  log.info(`演示数据已生成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
}

/** Generate the demo into an empty node (the CLI's `demo` command). */
export async function generateDemoData(core: Core, opts: DemoOptions): Promise<DemoSummary> {
  return generateDemo(core.db, opts);
}

/**
 * Start the node's periodic work (jobs service): map caches warmed at once, so the first screens are
 * fast; the search catch-up and job retention on their schedules. Never delays the start.
 */
export function startBackgroundWork(core: Core): void {
  core.node.jobs.schedule.start();
}

/** Walk the hash-chained audit log (the CLI's `audit-verify`). */
export function verifyAudit(core: Core): Promise<AuditVerifyResult> {
  return verifyAuditChain(core.db);
}
