// `npm run bench [-- --only <suite>] [--size <n>]`: runs the TypeScript bench suites under tsx.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
