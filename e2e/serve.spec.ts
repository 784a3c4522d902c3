/**
 * `recording-inspector DIR --no-open`: the real command line serves a folder
 * written here, and Chromium lists it with no picker, opens a recording, and
 * follows a re-recorded file without a reload. `--compare BASE` fills Compare.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chatRecording, readSummary, repoRoot } from './support';

const SUITE = 'tests/integration/demo';
const recordingPath = (hash: string) => `${SUITE}/recordings/${hash}.json`;
const testId = (name: string) => `${SUITE}/test_demo.py::${name}`;

function writeRecording(root: string, hash: string, name: string, question: string, answer: string) {
  const full = path.join(root, recordingPath(hash));
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, JSON.stringify(chatRecording({ testId: testId(name), question, answer }), null, 2));
}

const running: ChildProcess[] = [];

/** Starts the built command line and returns the URL it prints. */
async function serve(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'recording-inspector.mjs'), ...args, '--no-open', '--quiet'], {
    cwd: repoRoot,
    env: { ...process.env, RECORDING_INSPECTOR_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-cache-')) },
  });
  running.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = stdout.split('\n').find((line) => line.startsWith('http://'));
      if (url) resolve(url.trim());
    });
    child.on('close', (code) => reject(new Error(`recording-inspector exited with ${code}: ${stderr}`)));
  });
}

test.beforeAll(() => {
  // The app in dist/ is built by the Playwright web server; the command line is bundled here.
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot });
});

test.afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
});

test('a served folder is listed at once, opens, and follows a re-recorded file without a reload', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-served-'));
  writeRecording(dir, 'aaa111', 'test_math', 'What is 2+2?', 'Four.');
  writeRecording(dir, 'bbb222', 'test_geo', 'Capital of France?', 'Paris.');
  writeFileSync(path.join(dir, 'broken.json'), '{ "request": ');
  const url = await serve([dir]);

  await page.goto(url);
  const status = page.getByTestId('index-status');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toHaveAttribute('data-count', '2');
  await expect(status).toHaveAttribute('data-errors', '1');
  expect(Number(await status.getAttribute('data-ms'))).toBeGreaterThan(0);
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByTestId('recording-row')).toHaveCount(2);
  await expect(status).toContainText(path.basename(dir));
  // Replay keys follow the listing (computed by the server after the index), then the summary is done.
  await expect(page.getByTestId('key-summary')).toHaveAttribute('data-state', 'done');

  await page.locator(`[data-testid=recording-row][data-path="${recordingPath('aaa111')}"]`).click();
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', recordingPath('aaa111'));
  await expect(page.getByTestId('final-text')).toHaveText('Four.');

  // Re-recording while the page is open: the row and the open recording change, the page does not reload.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  writeRecording(dir, 'aaa111', 'test_math', 'What is 2+2?', 'Four, as before.');
  writeRecording(dir, 'ccc333', 'test_sky', 'Colour of the sky?', 'Blue.');
  await expect(page.getByTestId('recording-row')).toHaveCount(3);
  await expect(page.locator(`[data-testid=recording-row][data-path="${recordingPath('aaa111')}"]`)).toContainText('Four, as before.');
  await expect(page.getByTestId('final-text')).toHaveText('Four, as before.');
  await expect(status).toHaveAttribute('data-count', '3');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a deep link to a recording works after the token is exchanged', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-deep-'));
  writeRecording(dir, 'ddd444', 'test_deep', 'Deep?', 'Linked.');
  const url = new URL(await serve([dir]));
  await page.goto(`${url.origin}/r/${recordingPath('ddd444')}?token=${url.searchParams.get('token')}`);
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', recordingPath('ddd444'));
  await expect(page.getByTestId('final-text')).toHaveText('Linked.');
  // A reload keeps working: the token now lives in the cookie.
  await page.reload();
  await expect(page.getByTestId('final-text')).toHaveText('Linked.');
});

test('--compare BASE makes Compare show BASE vs DIR', async ({ page }) => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-base-'));
  const head = mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-head-'));
  writeRecording(base, 'aaa111', 'test_same', 'Same?', 'Same.');
  writeRecording(head, 'aaa111', 'test_same', 'Same?', 'Same.');
  writeRecording(base, 'bbb222', 'test_changed', 'Changed?', 'Before.');
  writeRecording(head, 'bbb222', 'test_changed', 'Changed?', 'After, quite different now.');
  writeRecording(base, 'ccc333', 'test_gone', 'Gone?', 'Removed.');
  writeRecording(head, 'ddd444', 'test_new', 'New?', 'Added.');
  const url = await serve([head, '--compare', base]);
  await page.goto(url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'done');
  await page.getByRole('link', { name: 'Compare' }).first().click();
  const summary = await readSummary(page);
  expect(summary).toMatchObject({ added: 1, removed: 1, modified: 1, unchanged: 1 });
});

test('without the token the server answers nothing but a refusal', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-token-'));
  writeRecording(dir, 'eee555', 'test_secret', 'Secret?', 'Hidden.');
  const url = new URL(await serve([dir]));
  const response = await page.goto(`${url.origin}/browse`);
  expect(response?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('token');
  await expect(page.locator('body')).not.toContainText('Hidden.');
});
