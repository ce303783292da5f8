// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node's built-in modules, with and without the node: prefix. */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Import rules from DESIGN.md, one entry per folder. */
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({
        name,
        message: 'Forbidden by the import rules in docs/architecture.md',
      })),
      patterns: patterns.map((p) => ({
        ...p,
        message: 'Forbidden by the import rules in docs/architecture.md',
      })),
    },
  ],
});

const appPackagesOnlyInMain = ['better-sqlite3', '@kubernetes/client-node', 'ws', 'electron'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'resources/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      [...nodeBuiltins, ...appPackagesOnlyInMain, 'react', 'react-dom', 'zustand'],
      [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/sim/**'] }],
    ),
  },
  {
    files: ['main/services/**/*.ts', 'main/kube/**/*.ts', 'main/store/**/*.ts'],
    rules: restrict(['electron'], [{ group: ['**/renderer/**', '**/preload/**', '**/app/**', '**/ipc/**'] }]),
  },
  {
    files: ['main/app/**/*.ts', 'main/ipc/**/*.ts'],
    rules: restrict([], [{ group: ['**/renderer/**', '**/preload/**'] }]),
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/**/*.test.ts'],
    rules: restrict(
      [],
      [{ regex: '^(?!electron$)(?!\\./(?!\\.))(?!(\\.\\./)+shared/).*', caseSensitive: true }],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, ...appPackagesOnlyInMain],
        [{ group: ['**/main/**', '**/preload/**', '**/sim/**'] }],
      ),
    },
  },
  {
    files: ['sim/**/*.ts'],
    rules: restrict([], [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/shared/**'] }]),
  },
);
