// Types of scripts/chromium.mjs for the TypeScript that imports it (playwright.config.ts, the UI benches).
export interface FoundChromium {
  /** Undefined for Playwright's own browser (Playwright picks its headless build itself). */
  executablePath: string | undefined;
  /** 'GGC_CHROMIUM', 'playwright' or the path found on PATH. */
  source: string;
}
export declare const CHROMIUM_ARGS: string[];
export declare const NO_CHROMIUM: string;
export declare function findChromium(): FoundChromium | null;
export declare function chromiumLaunchOptions(): { executablePath?: string; args: string[] };
export declare function ensureChromium(say?: (line: string) => void): FoundChromium;
