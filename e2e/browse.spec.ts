import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  CORPUS_MISSING,
  corpusDir,
  countRecordings,
  hasCorpus,
  listJsonFiles,
  navigateInApp,
  openFolderViaInput,
  recordingUrl,
  samplesDir,
  waitForIndex,
} from './support';

test.describe('opening a folder and browsing it by test', () => {
  test('the start page opens the bundled samples with one click', async ({ page }) => {
    const expected = countRecordings(samplesDir);
    expect(expected.recordings).toBeGreaterThan(15);
    await page.goto('/');
    await page.getByTestId('open-samples').click();
    const status = await waitForIndex(page);
    expect(status.count).toBe(expected.recordings);
    expect(status.errors).toBe(expected.errors);
    await expect(page).toHaveURL(/\/browse/);
    await expect(page.getByTestId('recording-row').first()).toBeVisible();
    await expect(page.getByTestId('index-status')).toContainText(`${expected.recordings} recordings`);
  });

  test('a folder opened from the start page is listed there, then the URL moves to /browse; Back returns to the start page', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await expect(page).toHaveURL(/\/browse$/);
    await expect(page.getByTestId('recording-row').first()).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('open-samples')).toBeVisible();
    await expect(page.getByTestId('recording-row')).toHaveCount(0);
    await page.goForward();
    await expect(page.getByTestId('recording-row').first()).toBeVisible();
  });

  test('a /?samples link opens on the bundled samples', async ({ page }) => {
    const expected = countRecordings(samplesDir);
    await page.goto('/?samples');
    expect((await waitForIndex(page)).count).toBe(expected.recordings);
    await expect(page).toHaveURL(/\/browse/);
  });

  test('folder input loads every recording, lists bad files, and groups by test', async ({ page }) => {
    const expected = countRecordings(samplesDir);
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    const status = await waitForIndex(page);
    expect(status).toMatchObject({ count: expected.recordings, errors: expected.errors });
    expect(status.ms).toBeGreaterThan(0);
    // The non-recording JSON beside the recordings is listed with its path and a reason.
    const errorItems = page.getByTestId('load-error');
    await expect(errorItems).toHaveCount(expected.errors);
    if (expected.errors > 0) await expect(page.locator('[data-testid="load-error"][data-path$=".json"]').first()).toContainText(/not a recording|JSON/i);
    // Tree: suites, files and tests with counts.
    await expect(page.getByTestId('tree-suite').first()).toBeVisible();
    await expect(page.getByTestId('tree-test').first()).toBeVisible();
  });

  test('search finds a file by its hash, opens it, and back/forward work', async ({ page }) => {
    const files = listJsonFiles(samplesDir).filter((f) => f.includes('/recordings/'));
    const target = files[Math.floor(files.length / 2)]!;
    const hash = path.basename(target, '.json');
    const targetJson = JSON.parse(readFileSync(path.join(samplesDir, target), 'utf8')) as { test_id?: string | null };
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await page.getByTestId('search-input').fill(hash.slice(0, 16));
    const rows = page.getByTestId('recording-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-path', target);
    await expect(rows.first()).toHaveAttribute('data-test-id', targetJson.test_id ?? '');
    await rows.first().click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', target);
    await expect(page).toHaveURL(new RegExp(`/r/.*${hash}`));

    // Open a second recording, then go back and forward through history.
    await page.getByTestId('search-input').fill('');
    await expect(page.getByTestId('list-count')).not.toContainText(' of ');
    const otherPath = await page.locator(`[data-testid="recording-row"]:not([data-path="${target}"])`).first().getAttribute('data-path');
    await page.locator(`[data-testid="recording-row"][data-path="${otherPath}"]`).click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', otherPath!);
    await page.goBack();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', target);
    await page.goForward();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', otherPath!);
  });

  test('a recording URL opened after the folder is loaded shows that recording', async ({ page }) => {
    const target = listJsonFiles(samplesDir).find((f) => f.includes('/recordings/'))!;
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await navigateInApp(page, recordingUrl(target));
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', target);
    await expect(page.getByTestId('recording-kind')).not.toBeEmpty();
  });

  test('a recording URL opened without a folder asks for the folder', async ({ page }) => {
    await page.goto(recordingUrl('tests/integration/x/recordings/abc.json'));
    await expect(page.getByText(/Open the folder that holds/)).toBeVisible();
  });

  test('keyboard: / focuses search, j/k move, Enter opens', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await page.getByRole('tree').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.type('recordings');
    await page.keyboard.press('Enter');
    // Enter from search moves to the first row; walk down to the first recording and open it.
    for (let i = 0; i < 6; i++) await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/(r|t)\//);
  });

  test('flat mode lists every recording with its test id', async ({ page }) => {
    const expected = countRecordings(samplesDir);
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await page.getByRole('radio', { name: 'Flat' }).click();
    await expect(page.getByTestId('tree-suite')).toHaveCount(0);
    const rows = page.getByTestId('recording-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeLessThanOrEqual(expected.recordings);
  });
});

test.describe('the real llama-stack corpus', () => {
  test.skip(!hasCorpus, CORPUS_MISSING);
  test('loads all of tests/integration through the folder input with no errors', async ({ page }) => {
    const dir = path.join(corpusDir, 'llama-stack-head');
    const expected = countRecordings(dir);
    await page.goto('/');
    await openFolderViaInput(page, dir);
    // Rows stream in before the load completes.
    await expect(page.getByTestId('recording-row').first()).toBeVisible();
    const status = await waitForIndex(page);
    expect(status.count).toBe(expected.recordings);
    expect(status.errors).toBe(expected.errors);
    expect(status.count).toBe(3162);
  });
});
