import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The dependency direction, enforced: app → features → (shared, state,
 * sources, workers) → core. Checked on resolved files, so `../../features/…`
 * is caught as surely as `../features/…`, and a feature reaches another one
 * only through that feature's public `index.ts`.
 */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const architectureZones = [
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message: 'src/core is pure: it imports nothing from the app, features, state, workers, sources or shared UI.',
  },
  ...['./src/shared', './src/config', './src/state', './src/sources', './src/workers'].map((target) => ({
    target,
    from: ['./src/features', './src/app'],
    message: 'Features and the app build on these modules, never the other way round.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app: the app composes features.',
  },
  ...features.map((feature) => ({
    target: `./src/features/!(${feature})/**/*`,
    from: `./src/features/${feature}`,
    except: ['./index.ts'],
    message: `Import the ${feature} feature through its public index.ts (src/features/${feature}), not its internals.`,
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse imported TypeScript too (no-cycle follows imports through the files they name).
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: architectureZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-*', 'react/*', '@tanstack/*', 'idb-keyval'], message: 'src/core runs in workers, Node and Vitest: no React, no DOM libraries.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    extends: [js.configs.recommended],
  },
);
