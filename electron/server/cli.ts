import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AUDIT_KEY_FILE, createCore, DATABASE_FILE, consoleLog } from '../core/index';
import { backupNode, ensureNodeData, DEFAULT_DEMO_SEED, generateDemoData, listNodeBackups, restoreNode, startBackgroundWork, verifyAudit } from '../core/bootstrap';
import { createHttpServer } from './http';

const HELP = `综治网格工作台 — 命令行 (Grid Governance Console CLI)

用法 Usage: node dist/electron/cli.mjs <command> [options]

  serve          启动浏览器模式服务 (the core over HTTP + WebSocket, serving the built console)
                   --data-dir DIR   数据目录 (default: $GGC_DATA_DIR or ./data)
                   --host HOST      监听地址 (default 127.0.0.1; another address exposes it on the LAN)
                   --port PORT      端口 (default 5180; 0 picks a free one)
                   --reset          删除数据目录中的数据库后重新生成演示数据 (fresh demo)
                   --setup, --no-demo  新数据目录不生成演示数据，打开首次设置向导 (a real node: first-run setup)
                   --login-rate N   每个客户端每分钟最多登录尝试次数 (login attempts per client per minute; default 20)
  demo           重新生成演示数据 (regenerate the demo into the data dir)
                   --data-dir DIR, --seed N, --force (replace an existing database)
                   --real-divisions CSV [--real-outlines GEOJSON]  用真实区划名称/代码与县界
  audit-verify   校验审计日志哈希链 (verify the audit chain and the heads kept with the backups; exit 1 on any problem)
                   --data-dir DIR
  backup         立即备份 (an online backup: VACUUM INTO, integrity_check, attachments, audit head)
                   --data-dir DIR, --note TEXT
  backups        列出备份 (list the node's backups, newest first)
                   --data-dir DIR
  restore        从备份恢复（须先停止服务）(restore a backup; stop the node first)
                   --data-dir DIR, --backup ID|FOLDER  (备份编号，或 U 盘上的备份文件夹)
                   原数据库移到 数据目录/replaced/ 保留 (the replaced database is kept in replaced/)
`;

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');

function dataDirOf(v: string | undefined): string {
  return path.resolve(v ?? process.env.GGC_DATA_DIR ?? 'data');
}

/**
 * A fresh database starts a fresh audit chain under a new key. The old key is kept in replaced/ (with it,
 * the backups of the old database can still be restored and verified); the backups themselves stay.
 */
function removeDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dataDir, DATABASE_FILE + suffix), { force: true });
  const key = path.join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(key)) {
    const kept = path.join(dataDir, 'replaced', `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-reset`);
    mkdirSync(kept, { recursive: true });
    renameSync(key, path.join(kept, AUDIT_KEY_FILE));
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      reset: { type: 'boolean' },
      setup: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'login-rate': { type: 'string' },
    },
  });
  const dataDir = dataDirOf(values['data-dir']);
  const loginRate = values['login-rate'] === undefined ? undefined : Number(values['login-rate']);
  if (loginRate !== undefined && !(Number.isInteger(loginRate) && loginRate > 0)) throw new Error(`--login-rate 须为正整数 (got ${values['login-rate']})`);
  if (values.reset) removeDatabase(dataDir);
  const core = await createCore({ dataDir });
  // Serve at once: until the node's data is there (a first start writes the demo, after listening so the
  // demo's worker does not delay it) the core answers system.status, with progress, and refuses the rest.
  core.startup.begin('opening');
  const host = values.host ?? '127.0.0.1';
  const port = Number(values.port ?? 5180);
  const server = await createHttpServer(core, { host, port, staticDir: rendererDir, loginAttemptsPerMinute: loginRate });
  const address = await server.listen({ host, port });
  const url = new URL(address);
  console.log(`综治网格工作台（浏览器模式）已启动：${url.protocol}//${host === '0.0.0.0' ? '127.0.0.1' : host}:${url.port}/`);
  console.log(`数据目录 data dir: ${dataDir}`);
  const demo = !(values.setup || values['no-demo']);
  ensureNodeData(core, core.env.log, { demoWorker: path.join(here, 'demoWorker.mjs'), demo }).then(
    () => startBackgroundWork(core),
    (err: unknown) => {
      consoleLog.error(`节点启动失败 (start failed): ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean' },
      'real-divisions': { type: 'string' },
      'real-outlines': { type: 'string' },
    },
  });
  const dataDir = dataDirOf(values['data-dir']);
  if (existsSync(path.join(dataDir, DATABASE_FILE))) {
    if (!values.force) {
      console.error(`${path.join(dataDir, DATABASE_FILE)} 已存在。加 --force 以删除并重新生成（现有数据将丢失）。`);
      process.exit(2);
    }
    removeDatabase(dataDir);
  }
  const started = Date.now();
  const core = await createCore({ dataDir });
  try {
    const real = values['real-divisions']
      ? { divisionsCsv: path.resolve(values['real-divisions']), ...(values['real-outlines'] ? { countiesGeojson: path.resolve(values['real-outlines']) } : {}) }
      : undefined;
    const summary = await generateDemoData(core, { seed: Number(values.seed ?? DEFAULT_DEMO_SEED), ...(real ? { real } : {}) });
    console.log(JSON.stringify(summary, null, 2));
    console.log(`演示数据已生成：${dataDir}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  } finally {
    await core.close();
  }
}

async function auditVerify(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
  const core = await createCore({ dataDir: dataDirOf(values['data-dir']) });
  try {
    const result = await verifyAudit(core);
    if (result.ok) {
      console.log(`审计日志完整：共校验 ${result.checked} 条，链头 #${result.headSeq}`);
    } else {
      console.error(`审计日志被篡改！共校验 ${result.checked} 条，发现 ${result.problems.length} 处问题：`);
      for (const p of result.problems) console.error(`  #${p.seq} [${p.kind}] ${p.message}`);
      process.exitCode = 1;
    }
  } finally {
    await core.close();
  }
}

async function backup(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, note: { type: 'string' } } });
  const core = await createCore({ dataDir: dataDirOf(values['data-dir']) });
  try {
    const { id, dir, secondCopy } = await backupNode(core, values.note ?? null);
    console.log(`备份完成（已通过完整性检查）：${id}\n  ${dir}${secondCopy ? `\n  第二份：${secondCopy}` : ''}`);
  } finally {
    await core.close();
  }
}

async function backups(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
  const list = listNodeBackups(dataDirOf(values['data-dir']));
  if (list.length === 0) console.log('没有备份 (no backups)');
  for (const b of list) {
    if ('problem' in b) console.log(`${b.id}  不可用：${b.problem}`);
    else console.log(`${b.id}  ${b.createdAt}  ${b.reason}  ${(b.dbBytes / 1048576).toFixed(1)} MB  附件 ${b.attachments}  审计链头 #${b.auditHeadSeq ?? '-'}`);
  }
}

async function restore(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, backup: { type: 'string' } } });
  if (!values.backup) {
    console.error('请用 --backup 指定备份编号或备份文件夹（cli.mjs backups 可列出备份）');
    process.exit(2);
  }
  const dataDir = dataDirOf(values['data-dir']);
  const { id, replaced } = await restoreNode(dataDir, values.backup, 'cli', () => createCore({ dataDir }));
  console.log(`已从备份 ${id} 恢复。${replaced ? `原数据库保存在 ${replaced}` : ''}`);
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { serve, demo, 'audit-verify': auditVerify, backup, backups, restore };
const run = command ? commands[command] : undefined;
if (!run) {
  console.log(HELP);
  process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
} else {
  run(rest).catch((err: unknown) => {
    consoleLog.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
