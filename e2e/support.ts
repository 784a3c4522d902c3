import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const samplesDir = path.join(repoRoot, 'public', 'samples');
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(path.join(corpusDir, 'llama-stack-head'));
export const CORPUS_MISSING = `shared corpus not found at ${corpusDir}; skipping tests that need real recordings`;

const SKIPPED = new Set(['node_modules', '.git', '.venv']);

/** Every *.json under dir (skipping vendored folders), with paths relative to dir. */
export function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) {
        if (!SKIPPED.has(name)) walk(full, `${prefix}${name}/`);
      } else if (name.toLowerCase().endsWith('.json')) out.push(prefix + name);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * The test's own count of recordings, independent of the app: a *.json that
 * is an object with object `request` and object `response` is a recording.
 */
export function countRecordings(dir: string): { recordings: number; errors: number } {
  let recordings = 0;
  let errors = 0;
  for (const rel of listJsonFiles(dir)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.join(dir, rel), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      errors++;
      continue;
    }
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(value) && isObject((value as Record<string, unknown>).request) && isObject((value as Record<string, unknown>).response)) recordings++;
    else errors++;
  }
  return { recordings, errors };
}

export async function openFolderViaInput(page: Page, dir: string, testId = 'folder-input') {
  await page.getByTestId(testId).setInputFiles(dir);
}

export async function waitForIndex(page: Page, timeout = 120_000) {
  const status = page.getByTestId('index-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout });
  return {
    count: Number(await status.getAttribute('data-count')),
    errors: Number(await status.getAttribute('data-errors')),
    ms: Number(await status.getAttribute('data-ms')),
  };
}

/** Client-side navigation, as a link click would do: the opened folder stays loaded. */
export async function navigateInApp(page: Page, url: string) {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, url);
}

export function recordingUrl(relPath: string): string {
  return `/r/${relPath.split('/').map(encodeURIComponent).join('/')}`;
}

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

/** Watches for anything a hostile recording could make the page do. */
export async function watchForInjection(page: Page) {
  const problems: string[] = [];
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    problems,
    async canary() {
      return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    },
  };
}
