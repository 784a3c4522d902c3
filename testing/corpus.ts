/**
 * Test-side access to the shared corpus (`../shared/corpus` from the project
 * root) and its oracles, for Vitest (`tests/`) and Playwright (`e2e/`) alike.
 * Independent of the app's code on purpose: expectations must not come from
 * the code under test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(path.join(corpusDir, 'llama-stack-head'));
export const hasPrExample = existsSync(path.join(corpusDir, 'pr-example', 'base')) && existsSync(path.join(corpusDir, 'pr-example', 'head'));
export const CORPUS_MISSING = `shared corpus not found at ${corpusDir}; skipping tests that need real recordings`;

/** One line of a `*.truth.jsonl` oracle: what an independent script read from one recording. */
export interface TruthLine {
  path: string;
  test_id: string | null;
  endpoint: string;
  streaming: boolean;
  chunks: number;
  text: string;
  tool_calls: { name: string; arguments: string }[];
  reasoning: string;
  error: string | null;
}

export function readTruth(file: string): TruthLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TruthLine);
}

const SKIPPED = new Set(['node_modules', '.git', '.venv']);

/** Every file under dir whose name `accept`s (skipping vendored folders), with `/`-separated paths relative to dir, sorted. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) {
        if (!SKIPPED.has(name)) walk(full, `${prefix}${name}/`);
      } else if (accept(name)) out.push(prefix + name);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** Every *.json under dir (skipping vendored folders), with `/`-separated paths relative to dir, sorted. */
export function listJsonFiles(dir: string): string[] {
  return listFiles(dir, (name) => name.toLowerCase().endsWith('.json'));
}

/** Prints, once per run, why corpus tests will be skipped: a skip must be seen, not only counted. */
export function announceCorpus(runner: string): void {
  if (hasCorpus && hasPrExample) return;
  const line = '─'.repeat(78);
  const missing = [!hasCorpus && 'llama-stack-head', !hasPrExample && 'pr-example/{base,head}'].filter(Boolean).join(' and ');
  console.log(`\n${line}\n${runner}: ${CORPUS_MISSING} (missing: ${missing}).\nPut the corpus there (a sibling "shared/corpus" of this project) to run them.\n${line}\n`);
}
