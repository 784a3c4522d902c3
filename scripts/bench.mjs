#!/usr/bin/env node
/**
 * Speed and memory figures for Recording Inspector, measured on the production
 * build in (system) Chromium over ../shared/corpus/llama-stack-head.
 * Prints figures; asserts nothing.
 *
 * Usage: npm run bench [-- --runs 3]
 *        npm run bench -- --scale 10 [--runs 1]   also builds a 10× folder (copy0 … copy9 of
 *        the corpus, hard links where possible) in a temporary directory and prints its cold
 *        ratio, errors, first rows, search, heap and long tasks next to the 1× figures
 *        (the picker and playback figures are skipped then).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { measureServe, printServe } from './bench-serve.mjs';
import { FLOOR_PAGE, readFloorMs } from './lib/floor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'llama-stack-head');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const scaleArg = process.argv.indexOf('--scale');
const SCALE = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const PORT = Number(process.env.BENCH_PORT ?? 4301);
const BASE = `http://127.0.0.1:${PORT}`;

if (!existsSync(corpus)) {
  console.log(`bench: corpus not found at ${corpus}; nothing to measure.`);
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else out.push({ full, size: st.size });
  }
  return out;
}

console.log('bench: building…');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(BASE)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const files = walk(corpus).filter((f) => f.full.endsWith('.json'));
const corpusBytes = files.reduce((n, f) => n + f.size, 0);
const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
const largestRel = path.relative(corpus, largest.full).split(path.sep).join('/');

/** copy0 … copy<n-1>, each the whole corpus: hard links (same bytes, no disk), copies where links fail. */
function buildScaledFolder(n) {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-scale-')), `corpus-x${n}`);
  for (let copy = 0; copy < n; copy++) {
    for (const file of files) {
      const target = path.join(root, `copy${copy}`, path.relative(corpus, file.full));
      mkdirSync(path.dirname(target), { recursive: true });
      try {
        linkSync(file.full, target);
      } catch {
        copyFileSync(file.full, target);
      }
    }
  }
  return root;
}

/** The floor (scripts/lib/floor.mjs), served at the app's origin. */
async function measureFloor(folder) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${BASE}/__floor`, (route) => route.fulfill({ contentType: 'text/html', body: FLOOR_PAGE }));
  await page.goto(`${BASE}/__floor`);
  const ms = await readFloorMs(page, folder);
  await context.close();
  return ms;
}

/**
 * From the input's change event (where the app's own data-ms starts): the first
 * row seen, and the key summary complete. Timing from Playwright's side would add
 * its own walk of the folder (about a second for 3,162 files).
 */
async function instrumentFirstRow(page) {
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid=folder-input]');
    window.__keysReady = new Promise((resolve) => {
      input.addEventListener(
        'change',
        () => {
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid=key-summary][data-state=done]')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
        },
        { capture: true, once: true },
      );
    });
    window.__firstRow = new Promise((resolve) => {
      input.addEventListener(
        'change',
        () => {
          const t0 = performance.now();
          const seen = () => document.querySelector('[data-testid=recording-row]');
          const observer = new MutationObserver(() => {
            if (seen()) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
}

async function indexStatus(page) {
  const status = page.getByTestId('index-status');
  await page.waitForSelector('[data-testid=index-status][data-state=done]', { timeout: 900_000 });
  return {
    ms: Number(await status.getAttribute('data-ms')),
    count: Number(await status.getAttribute('data-count')),
    errors: Number(await status.getAttribute('data-errors')),
  };
}

async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function navigateInApp(page, url) {
  await page.evaluate((target) => {
    history.pushState({}, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

/**
 * Long tasks (over 50 ms) seen by a PerformanceObserver in the page, from the
 * moment `window.__longTasksFrom` is set: the figure is the longest one after the load.
 */
function watchLongTasks() {
  window.__longTasks = [];
  window.__longTasksFrom = Infinity;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= window.__longTasksFrom) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** After the load: what a user does next (search, both list modes, scrolling, a test page, Compare). */
async function exerciseAfterLoad(page) {
  await page.evaluate(() => (window.__longTasksFrom = performance.now()));
  await navigateInApp(page, '/browse');
  for (const q of ['weather', 'gpt', '']) {
    await page.getByTestId('search-input').fill(q);
    await page.waitForTimeout(150);
  }
  for (const mode of ['Flat', 'Tree']) {
    await page.getByRole('radio', { name: mode }).click();
    await page.locator('[role=tree]').evaluate((el) => el.scrollBy(0, 20_000));
    await page.waitForTimeout(150);
  }
  const testRow = page.getByTestId('tree-test').first();
  if (await testRow.count()) {
    await testRow.click();
    await page.waitForTimeout(500);
  }
  await page.getByRole('link', { name: 'Compare' }).first().click();
  await page.waitForTimeout(500);
  await navigateInApp(page, '/browse');
  await page.waitForTimeout(300);
  return page.evaluate(() => ({ count: window.__longTasks.length, max: Math.max(0, ...window.__longTasks) }));
}

async function measureFolder(folder, runs, { withReopen }) {
  const results = { floor: [], cold: [], coldNoKeys: [], coldKeysDuring: [], keysReady: [], errors: [], count: [], firstRow: [], warm: [], heap: [], open: [], search: [], appSearch: [], longTasks: [] };
  for (let run = 0; run < runs; run++) {
    console.log(`bench: ${path.basename(folder)} run ${run + 1}/${runs}: floor…`);
    results.floor.push(await measureFloor(folder));
    if (withReopen) {
      // The same cold load with replay keys switched off (?keys=off): what the keys cost; and with
      // them hashed during the load (?keys=during, what four or more cores get by default).
      for (const [mode, figures] of [['off', results.coldNoKeys], ['during', results.coldKeysDuring]]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${BASE}/?keys=${mode}`);
        await page.waitForTimeout(300);
        await page.getByTestId('folder-input').setInputFiles(folder);
        figures.push((await indexStatus(page)).ms);
        await context.close();
      }
    }
    console.log(`bench: … cold load`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchLongTasks);
    await page.goto(`${BASE}/`);
    await page.waitForTimeout(300);
    await instrumentFirstRow(page);
    await page.getByTestId('folder-input').setInputFiles(folder);
    const cold = await indexStatus(page);
    // Replay keys are hashed in the workers right after the index: when the key summary is complete.
    await page.waitForSelector('[data-testid=key-summary][data-state=done]', { timeout: 900_000 });
    results.keysReady.push(await page.evaluate(() => window.__keysReady));
    results.cold.push(cold.ms);
    results.errors.push(cold.errors);
    results.count.push(cold.count);
    results.firstRow.push(await page.evaluate(() => window.__firstRow));
    results.heap.push(await heapUsed(page));

    // Open the largest recording: from navigation to its detail painted.
    const url = `/r/${(SCALE > 1 && folder !== corpus ? `copy0/${largestRel}` : largestRel).split('/').map(encodeURIComponent).join('/')}`;
    const openMs = await page.evaluate(
      async ({ target, rel }) => {
        const t0 = performance.now();
        history.pushState({}, '', target);
        dispatchEvent(new PopStateEvent('popstate'));
        await new Promise((resolve) => {
          const check = () => (document.querySelector(`[data-testid=recording-detail][data-path="${rel}"]`) ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => r()));
        return performance.now() - t0;
      },
      { target: url, rel: SCALE > 1 && folder !== corpus ? `copy0/${largestRel}` : largestRel },
    );
    results.open.push(openMs);

    // Search: time from a keystroke to the list showing the filtered count.
    await navigateInApp(page, '/browse');
    for (const query of ['weather', 'gpt-4o', 'paris', 'tool_calls', 'zzzz-no-match']) {
      const ms = await page.evaluate(async (q) => {
        const input = document.querySelector('[data-testid=search-input]');
        const count = document.querySelector('[data-testid=list-count]');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 100));
        const before = count.textContent;
        const t0 = performance.now();
        setter.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => {
          const check = () => (count.textContent !== before && !count.textContent.includes('…') ? resolve() : requestAnimationFrame(check));
          check();
        });
        return { ms: performance.now() - t0, app: Number(count.getAttribute('data-search-ms')) };
      }, query);
      results.search.push(ms.ms);
      results.appSearch.push(ms.app);
    }
    console.log(`bench: … after-load interactions`);
    results.longTasks.push(await exerciseAfterLoad(page));

    if (withReopen) {
      // Open the same folder again through the input: not cached (no identity to trust), so read again.
      await page.goto(`${BASE}/`);
      await page.getByTestId('folder-input').setInputFiles(folder);
      results.warm.push((await indexStatus(page)).ms);
    }
    await context.close();
  }
  return results;
}

const results = await measureFolder(corpus, RUNS, { withReopen: true });
let scaled = null;
if (SCALE > 1) {
  console.log(`bench: building the ${SCALE}× folder…`);
  const folder = buildScaledFolder(SCALE);
  try {
    scaled = await measureFolder(folder, RUNS, { withReopen: false });
  } finally {
    rmSync(path.dirname(folder), { recursive: true, force: true });
  }
}


/**
 * The folder-picker path: the corpus is copied into the origin-private file
 * system, and showDirectoryPicker returns that real directory handle (only the
 * OS dialog is replaced). Cold, then re-opened from the recent-folder list.
 */
async function measurePicker() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-copy' });
    input.webkitdirectory = true;
    document.body.append(input);
    window.__copied = new Promise((resolve) =>
      input.addEventListener('change', async () => {
        const root = await navigator.storage.getDirectory();
        await root.removeEntry('bench-corpus', { recursive: true }).catch(() => undefined);
        const top = await root.getDirectoryHandle('bench-corpus', { create: true });
        const folders = new Map();
        const folderOf = async (segments) => {
          const key = segments.join('/');
          if (!folders.has(key)) {
            let dir = top;
            for (const segment of segments) dir = await dir.getDirectoryHandle(segment, { create: true });
            folders.set(key, dir);
          }
          return folders.get(key);
        };
        for (const file of input.files) {
          const segments = file.webkitRelativePath.split('/').slice(1);
          const dir = await folderOf(segments.slice(0, -1));
          const writable = await (await dir.getFileHandle(segments.at(-1), { create: true })).createWritable();
          await writable.write(file);
          await writable.close();
        }
        resolve(input.files.length);
      }),
    );
  });
  await page.locator('#bench-copy').setInputFiles(corpus);
  await page.evaluate(() => window.__copied);
  const out = { cold: [], warm: [] };
  // Cold once, then re-opened RUNS times.
  for (let run = 0; run <= RUNS; run++) {
    await page.goto(`${BASE}/`);
    await page.evaluate(() => {
      window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('bench-corpus');
    });
    if (run === 0) {
      await page.getByRole('button', { name: 'Open folder…' }).first().click();
    } else {
      await page.getByTestId('recent-folder').first().click();
      await page.getByTestId('index-status').filter({ hasText: 'cached' }).waitFor({ timeout: 60_000 });
    }
    const status = await indexStatus(page);
    (run === 0 ? out.cold : out.warm).push(status.ms);
    if (run === 0) await page.waitForSelector('[data-testid=index-status][data-cache=saved]', { timeout: 60_000 });
  }
  await context.close();
  return out;
}

/** Playback frames on a generated 20,000-chunk stream (our own content), at 16× and as fast as possible. */
async function measurePlayback() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-playback-'));
  const rel = 'tests/integration/bench/recordings/stream20k.json';
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  const words = ['lorem ', 'ipsum ', 'dolor\n', 'sit ', 'amet, '];
  const body = Array.from({ length: 20_000 }, (_, i) => ({
    __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
    __data__: { id: 'rec-bench', choices: [{ delta: { content: words[i % words.length] }, index: 0, finish_reason: i === 19_999 ? 'stop' : null }], created: 0, model: 'bench', object: 'chat.completion.chunk' },
  }));
  const recording = {
    test_id: 'tests/integration/bench/test_bench.py::test_stream',
    request: { method: 'POST', url: 'http://localhost/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'bench', body: { model: 'bench', stream: true, messages: [{ role: 'user', content: 'go' }] } },
    response: { body, is_streaming: true },
  };
  writeFileSync(path.join(dir, rel), JSON.stringify(recording));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.getByTestId('folder-input').setInputFiles(dir);
  await indexStatus(page);
  await navigateInApp(page, `/r/${rel}?chunk=-1`);
  await page.waitForSelector('[data-testid=playback-position][data-total="20000"]');
  const out = {};
  for (const speed of ['16', 'max']) {
    await page.getByTestId('playback-speed').selectOption(speed);
    await page.getByTestId('playback-scrubber').fill('-1');
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__frames.length < 300) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('playback-play').click();
    await page.waitForFunction(() => window.__frames.length >= 300, null, { timeout: 60_000 });
    const frames = (await page.evaluate(() => window.__frames)).slice(5).sort((a, b) => a - b);
    out[speed] = { p50: frames[Math.floor(frames.length / 2)], p95: frames[Math.floor(frames.length * 0.95)], max: frames.at(-1) };
    const pause = page.getByTestId('playback-pause');
    if (await pause.isEnabled().catch(() => false)) await pause.click().catch(() => undefined);
  }
  await context.close();
  return out;
}

const picker = SCALE > 1 ? null : await measurePicker();
const playback = SCALE > 1 ? {} : await measurePlayback();
// The command line's server (recording-inspector DIR), against the same floor.
const served = SCALE > 1 ? null : await measureServe(browser, corpus, { runs: RUNS });
await browser.close();
stopServer();

const floor = median(results.floor);
const cold = median(results.cold);
const warm = median(results.warm);
const cpus = os.cpus();
console.log('');
console.log(`Recording Inspector bench — ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${executablePath ?? 'Playwright Chromium'}`);
console.log(`corpus: ${files.length.toLocaleString('en')} files, ${(corpusBytes / 2 ** 20).toFixed(1)} MB; ${RUNS} runs, medians`);
console.log(`raw read floor (text of every file, nothing else):  ${fmt(floor)}   runs ${results.floor.map(fmt).join(', ')}`);
console.log(`cold index (folder-input, data-ms):                 ${fmt(cold)}   runs ${results.cold.map(fmt).join(', ')}`);
console.log(`cold / floor ratio:                                 ${(cold / floor).toFixed(2)}   (target ≤ 1.30)`);
console.log(`cold index without replay keys (?keys=off):         ${fmt(median(results.coldNoKeys))}   runs ${results.coldNoKeys.map(fmt).join(', ')}; ratio ${(median(results.coldNoKeys) / floor).toFixed(2)}`);
console.log(`cold index with keys hashed during it (?keys=during): ${fmt(median(results.coldKeysDuring))}   runs ${results.coldKeysDuring.map(fmt).join(', ')}; ratio ${(median(results.coldKeysDuring) / floor).toFixed(2)} (the default from 4 cores)`);
console.log(`replay keys complete (key summary done, data-ms):   ${fmt(median(results.keysReady))}   runs ${results.keysReady.map(fmt).join(', ')}; ratio ${(median(results.keysReady) / floor).toFixed(2)}`);
console.log(`first rows visible after choosing the folder:       ${fmt(median(results.firstRow))}   (target ≤ 500 ms)`);
console.log(`opened again through the input (not cached):        ${fmt(warm)}   = ${((warm / cold) * 100).toFixed(0)}% of cold`);
if (picker) console.log(`folder picker (File System Access): cold ${fmt(picker.cold[0])}, re-open from the IndexedDB cache ${fmt(median(picker.warm))} = ${((median(picker.warm) / picker.cold[0]) * 100).toFixed(0)}% of its cold (target ≤ 25%)   re-opens ${picker.warm.map(fmt).join(', ')}`);
console.log(`JS heap after load (after GC):                      ${(median(results.heap) / 2 ** 20).toFixed(1)} MB = ${(median(results.heap) / corpusBytes).toFixed(2)}× corpus (target ≤ 0.5×)`);
console.log(`open largest recording (${(largest.size / 2 ** 20).toFixed(1)} MB) to painted:      ${fmt(median(results.open))}   (target ≤ 300 ms)`);
console.log(`search, keystroke to filtered list (median/max):    ${fmt(median(results.search))} / ${fmt(Math.max(...results.search))}   (target ≤ 50 ms)`);
console.log(`search, the app's own measure (data-search-ms) max: ${fmt(Math.max(...results.appSearch))}`);
console.log(`long tasks after the load (search, list modes, scroll, test page, Compare): ${results.longTasks.map((t) => `${t.count} over 50 ms, longest ${fmt(t.max)}`).join('; ')}   (target: none over 200 ms)`);
if (scaled) {
  const scaledBytes = corpusBytes * SCALE;
  const row = (label, one, many) => console.log(`${label.padEnd(44)} ${String(one).padStart(16)} ${String(many).padStart(16)}`);
  console.log('');
  console.log(`${SCALE}× folder (copy0 … copy${SCALE - 1}): ${(files.length * SCALE).toLocaleString('en')} files, ${(scaledBytes / 2 ** 20).toFixed(0)} MB; ${RUNS} run(s), medians. Single runs vary by about ±10%; compare several before concluding.`);
  row('figure', '1×', `${SCALE}×`);
  row('raw read floor', fmt(median(results.floor)), fmt(median(scaled.floor)));
  row('cold index (data-ms)', fmt(median(results.cold)), fmt(median(scaled.cold)));
  row('cold / floor (target ≤ 1.30)', (median(results.cold) / median(results.floor)).toFixed(2), (median(scaled.cold) / median(scaled.floor)).toFixed(2));
  row('recordings indexed / errors', `${median(results.count)} / ${Math.max(...results.errors)}`, `${median(scaled.count)} / ${Math.max(...scaled.errors)}`);
  row('first rows visible', fmt(median(results.firstRow)), fmt(median(scaled.firstRow)));
  row('search keystroke, median / max', `${fmt(median(results.search))} / ${fmt(Math.max(...results.search))}`, `${fmt(median(scaled.search))} / ${fmt(Math.max(...scaled.search))}`);
  row("search, app's own measure, max", fmt(Math.max(...results.appSearch)), fmt(Math.max(...scaled.appSearch)));
  row('JS heap after load (target ≤ 0.1× folder)', `${(median(results.heap) / 2 ** 20).toFixed(1)} MB ${(median(results.heap) / corpusBytes).toFixed(2)}×`, `${(median(scaled.heap) / 2 ** 20).toFixed(1)} MB ${(median(scaled.heap) / scaledBytes).toFixed(3)}×`);
  row('longest task after load (target ≤ 200 ms)', fmt(Math.max(...results.longTasks.map((t) => t.max))), fmt(Math.max(...scaled.longTasks.map((t) => t.max))));
  row('open largest recording', fmt(median(results.open)), fmt(median(scaled.open)));
}
for (const [speed, f] of Object.entries(playback)) {
  console.log(`playback 20,000 chunks at ${speed === 'max' ? 'max speed' : `${speed}×`}, frame p50/p95/max:  ${f.p50.toFixed(1)} / ${f.p95.toFixed(1)} / ${f.max.toFixed(1)} ms   (60 fps = 16.7 ms)`);
}
if (served) printServe(served, floor);
process.exit(0);
