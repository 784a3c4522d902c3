import { expect, test } from '@playwright/test';
import { countRecordings, listJsonFiles, navigateInApp, openSamplesThroughPicker, recordingUrl, samplesDir, waitForIndex, writeSamplesToOpfs } from './support';

test('the folder picker path ends in the same state as the folder input', async ({ page }) => {
  const expected = countRecordings(samplesDir);
  await openSamplesThroughPicker(page);
  const status = await waitForIndex(page);
  expect(status).toMatchObject({ count: expected.recordings, errors: expected.errors });
  await expect(page.getByTestId('load-error')).toHaveCount(expected.errors);
  // The handle is remembered, so the folder can be re-opened in one click from the start page.
  await page.getByRole('link', { name: 'Recording Inspector' }).click();
  await expect(page.getByTestId('recent-folder').first()).toContainText('recordings-under-test');
  await page.getByTestId('recent-folder').first().click();
  // The previous load's status stays up while the folder is walked; "cached" marks the new one.
  await expect(page.getByTestId('index-status')).toContainText('cached');
  const again = await waitForIndex(page);
  expect(again).toMatchObject({ count: expected.recordings, errors: expected.errors });
});

test('dropping a folder on the page loads it', async ({ page }) => {
  const expected = countRecordings(samplesDir);
  await page.goto('/');
  await writeSamplesToOpfs(page);
  await page.evaluate(async () => {
    const handle = await (await navigator.storage.getDirectory()).getDirectoryHandle('recordings-under-test');
    const item = { kind: 'file', type: '', getAsFileSystemHandle: async () => handle, webkitGetAsEntry: () => null };
    const dataTransfer = { types: ['Files'], items: [item], files: [] };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      document.body.dispatchEvent(event);
    }
  });
  const status = await waitForIndex(page);
  expect(status).toMatchObject({ count: expected.recordings, errors: expected.errors });
});

test('through the picker, a file rewritten after loading is reported when opened', async ({ page }) => {
  await openSamplesThroughPicker(page);
  await waitForIndex(page);
  const target = listJsonFiles(samplesDir).find((rel) => rel.includes('/recordings/'))!;
  // The app only reads; the test rewrites the file through its own handle.
  await page.evaluate(async (rel) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('recordings-under-test');
    const segments = rel.split('/');
    for (const segment of segments.slice(0, -1)) dir = await dir.getDirectoryHandle(segment);
    const writable = await (await dir.getFileHandle(segments.at(-1)!)).createWritable();
    await writable.write('{"rewritten": true}');
    await writable.close();
  }, target);
  await navigateInApp(page, recordingUrl(target));
  const notice = page.getByTestId('file-changed');
  await expect(notice).toContainText(target);
  await expect(notice.getByRole('button', { name: 'Reload folder' })).toBeVisible();
});
