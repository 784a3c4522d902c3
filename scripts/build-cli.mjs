#!/usr/bin/env node
/**
 * Bundles the command line (cli/) and its index worker into dist-cli/, for
 * Node 20+. esbuild does it in a fraction of a second and resolves the pure
 * core (src/core/) from TypeScript directly; Vite's own build is for the app.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist-cli');
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { 'recording-inspector': 'cli/main.ts', 'index-worker': 'cli/folder/indexWorker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __RECORDING_INSPECTOR_VERSION__: JSON.stringify(pkg.version) },
  // Some dependencies are CommonJS; in an ES module bundle they need a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
