import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chatRecording, navigateInApp, openFolderViaInput, waitForIndex, watchForInjection } from './support';

/** A folder written by the test itself: names and ids a router or an encoder can choke on. */
function writeAwkwardFolder() {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'routes-')), 'recordings');
  mkdirSync(dir, { recursive: true });
  const files = {
    plain: 'plain.json',
    newline: 'line\nbreak.json',
    awkward: 'what?#100%.json',
    surrogate: 'surrogate.json',
  };
  const write = (name: string, testId: string, answer: string) =>
    writeFileSync(path.join(dir, name), JSON.stringify(chatRecording({ testId, question: 'q', answer })));
  write(files.plain, 'tests/integration/x/test_routes.py::test_plain', 'plain answer');
  write(files.newline, 'tests/integration/x/test_routes.py::test_newline', 'newline answer');
  write(files.awkward, 'tests/integration/x/test_routes.py::test_awkward', 'awkward answer');
  // JSON.stringify writes the lone surrogate as the escape \ud800, which JSON.parse reads back as one.
  write(files.surrogate, 'tests/integration/x/test_routes.py::test_lone[\ud800]', 'surrogate answer');
  return { dir, files };
}

test('a malformed recording address shows a message, and the list works after navigating away', async ({ page }) => {
  const { dir } = writeAwkwardFolder();
  const watcher = await watchForInjection(page);
  await page.goto('/');
  await openFolderViaInput(page, dir);
  expect((await waitForIndex(page)).count).toBe(4);

  await navigateInApp(page, '/r/tests/%E0%A4%A.json');
  await expect(page.getByTestId('malformed-address')).toContainText('malformed %-escape');
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await expect(page.getByTestId('recording-row')).toHaveCount(4);

  await page.getByRole('link', { name: 'go back to the list' }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await page.getByTestId('recording-row').filter({ hasText: 'plain answer' }).click();
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', 'plain.json');
  await expect(page.getByTestId('final-text')).toHaveText('plain answer');
  expect(watcher.problems).toEqual([]);
});

test('a malformed address loaded directly, before any folder, says so', async ({ page }) => {
  await page.goto('/r/tests/%E0%A4%A.json');
  await expect(page.getByTestId('malformed-address')).toBeVisible();
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await page.goto('/t/%ZZ');
  await expect(page.getByTestId('malformed-address')).toContainText('does not name a test');
});

test('file names with a newline, #, ? or %, and a test id with a lone surrogate, open and link back', async ({ page }) => {
  const { dir, files } = writeAwkwardFolder();
  const watcher = await watchForInjection(page);
  await page.goto('/');
  await openFolderViaInput(page, dir);
  await waitForIndex(page);

  for (const [answer, file] of [
    ['newline answer', files.newline],
    ['awkward answer', files.awkward],
    ['surrogate answer', files.surrogate],
  ] as const) {
    await page.getByTestId('recording-row').filter({ hasText: answer }).click();
    await expect(page.getByTestId('recording-detail'), file).toHaveAttribute('data-path', file);
    await expect(page.getByTestId('final-text')).toHaveText(answer);
    // The row of the open recording is the selected one: the address was read back to the same path.
    await expect(page.locator(`[data-testid="recording-row"][aria-selected="true"]`)).toHaveAttribute('data-path', file);
    // A reload keeps the address: the same recording is asked for once the folder is opened again.
    const address = new URL(page.url()).pathname;
    await navigateInApp(page, '/browse');
    await navigateInApp(page, address);
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', file);
  }

  // The test row of the lone-surrogate id opens its story, and the story links to the recording.
  await page.getByTestId('tree-test').filter({ hasText: 'test_lone' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tests/integration/x/test_routes.py::test_lone');
  const step = page.locator(`[data-testid="story-step"][data-path="${files.surrogate}"]`);
  await step.getByRole('link').first().click();
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', files.surrogate);

  await expect(page.getByText('Nothing here')).toHaveCount(0);
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  expect(watcher.problems).toEqual([]);
});
