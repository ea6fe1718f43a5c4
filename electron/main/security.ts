import { app, session, shell, type WebContents } from 'electron';
import { externalHttpsUrl, isAppUrl } from './safeUrls';

/**
 * Deny by default: no pop-ups, no navigation away from the app's own origin, no <webview>, no permission
 * prompts, no requests to the network. The console needs none of these; what it needs comes through IPC.
 */

/** Links to the outside world (e.g. a policy page) open in the user's browser, and only over https. */
function openExternalIfHttps(raw: string): void {
  const url = externalHttpsUrl(raw);
  if (url === null) {
    console.warn('[shell] refused to open a link that is not https');
    return;
  }
  shell.openExternal(url).catch((err: unknown) => console.warn('[shell] openExternal failed', err));
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfHttps(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Call once, after `ready`. `onlineTileAllowed` answers for an image request to the network: only the
 * 天地图 tile hosts while the admin has that layer on (off by default); everything else is cancelled.
 */
export function applySecurityPolicy(onlineTileAllowed: (url: string) => Promise<boolean> = async () => false): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The CSP already limits the renderer to our origin; this also covers anything that slips past it
  // (a devtools extension, a future misconfiguration): the desktop console never talks to the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    if (details.resourceType !== 'image') return callback({ cancel: true });
    onlineTileAllowed(details.url).then(
      (allowed) => callback({ cancel: !allowed }),
      () => callback({ cancel: true }),
    );
  });
}
