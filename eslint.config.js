// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Node built-ins, matched exactly (a gitignore-style pattern 'events' would also catch './events'). */
const NODE_BUILTINS = '^(node:.*|fs|fs/.*|path|os|child_process|crypto|http|https|net|url|util|stream|events|worker_threads)$';
const pkgs = (/** @type {string[]} */ names) => `^(${names.join('|')})(/.*)?$`;

/** The boundaries of ARCHITECTURE.md, as import rules: each entry a regex over the import specifier. */
const boundary = (/** @type {string[]} */ regexes, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: regexes.map((regex) => ({ regex, message })) }],
});
const INTO = (/** @type {string} */ dir) => `(^|/)${dir}(/|$)`;

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'data/**', 'test-results/**', 'playwright-report/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['scripts/**/*.mjs', '*.config.{js,ts}', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  // renderer: the browser only, and the core only through the contract client.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary([pkgs(['electron', 'knex', 'sqlite3', 'fastify']), NODE_BUILTINS, '^(\\.\\./)+electron(/|$)'], 'renderer/ talks to the core only through shared/ and the contract client (ARCHITECTURE.md).'),
    },
  },
  // shared: pure TypeScript used by all three parts.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: boundary([pkgs(['electron', 'knex', 'sqlite3', 'react', 'react-dom', 'antd']), NODE_BUILTINS, '^(\\.\\./)+(electron|renderer)(/|$)'], 'shared/ is pure TypeScript: no Node, no Electron, no UI (ARCHITECTURE.md).'),
  },
  // The core and the server are plain Node: never Electron, never the renderer.
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: boundary([pkgs(['electron']), INTO('renderer'), '(^|/)(main|preload)/'], 'Only electron/main and electron/preload import electron; the core runs under plain Node (ARCHITECTURE.md).'),
  },
  // The preload is sandboxed: the contract and electron's renderer-side API, nothing of the core.
  {
    files: ['electron/preload/**/*.ts'],
    rules: boundary([NODE_BUILTINS, INTO('core'), INTO('server'), INTO('renderer'), pkgs(['knex', 'sqlite3'])], 'The sandboxed preload may use only electron and shared/.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: boundary([INTO('renderer')], 'The main process never imports renderer code.'),
  },
);
