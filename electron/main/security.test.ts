import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The shell's deny-by-default policy (security.ts) without an Electron binary: `electron` is replaced by
 * recorders for the handlers security.ts installs, and each handler is then called the way Electron
 * would call it (a navigation, a pop-up, a permission prompt, a request to the network).
 */
type Listener = (event: { url: string; preventDefault: () => void }) => void;
interface RequestDetails {
  url: string;
  resourceType: string;
}

const fake = vi.hoisted(() => ({
  onWebContentsCreated: null as null | ((event: unknown, contents: unknown) => void),
  permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  devicePermission: null as null | ((...args: unknown[]) => boolean),
  beforeRequest: null as null | { filter: { urls: string[] }; handler: (details: RequestDetails, callback: (r: { cancel: boolean }) => void) => void },
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  app: { on: (name: string, h: typeof fake.onWebContentsCreated) => name === 'web-contents-created' && (fake.onWebContentsCreated = h) },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionRequest) => (fake.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
      setDevicePermissionHandler: (h: typeof fake.devicePermission) => (fake.devicePermission = h),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, handler: NonNullable<typeof fake.beforeRequest>['handler']) => (fake.beforeRequest = { filter, handler }) },
    },
  },
}));

const { applySecurityPolicy } = await import('./security');

/** A WebContents as far as security.ts touches it: its window-open handler and its event listeners. */
class FakeContents {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  listeners = new Map<string, Listener>();
  setWindowOpenHandler(h: NonNullable<FakeContents['openHandler']>) {
    this.openHandler = h;
  }
  on(name: string, l: Listener) {
    this.listeners.set(name, l);
  }
  /** Fire an event the way Electron does; true when the handler prevented the default (refused). */
  fire(name: string, url: string): boolean {
    let prevented = false;
    const listener = this.listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const tileHost = 'https://t3.tianditu.gov.cn/';
const contents = new FakeContents();

beforeAll(() => {
  // The online-tile answer the main process gives: only 天地图 tiles (the real one also asks the core whether WMTS is on).
  applySecurityPolicy(async (url) => url.startsWith(tileHost));
  fake.onWebContentsCreated!({}, contents);
});
beforeEach(() => {
  fake.opened.length = 0;
});

describe('navigation', () => {
  it('stays on app://console and refuses to navigate or redirect anywhere else', () => {
    expect(contents.fire('will-navigate', 'app://console/index.html#/queue')).toBe(false);
    expect(contents.fire('will-redirect', 'app://console/index.html')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5180/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
  });

  it('refuses every <webview>', () => {
    expect(contents.fire('will-attach-webview', 'app://console/index.html')).toBe(true);
  });
});

describe('pop-ups', () => {
  it('never opens a window; an https link goes to the user\'s browser, anything else nowhere', async () => {
    expect(contents.openHandler!({ url: 'https://www.moj.gov.cn/policy' })).toEqual({ action: 'deny' });
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'app://console/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://www.moj.gov.cn/policy']);
  });
});

describe('permissions', () => {
  it('refuses every permission request, check and device', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const granted: boolean[] = [];
      fake.permissionRequest!({}, permission, (g) => granted.push(g));
      expect(granted, permission).toEqual([false]);
      expect(fake.permissionCheck!({}, permission, 'app://console', {}), permission).toBe(false);
    }
    expect(fake.devicePermission!({ deviceType: 'usb', origin: 'app://console' })).toBe(false);
  });
});

describe('the network filter', () => {
  const decide = (details: RequestDetails) =>
    new Promise<boolean>((resolve) => fake.beforeRequest!.handler(details, (r: { cancel: boolean }) => resolve(r.cancel)));

  it('watches every network scheme', () => {
    expect(fake.beforeRequest!.filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  });

  it('cancels every request to the network except the allowed tile images', async () => {
    expect(await decide({ url: `${tileHost}img_w/wmts?TILEMATRIX=9`, resourceType: 'image' })).toBe(false);
    // The same host for anything but an image, another image host, scripts, XHR, sockets: cancelled.
    for (const resourceType of ['xhr', 'script', 'stylesheet', 'subFrame', 'media', 'font', 'webSocket', 'other']) {
      expect(await decide({ url: `${tileHost}img_w/wmts`, resourceType }), resourceType).toBe(true);
    }
    expect(await decide({ url: 'https://evil.example/pixel.png', resourceType: 'image' })).toBe(true);
    expect(await decide({ url: 'https://cdn.example/lib.js', resourceType: 'script' })).toBe(true);
    expect(await decide({ url: 'http://127.0.0.1:5180/api/call/session.me', resourceType: 'xhr' })).toBe(true);
    expect(await decide({ url: 'wss://evil.example/socket', resourceType: 'webSocket' })).toBe(true);
  });

  it('cancels tiles too by default, and when the answer for a tile fails', async () => {
    applySecurityPolicy();
    expect(await decide({ url: `${tileHost}img_w/wmts`, resourceType: 'image' })).toBe(true);
    applySecurityPolicy(async () => {
      throw new Error('core closed');
    });
    expect(await decide({ url: `${tileHost}img_w/wmts`, resourceType: 'image' })).toBe(true);
  });
});
