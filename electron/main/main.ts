import { app, dialog } from 'electron';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNodeData, newestGoodBackup, requestRestore, startBackgroundWork } from '../core/bootstrap';
import { consoleLog, createCore, type Core } from '../core/index';
import { bindCoreToIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';
import { focusFirstWindow, openWindow, parseWallDisplays } from './windows';
import { loginItemFor, parseWallAutostart } from './wallAutostart';

/**
 * The desktop shell: lifecycle only. Options, as for the CLI: `--data-dir DIR` (else $GGC_DATA_DIR, else
 * <userData>/data), `--wall` (open the kiosk view for the video wall instead of the console) and
 * `--no-demo` / `--setup` (a fresh data folder opens the first-run setup wizard instead of the demo);
 * `--wall-autostart on|off [--wall-displays all|1,3]` registers (or removes) the wall at login and exits.
 */

// Both must happen before `ready`.
app.enableSandbox();
registerAppScheme();

/** dist/renderer, next to this bundle's folder dist/electron. */
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

// Not strict: Chromium and the OS may add switches of their own.
const { values: options } = parseArgs({
  args: process.argv.slice(1),
  options: { 'data-dir': { type: 'string' }, wall: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, setup: { type: 'boolean' }, 'wall-displays': { type: 'string' }, 'wall-autostart': { type: 'string' } },
  strict: false,
  allowPositionals: true,
});

function dataDir(): string {
  const chosen = options['data-dir'] ?? process.env.GGC_DATA_DIR;
  return typeof chosen === 'string' && chosen !== '' ? path.resolve(chosen) : path.join(app.getPath('userData'), 'data');
}

/** The core once opened (null before): closed on quit. */
let opened: Core | null = null;
/** Settles when the core is open (or failed to); it may still be writing the demo (see nodeData). */
let coreReady: Promise<Core> | null = null;
/** Settles when the node holds its data: a first start writes the demo, shown on the login page meanwhile. */
let nodeData: Promise<void> | null = null;
let unbindIpc: (() => void) | null = null;

async function openCore(dir: string): Promise<Core> {
  const core = await createCore({ dataDir: dir, log: consoleLog });
  opened = core;
  // Not awaited: the window asks system.status and shows the demo's progress until the node is ready.
  // `npm start` from the repository opens the demo; an installed app (or --no-demo / --setup) a real node,
  // which on a fresh data folder opens the first-run setup wizard.
  const demo = !app.isPackaged && options['no-demo'] !== true && options.setup !== true;
  nodeData = ensureNodeData(core, consoleLog, { demoWorker: path.join(__dirname, 'demoWorker.mjs'), demo }).then(() => startBackgroundWork(core));
  return core;
}

function coreReadyOrThrow(): Promise<Core> {
  if (!coreReady) throw new Error('core not opened yet');
  return coreReady;
}

async function fail(err: unknown): Promise<void> {
  consoleLog.error('startup failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  const message = err instanceof Error ? err.message : String(err);
  // A damaged database (quick_check at opening): offer the newest good backup, restored at the relaunch.
  const backup = (err as { code?: unknown }).code === 'DATABASE_CORRUPT' ? await newestGoodBackup(dataDir()).catch(() => null) : null;
  if (backup) {
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: '综治网格工作台无法启动',
      message: '数据库文件已损坏',
      detail: `${message}\n\n可以用最近一次完好的备份（${backup.id}）恢复：原数据库会被移到数据目录的 replaced 文件夹保留，备份之后的改动将丢失。`,
      buttons: ['从该备份恢复并重新启动', '退出'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) {
      try {
        await requestRestore(dataDir(), backup.id, 'desktop');
        app.relaunch();
        app.exit(0);
        return;
      } catch (restoreErr) {
        dialog.showErrorBox('备份恢复失败', restoreErr instanceof Error ? restoreErr.message : String(restoreErr));
      }
    }
  } else {
    dialog.showErrorBox('综治网格工作台无法启动', message);
  }
  app.exit(1);
}

async function start(): Promise<void> {
  const dir = dataDir();
  // The online 天地图 layer is the only network the window may reach, and only while the admin has it on.
  applySecurityPolicy(async (url) => (await coreReadyOrThrow()).allowsRemote(url));
  serveRenderer(
    RENDERER_DIR,
    async (set, z, x, y) => (await coreReadyOrThrow()).readTile(set, z, x, y),
    async () => (await coreReadyOrThrow()).pagePolicy(),
  );
  installMenu({ dataDir: dir });
  // The window loads while the database opens (and, on a first start, the demo is generated);
  // the renderer's first calls simply wait for the core.
  coreReady = openCore(dir);
  unbindIpc = bindCoreToIpc(coreReady);
  // `--wall --wall-displays all` (or 1,3): one kiosk window per display of a multi-screen wall.
  openWindow(options.wall === true ? 'wall' : 'console', parseWallDisplays(options['wall-displays']));
  await coreReady;
  await nodeData;
}

/** Quitting waits for the core to finish opening (a first start writes the demo), then closes it. */
async function closeCore(): Promise<void> {
  unbindIpc?.();
  await coreReady?.catch(() => undefined);
  await nodeData?.catch(() => undefined);
  await opened?.close();
}

const autostart = parseWallAutostart(options['wall-autostart']);
if (autostart) {
  // A one-shot setting for command-room PCs (run once by the installer or the admin), then exit.
  void app.whenReady().then(() => {
    app.setLoginItemSettings(loginItemFor(autostart, options['wall-displays']));
    app.exit(0);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('cn.gov.zongzhi.console');
  app.on('second-instance', () => focusFirstWindow());
  app.on('window-all-closed', () => app.quit());

  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed || !coreReady) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    closeCore()
      .catch((err: unknown) => consoleLog.error('closing the database failed', { error: String(err) }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app.whenReady().then(start).catch((err: unknown) => void fail(err));
}
