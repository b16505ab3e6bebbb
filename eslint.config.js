// Lint keeps the architecture's boundaries: the renderer imports no Node module, database or
// model runtime (types from the core are fine, and the pure modules of src-main/shared at run
// time); src-main/shared stays pure, so the renderer can run it; the core imports no Electron.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const runtimes = [
  { name: 'better-sqlite3', message: 'The database belongs to the core.' },
  { name: 'drizzle-orm', message: 'Queries belong to the core.' },
  { name: 'node-llama-cpp', message: 'The model runs in the core.' },
  { name: 'electron', message: 'Electron code lives in src-main/electron.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/migrations/**', 'test-results/**', '.native/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    // Plain scripts run in Node; TypeScript files get their globals from the type checker.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'The renderer never touches the database; call the core through api.' },
            { name: 'node-llama-cpp', message: 'The model runs in the core; call it through api.' },
            { name: 'electron', message: 'The renderer talks to Electron only through the preload bridge.' },
            { name: 'drizzle-orm', message: 'Queries belong to the core.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer imports no Node module.' },
            {
              group: ['**/src-main/**', '!**/src-main/shared', '!**/src-main/shared/**'],
              allowTypeImports: true,
              message: 'Import only types from the core (import type ...); run-time code the UI shares with the core lives in src-main/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules both sides import (codes, field lists, limits, job kinds): no Node, no database,
    // no model runtime, no Electron, nothing from the rest of src-main but types.
    files: ['src-main/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: runtimes.map((r) => ({ ...r, message: `src-main/shared stays pure: ${r.message}` })),
          patterns: [
            { group: nodeBuiltins, message: 'src-main/shared stays pure: no Node modules (the renderer imports it).' },
            { group: ['better-sqlite3/*', 'drizzle-orm/*', 'node-llama-cpp/*', 'electron/*'], message: 'src-main/shared stays pure: no database, model runtime or Electron.' },
            {
              group: ['**/core/**', '**/electron/**', '**/transport/**', '**/web/**', '**/src-renderer/**', '**/src-preload/**'],
              allowTypeImports: true,
              message: 'src-main/shared stays pure: it imports only other shared modules (types from elsewhere are fine).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'src-main/shared stays pure: no Node globals (the renderer imports it).',
        })),
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/transport/**/*.ts', 'src-main/web/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core runs in plain Node too; Electron code lives in src-main/electron.' }] }],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', 'node-llama-cpp', '**/src-main/core/**'], message: 'The preload only bridges a port.' }] }],
    },
  },
);
