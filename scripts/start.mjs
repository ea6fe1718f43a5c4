// `npm start`: the desktop window where the Electron binary exists; otherwise browser mode, saying why.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the download never happened.
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? { bin } : { why: `Electron 可执行文件不存在：${bin}` };
  } catch (err) {
    return { why: `Electron 可执行文件未安装（${err instanceof Error ? err.message.split('\n')[0] : String(err)}）` };
  }
}

const electron = electronBinary();
const child = electron.bin
  ? spawn(electron.bin, ['.', ...passThrough], { stdio: 'inherit' })
  : (console.log(
      `${electron.why}\n→ 改为浏览器模式启动：同一核心与界面，通过 http://127.0.0.1 提供（在浏览器中打开下面的地址）。\n` +
        `  (No Electron binary here, e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: starting browser mode instead.)\n`,
    ),
    spawn(process.execPath, ['dist/electron/cli.mjs', 'serve', ...passThrough], { stdio: 'inherit' }));

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
