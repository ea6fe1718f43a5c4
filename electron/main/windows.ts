import { app, BrowserWindow, screen, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from '../../shared/contract/bridge';

/** The console (a clerk's desk) or the wall (a kiosk on the command center's video wall). */
export type WindowKind = 'console' | 'wall';

const CONSOLE_URL = `${APP_ORIGIN}/index.html`;
/** The renderer's wall route (it routes by hash, which works over app:// and http alike). */
const WALL_URL = `${APP_ORIGIN}/index.html#/wall`;

const ours = new Set<BrowserWindow>();

/** Every window of the app is made here, with the same locked-down web preferences. */
function createAppWindow(url: string, options: Omit<BrowserWindowConstructorOptions, 'webPreferences' | 'show'>): BrowserWindow {
  const win = new BrowserWindow({
    ...options,
    show: false,
    webPreferences: {
      // Bundled next to main.cjs by scripts/build-node.mjs.
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // No developer tools in an installed build: a clerk's console is not a debugging surface.
      devTools: !app.isPackaged,
    },
  });
  ours.add(win);
  win.on('closed', () => ours.delete(win));
  win.once('ready-to-show', () => win.show());
  win.loadURL(url).catch((err: unknown) => console.error(`[window] could not load ${url}`, err));
  return win;
}

export function openConsoleWindow(): BrowserWindow {
  return createAppWindow(CONSOLE_URL, {
    title: '综治网格工作台',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: '#f5f7fa',
  });
}

/**
 * Which displays the wall covers: 'auto' (the external display when there is one, else the primary),
 * 'all' (one kiosk window per display: a multi-screen wall), or display numbers 1… in the OS's order.
 */
export type WallDisplays = 'auto' | 'all' | number[];

/** Parse `--wall-displays auto|all|1,3`; anything else is 'auto'. */
export function parseWallDisplays(value: unknown): WallDisplays {
  if (value === 'all') return 'all';
  if (typeof value === 'string' && /^\d+(,\d+)*$/.test(value)) return value.split(',').map(Number);
  return 'auto';
}

/** One kiosk window full screen on one display: no menus, no frame, the wall route. */
function openWallOn(display: Electron.Display): BrowserWindow {
  const win = createAppWindow(WALL_URL, {
    title: '综治网格工作台 · 大屏',
    ...display.bounds,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#050b18',
  });
  win.removeMenu();
  return win;
}

/** The wall's kiosk windows on the chosen displays (at least one). */
export function openWallWindows(choice: WallDisplays = 'auto'): BrowserWindow[] {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  let chosen: Electron.Display[];
  if (choice === 'all') chosen = displays;
  else if (choice === 'auto') chosen = [displays.find((d) => d.id !== primary.id) ?? primary];
  else chosen = choice.map((n) => displays[n - 1]).filter((d): d is Electron.Display => d !== undefined);
  if (chosen.length === 0) chosen = [primary];
  return chosen.map(openWallOn);
}

/** Full screen on the external display when there is one (the wall), else on the primary display. */
export function openWallWindow(): BrowserWindow {
  return openWallWindows('auto')[0]!;
}

export function openWindow(kind: WindowKind, wallDisplays: WallDisplays = 'auto'): BrowserWindow {
  return kind === 'wall' ? openWallWindows(wallDisplays)[0]! : openConsoleWindow();
}

export function allWindows(): BrowserWindow[] {
  return [...ours];
}

/** True when `contents` belongs to one of the windows this module opened. */
export function isOurWebContents(contents: WebContents): boolean {
  return [...ours].some((w) => !w.isDestroyed() && w.webContents === contents);
}

/** Bring the first window forward (a second launch of the app lands here). */
export function focusFirstWindow(): void {
  const win = [...ours][0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}
