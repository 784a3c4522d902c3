import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chatRecording, openFolderViaInput, samplesDir, waitForIndex } from './support';

/** A streamed chat answer that only calls a tool (bundled sample, 17 chunks). */
const TOOL_STREAM = 'tests/integration/agents/recordings/9f645a2f8b8a5ac23fb023f0f89ea1d0f947e7f85e7dbf4a4a75481e94dd6bd1.json';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openFolderViaInput(page, samplesDir);
  await waitForIndex(page);
});

test('counts read as English, and a tool-call-only answer lists its call', async ({ page }) => {
  // The samples hold two files that are not recordings (a JSON matrix and a websocket cassette).
  await expect(page.getByTestId('index-status')).toContainText(/\b2 errors\b/);
  const single = path.join(mkdtempSync(path.join(os.tmpdir(), 'ri-e2e-single-')), 'one-bad-file');
  mkdirSync(single);
  writeFileSync(path.join(single, 'ok.json'), JSON.stringify(chatRecording({ testId: 'tests/t.py::test_one', question: 'Hi?', answer: 'Hello.' })));
  writeFileSync(path.join(single, 'broken.json'), '{ "request": ');
  await openFolderViaInput(page, single);
  const status = page.getByTestId('index-status');
  await expect(status).toHaveAttribute('data-count', '1');
  await expect(status).toHaveAttribute('data-errors', '1');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText('1 recording · 1 error');
  await expect(status).not.toContainText(/recordings|errors/);
  await openFolderViaInput(page, samplesDir);
  await expect(status).toHaveAttribute('data-count', '53');
  await waitForIndex(page);
  await expect(page.locator(`[data-testid="recording-row"][data-path="${TOOL_STREAM}"]`)).toContainText('→ convert_currency({"amount":');
});

test('Enter in the filter opens the first match, then Space and the arrows drive its player and j/k still move the list', async ({ page }) => {
  await page.keyboard.press('/');
  await page.keyboard.type('9f645a2f');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', TOOL_STREAM);
  const position = page.getByTestId('playback-position');
  await expect(position).toHaveAttribute('data-index', '16');

  await page.keyboard.press('Home');
  await expect(position).toHaveAttribute('data-index', '0');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveAttribute('data-index', '1');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'false');

  // j/k reach the list from the detail pane: the cursor ring moves, Enter opens.
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('recording-detail').getByRole('heading', { name: /Request/ }).click();
  await page.keyboard.press('j');
  await expect(page.getByRole('tree', { name: 'Recordings by test' })).toBeFocused();
});

test('the chunk table lists every chunk, a click moves the player, and the chunk pane shows the delta first', async ({ page }) => {
  await page.getByTestId('search-input').fill('9f645a2f');
  await page.getByTestId('search-input').press('Enter');
  const table = page.getByTestId('chunk-table');
  await expect(table).toBeVisible();
  const row = table.locator('[data-testid="chunk-row"][data-index="14"]');
  await row.scrollIntoViewIfNeeded();
  await expect(row).toContainText('#14');
  await expect(row).toContainText('ChatCompletionChunk');
  await table.locator('[data-testid="chunk-row"][data-index="3"]').click();
  await expect(page.getByTestId('playback-position')).toHaveAttribute('data-index', '3');
  await expect(page.getByTestId('playback-chunk-number')).toHaveText('#3');
  await expect(page).toHaveURL(/[?&]chunk=3(&|$)/);
  await expect(table.locator('[data-testid="chunk-row"][aria-selected="true"]')).toHaveAttribute('data-index', '3');
  // The delta is shown; the JSON wrapper is folded until asked for.
  await expect(page.getByTestId('playback-chunk-delta')).toBeVisible();
  await expect(page.getByTestId('playback-chunk')).toBeHidden();
  await page.getByText('Chunk JSON').click();
  await expect(page.getByTestId('playback-chunk')).toBeVisible();
});

test('/browse without a folder shows one prompt, not two', async ({ page }) => {
  await page.goto('/browse');
  await expect(page.getByRole('button', { name: 'Open folder…' })).toHaveCount(2); // the header's and the page's
  await expect(page.getByRole('button', { name: 'Open sample recordings' })).toHaveCount(1);
});

test('a folder without any JSON says so, naming the folder', async ({ page }) => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'nojson-')), 'notes');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'README.txt'), 'no recordings here');
  await page.goto('/');
  await openFolderViaInput(page, dir);
  await expect(page.getByTestId('list-empty')).toContainText('No *.json found in “notes”');
});
