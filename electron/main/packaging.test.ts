import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleCsp } from '../core/index';

const repo = path.resolve(import.meta.dirname, '../..');
const builderYml = readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of a top-level block of electron-builder.yml (comments dropped). */
function block(name: string): Record<string, string> {
  const lines = builderYml.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([A-Za-z]+):\s*([^#\s]+)/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe('the packaged app (electron-builder.yml)', () => {
  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, ASAR integrity, code only from the ASAR', () => {
    expect(block('electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it("passes electron-builder's own schema validation (the packager would reject an unknown or misspelt fuse)", async () => {
    // electron-builder's loader and validator (devDependency electron-builder → app-builder-lib, js-yaml).
    const require = createRequire(path.join(repo, 'node_modules/electron-builder/package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const yaml = require('js-yaml') as { load(s: string): Record<string, unknown> };
    const config = yaml.load(builderYml);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNode: false, noSuchFuse: true } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('packs the app into an ASAR archive (the fuses above check it), unpacking only the native sqlite3 module', () => {
    expect(builderYml).not.toMatch(/^asar:\s*false/m);
    const after = builderYml.slice(builderYml.indexOf('asarUnpack:')).split('\n').slice(1);
    const unpack = after.slice(0, after.findIndex((l) => !/^\s+-/.test(l)));
    expect(unpack.length).toBeGreaterThan(0);
    for (const l of unpack) expect(l).toMatch(/node_modules\/sqlite3\//);
  });

  it("serves the console with a policy that never allows eval (no 'unsafe-eval', no 'wasm-unsafe-eval')", () => {
    for (const wmts of [false, true]) {
      const csp = consoleCsp({ wmts });
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self'");
    }
  });
});
