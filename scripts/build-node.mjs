// Bundles the Node side: the CLI/server (ESM), the Electron main process and the sandboxed preload (CJS).
// Packages with native code or dynamic requires stay external and load from node_modules at run time;
// ESM-only packages (d3-delaunay, faker) are bundled so the CJS main process can use them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const external = ['electron', 'knex', 'sqlite3', 'fastify', '@fastify/compress', '@fastify/static', '@fastify/websocket', 'ws'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
// Bundled CommonJS code may still call require() for Node built-ins.
const esm = { format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };

rmSync('dist/electron', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/server/cli.ts'],
    outfile: 'dist/electron/cli.mjs',
    external,
    ...esm,
  }),
  // The first start's demo generator, run in a worker thread by the CLI and the desktop shell alike.
  build({ ...common, entryPoints: ['electron/core/demo/demoWorker.ts'], outfile: 'dist/electron/demoWorker.mjs', external, ...esm }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external }),
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
]);
console.log('built dist/electron/{cli.mjs,demoWorker.mjs,main.cjs,preload.cjs}');
