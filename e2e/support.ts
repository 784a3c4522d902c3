import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDocument } from 'yaml';
import { listFiles, listJsonFiles, repoRoot } from '../testing/corpus';
import { expect, type Page } from '@playwright/test';

export { CORPUS_MISSING, corpusDir, hasCorpus, listJsonFiles, readTruth, repoRoot, type TruthLine } from '../testing/corpus';
export const samplesDir = path.join(repoRoot, 'public', 'samples');

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
  const cassettes = countCassetteInteractions(dir);
  return { recordings: recordings + cassettes.interactions, errors: errors + cassettes.invalid };
}

/** Every VCR cassette under dir (`*.yaml`, `*.yml`, optionally `.gz`), paths relative to dir. */
export function listCassetteFiles(dir: string): string[] {
  return listFiles(dir, (name) => /\.ya?ml(\.gz)?$/i.test(name));
}

/**
 * The test's own count of cassette interactions, independent of the app's
 * reader: a cassette's `interactions` / `http_interactions` list (or the
 * `requests`/`responses` pair) counts when every item has mapping `request`
 * and `response`; anything else is one invalid file.
 */
export function countCassetteInteractions(dir: string): { interactions: number; invalid: number } {
  let interactions = 0;
  let invalid = 0;
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  for (const rel of listCassetteFiles(dir)) {
    let value: unknown;
    try {
      const raw = readFileSync(path.join(dir, rel));
      const document = parseDocument((rel.toLowerCase().endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
      if (document.errors.length > 0) throw document.errors[0];
      value = document.toJS({ maxAliasCount: 1000 });
    } catch {
      invalid++;
      continue;
    }
    const root = isObject(value) ? value : {};
    const list = root.interactions ?? root.http_interactions;
    if (Array.isArray(list) && list.every((item) => isObject(item) && isObject(item.request) && isObject(item.response))) interactions += list.length;
    else if (Array.isArray(root.requests) && Array.isArray(root.responses) && root.requests.length === root.responses.length) interactions += root.requests.length;
    else invalid++;
  }
  return { interactions, invalid };
}

export async function openFolderViaInput(page: Page, dir: string, testId = 'folder-input') {
  await page.getByTestId(testId).setInputFiles(dir);
}

export async function waitForIndex(page: Page, timeout = 120_000) {
  const status = page.getByTestId('index-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout });
  // All three from one moment: a new load may start between separate reads.
  return status.evaluate((element) => ({
    count: Number(element.getAttribute('data-count')),
    errors: Number(element.getAttribute('data-errors')),
    ms: Number(element.getAttribute('data-ms')),
  }));
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

export { chatRecording } from '../testing/recordings';

export interface DiffSummary {
  state: string | null;
  added: number;
  removed: number;
  modified: number;
  rekeyed: number;
  unchanged: number;
  noiseOnly: number;
  /** Over modified pairs. */
  requestChanged: number;
  answerChanged: number;
  toolsChanged: number;
  metadataOnly: number;
}

/** Waits for the compare summary to be done and reads its counts. */
export async function readSummary(page: Page, timeout = 120_000): Promise<DiffSummary> {
  const summary = page.getByTestId('diff-summary');
  await expect(summary).toHaveAttribute('data-state', 'done', { timeout });
  const n = async (name: string) => Number(await summary.getAttribute(`data-${name}`));
  return {
    state: await summary.getAttribute('data-state'),
    added: await n('added'),
    removed: await n('removed'),
    modified: await n('modified'),
    rekeyed: await n('rekeyed'),
    unchanged: await n('unchanged'),
    noiseOnly: await n('noise-only'),
    requestChanged: await n('request-changed'),
    answerChanged: await n('answer-changed'),
    toolsChanged: await n('tools-changed'),
    metadataOnly: await n('metadata-only'),
  };
}

/**
 * The File System Access path with real handles: the sample files are
 * written into the origin-private file system, and only the OS dialog (or
 * the OS drag source) is replaced by that real directory handle.
 */
export async function writeSamplesToOpfs(page: Page) {
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('recordings-under-test', { recursive: true }).catch(() => undefined);
    const top = await root.getDirectoryHandle('recordings-under-test', { create: true });
    const manifest = (await (await fetch('/samples.manifest.json')).json()) as { files: { path: string }[] };
    for (const { path } of manifest.files) {
      const segments = path.split('/');
      let dir = top;
      for (const segment of segments.slice(0, -1)) dir = await dir.getDirectoryHandle(segment, { create: true });
      const handle = await dir.getFileHandle(segments.at(-1)!, { create: true });
      const writable = await handle.createWritable();
      const response = await fetch(`/samples/${path}`);
      // A `.gz` sample arrives decoded (the server labels it Content-Encoding: gzip): store the file's real, compressed bytes.
      const decoded = /\.gz$/i.test(path) && /gzip/i.test(response.headers.get('content-encoding') ?? '');
      await writable.write(decoded ? await new Response(response.body!.pipeThrough(new CompressionStream('gzip'))).arrayBuffer() : await response.arrayBuffer());
      await writable.close();
    }
    // Vendored folders must be skipped when walking a handle.
    const vendored = await (await top.getDirectoryHandle('node_modules', { create: true })).getFileHandle('pkg.json', { create: true });
    const w = await vendored.createWritable();
    await w.write('{"name":"not scanned"}');
    await w.close();
  });
}

/** Only the OS dialog is replaced: the picker hands back the real OPFS directory. */
export async function openSamplesThroughPicker(page: Page) {
  await page.goto('/');
  await writeSamplesToOpfs(page);
  await page.evaluate(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('recordings-under-test');
  });
  await page.getByRole('button', { name: 'Open folder…' }).first().click();
}
