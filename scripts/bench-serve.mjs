#!/usr/bin/env node
/**
 * `recording-inspector DIR` against the browser's own floor: how long the page
 * the command line serves takes to list the corpus (index-status data-ms, from
 * page start), cold (empty on-disk cache) and after a restart (cache warm), next
 * to the raw read floor (a bare page reading every file's text through a folder
 * input). Called by scripts/bench.mjs; also runs alone:
 *   node scripts/bench-serve.mjs [--runs 5]
 * Prints figures; asserts nothing. Needs `npm run build` (app and command line).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOOR_PAGE, readFloorMs } from './lib/floor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'recording-inspector.mjs');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Starts the command line on `dir` and resolves with its URL once it prints it (the index is ready then). */
function startServe(dir, cacheDir) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [bin, dir, '--no-open', '--quiet'], {
    cwd: root,
    env: { ...process.env, RECORDING_INSPECTOR_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.split('\n').find((line) => line.startsWith('http://'));
      if (url)
        resolve({
          url: url.trim(),
          startedAt,
          stop: () =>
            new Promise((done) => {
              child.once('close', done);
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('close', (code) => reject(new Error(`recording-inspector exited with ${code}`)));
  });
}

/** The bare floor page (scripts/lib/floor.mjs): every file's text through a folder input, nothing else. */
export async function measureInputFloor(browser, corpus) {
  const page = await browser.newPage();
  await page.setContent(FLOOR_PAGE);
  const ms = await readFloorMs(page, corpus);
  await page.close();
  return ms;
}

async function servedIndexMs(browser, url, startedAt) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const status = page.locator('[data-testid=index-status][data-state=done]');
  await status.waitFor({ timeout: 180_000 });
  // From the command's start to the list seen (Playwright's polling adds a little): the user's whole wait.
  const total = Date.now() - startedAt;
  const result = { ms: Number(await status.getAttribute('data-ms')), count: Number(await status.getAttribute('data-count')), total };
  await context.close();
  return result;
}

/**
 * Cold: a fresh cache folder, the page opened as soon as the URL is printed
 * (the command prints it once Node has indexed the folder). Restart: the same
 * cache, a new server process. Both also from the command's start.
 */
export async function measureServe(browser, corpus, { runs = 3 } = {}) {
  const out = { cold: [], warm: [], coldTotal: [], warmTotal: [], count: 0 };
  for (let run = 0; run < runs; run++) {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bench-serve-cache-'));
    try {
      const cold = await startServe(corpus, cacheDir);
      const first = await servedIndexMs(browser, cold.url, cold.startedAt);
      await cold.stop();
      out.cold.push(first.ms);
      out.coldTotal.push(first.total);
      out.count = first.count;
      const warm = await startServe(corpus, cacheDir);
      const again = await servedIndexMs(browser, warm.url, warm.startedAt);
      out.warm.push(again.ms);
      out.warmTotal.push(again.total);
      await warm.stop();
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return out;
}

export function printServe(result, floorMs) {
  const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`;
  const cold = median(result.cold);
  const warm = median(result.warm);
  console.log(`recording-inspector DIR, cold (Node indexes, empty cache): ${fmt(cold)} = ${(cold / floorMs).toFixed(2)}× the floor (target ≤ 0.5×)   runs ${result.cold.map(fmt).join(', ')}`);
  console.log(`recording-inspector DIR, after a restart (disk cache):     ${fmt(warm)} = ${(warm / floorMs).toFixed(2)}× the floor (target ≤ 0.1×)   runs ${result.warm.map(fmt).join(', ')}`);
  const coldTotal = median(result.coldTotal);
  const warmTotal = median(result.warmTotal);
  console.log(
    `  the same from the command's start (Node indexing + page): cold ${fmt(coldTotal)} = ${(coldTotal / floorMs).toFixed(2)}×, restart ${fmt(warmTotal)} = ${(warmTotal / floorMs).toFixed(2)}×`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'llama-stack-head');
  if (!existsSync(corpus)) {
    console.log(`bench-serve: corpus not found at ${corpus}; nothing to measure.`);
    process.exit(0);
  }
  if (!existsSync(path.join(root, 'dist-cli', 'recording-inspector.mjs')) || !existsSync(path.join(root, 'dist', 'index.html'))) {
    console.log('bench-serve: run `npm run build` first (the app and the command line).');
    process.exit(1);
  }
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const { chromium } = await import('@playwright/test');
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const floors = [];
  for (let i = 0; i < runs; i++) floors.push(await measureInputFloor(browser, corpus));
  const result = await measureServe(browser, corpus, { runs });
  await browser.close();
  const floor = median(floors);
  console.log(`raw read floor (folder input, text of every file):      ${Math.round(floor).toLocaleString('en')} ms   runs ${floors.map((ms) => Math.round(ms)).join(', ')}`);
  console.log(`files listed: ${result.count.toLocaleString('en')}`);
  printServe(result, floor);
}
