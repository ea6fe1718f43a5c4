// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Node built-ins, matched exactly (a gitignore-style pattern 'events' would also catch './events'). */
const NODE_BUILTINS = '^(node:.*|fs|fs/.*|path|os|child_process|crypto|http|https|net|url|util|stream|events|worker_threads)$';
const pkgs = (/** @type {string[]} */ names) => `^(${names.join('|')})(/.*)?$`;
const INTO = (/** @type {string} */ dir) => `(^|/)${dir}(/|$)`;

/**
 * The boundaries of docs/architecture.md ("The lint rules that keep the boundaries"), as import rules.
 * Each rule is a list of [regex over the import specifier, message]. ESLint keeps only the last
 * `no-restricted-imports` setting that matches a file, so each area lists all of its rules at once.
 */
/** @typedef {Array<[string, string]>} Rules */
const restrict = (/** @type {Rules} */ rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
});
const TESTS = 'tests/ (helpers, fixtures, benches) is for tests: product code never imports it (docs/architecture.md, "Tests").';
/** No product file imports tests/; the area's *.test.ts files may (their helpers live there). */
const area = (/** @type {string[]} */ files, /** @type {Rules} */ rules, extra = {}) => [
  { files, ignores: ['**/*.test.ts'], ...extra, rules: { ...restrict([...rules, [INTO('tests'), TESTS]]), ...(extra.rules ?? {}) } },
  { files: files.map((f) => f.replace(/\*\*\/\*\.\{?[a-z,]+\}?$/, '**/*.test.ts')), ...extra, rules: { ...restrict(rules), ...(extra.rules ?? {}) } },
];

const NOT_ELECTRON = 'Only electron/main and electron/preload import electron; the core runs under plain Node (docs/architecture.md).';
const ONE_DOOR =
  'The shells and transports see only the core\'s door: import electron/core/index or electron/core/bootstrap, nothing deeper (docs/architecture.md, "The one door").';
/** Anything under electron/core but its index and bootstrap. */
const CORE_INSIDE = '(^|/)core/(?!(index|bootstrap)$)';

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
  ...area(
    ['renderer/**/*.{ts,tsx}'],
    [pkgs(['electron', 'knex', 'sqlite3', 'fastify']), NODE_BUILTINS, '^(\\.\\./)+electron(/|$)'].map((r) => [
      r,
      'renderer/ talks to the core only through shared/ and the contract client (docs/architecture.md).',
    ]),
    { languageOptions: { globals: globals.browser }, plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  ),
  // shared: pure TypeScript used by all three parts.
  ...area(
    ['shared/**/*.ts'],
    [pkgs(['electron', 'knex', 'sqlite3', 'react', 'react-dom', 'antd']), NODE_BUILTINS, '^(\\.\\./)+(electron|renderer)(/|$)'].map((r) => [
      r,
      'shared/ is pure TypeScript: no Node, no Electron, no UI (docs/architecture.md).',
    ]),
  ),
  // The core: plain Node, never Electron, never the renderer, never a shell or a transport.
  ...area(
    ['electron/core/**/*.ts'],
    [
      [pkgs(['electron']), NOT_ELECTRON],
      [INTO('renderer'), NOT_ELECTRON],
      ['(^|/)(main|preload|server)/', 'The core knows no shell or transport: electron/main and electron/server call it, never the reverse.'],
    ],
    { languageOptions: { globals: globals.node } },
  ),
  // The transports (HTTP server, CLI): plain Node, and the core only through its door.
  ...area(
    ['electron/server/**/*.ts'],
    [
      [pkgs(['electron']), NOT_ELECTRON],
      [INTO('renderer'), NOT_ELECTRON],
      ['(^|/)(main|preload)/', NOT_ELECTRON],
      [CORE_INSIDE, ONE_DOOR],
    ],
    { languageOptions: { globals: globals.node } },
  ),
  // The desktop shell: the core only through its door, and nothing of the HTTP transport.
  ...area(
    ['electron/main/**/*.ts'],
    [
      [INTO('renderer'), 'The main process never imports renderer code.'],
      [CORE_INSIDE, ONE_DOOR],
      [INTO('server'), 'The desktop shell does not import the HTTP transport: what both need lives in the core (behind its index) or in shared/.'],
    ],
    { languageOptions: { globals: globals.node } },
  ),
  // Shells and transports hold a Core, but only its methods: its database and node state are the core's own.
  {
    files: ['electron/main/**/*.ts', 'electron/server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='db']", message: `${ONE_DOOR} Use a Core method (invoke, readTile, pagePolicy, …) or a bootstrap function, never core.db.` },
        { selector: "MemberExpression[property.name='node']", message: `${ONE_DOOR} core.node is the core's own state.` },
      ],
    },
  },
  // The preload is sandboxed: the contract and electron's renderer-side API, nothing of the core.
  ...area(
    ['electron/preload/**/*.ts'],
    [NODE_BUILTINS, INTO('core'), INTO('server'), INTO('renderer'), pkgs(['knex', 'sqlite3'])].map((r) => [r, 'The sandboxed preload may use only electron and shared/.']),
  ),
  // Tests, benches and their helpers: plain Node; they may reach into the core, never into Electron.
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict([
      [pkgs(['electron']), NOT_ELECTRON],
      [INTO('renderer'), NOT_ELECTRON],
      ['(^|/)(main|preload)/', NOT_ELECTRON],
    ]),
  },
);
