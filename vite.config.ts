import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer is served two ways: by the Electron shell from the custom protocol app://console/ and by
 * the core's HTTP server to browsers. A relative base keeps asset URLs valid under both. No CDN, no online
 * fonts: everything the page needs is in dist/renderer.
 *
 * `npx vite` (dev) proxies the contract's HTTP and WebSocket paths to a running core server; point it
 * elsewhere with GRID_CORE_URL (default: `npm run serve`'s http://127.0.0.1:5180). changeOrigin: the core
 * server only answers to the host names it was started for.
 */
const coreUrl = process.env.GRID_CORE_URL ?? 'http://127.0.0.1:5180';

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
    // The modulepreload polyfill is not needed by Chromium/Electron and would add code to the entry.
    modulePreload: { polyfill: false },
  },
  server: {
    strictPort: false,
    proxy: {
      '/api/events': { target: coreUrl.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
      '/api': { target: coreUrl, changeOrigin: true },
    },
  },
});
