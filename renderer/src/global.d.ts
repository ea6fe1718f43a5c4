import type { GridConsoleBridge } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload (electron/preload). */
    readonly gridConsole?: GridConsoleBridge;
  }
}

export {};
