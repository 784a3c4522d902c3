#!/usr/bin/env node
// Screenshots of the main views in light and dark mode, for a person to look at
// (they assert nothing, so they are a script, not tests). Builds the app, serves
// it, opens the bundled samples and writes PNGs to test-results/screenshots/.
//
// Usage: node scripts/screenshots.mjs [--port 4199]

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 4199;
const out = join(root, 'test-results', 'screenshots');
mkdirSync(out, { recursive: true });

// Streams worth looking at: plain text, tool calls, reasoning (file hashes from public/samples).
const VIEWS = [
  { name: 'ollama-generate', find: '5c1261d9', chunk: 14 },
  { name: 'tool-calls', find: '06368d33', chunk: 14 },
  { name: 'reasoning', find: '5b48f25a', chunk: 60 },
];

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme });
    await page.goto(`${base}/?samples`);
    await page.locator('[data-testid="index-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(out, `browse-${scheme}.png`) });
    for (const view of VIEWS) {
      await page.getByTestId('search-input').fill(view.find);
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('recording-detail').waitFor();
      await page.screenshot({ path: join(out, `${view.name}-recording-${scheme}.png`) });
      const url = new URL(page.url());
      url.searchParams.set('chunk', String(view.chunk));
      await page.evaluate((target) => {
        history.pushState({}, '', target);
        dispatchEvent(new PopStateEvent('popstate'));
      }, url.pathname + url.search);
      const player = page.getByTestId('playback');
      await page.locator(`[data-testid="playback-position"][data-index="${view.chunk}"]`).waitFor();
      await player.scrollIntoViewIfNeeded();
      await player.screenshot({ path: join(out, `${view.name}-playback-${scheme}.png`) });
    }
    await page.close();
  }
  await browser.close();
  console.log(`screenshots written to ${out}`);
} finally {
  process.kill(-server.pid);
}
