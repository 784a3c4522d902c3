#!/usr/bin/env node
// The package's command: runs the bundle that `npm run build` writes to dist-cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist-cli/recording-inspector.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('recording-inspector: not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
await import(bundle.href);
