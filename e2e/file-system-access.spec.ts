import { expect, test, type Page } from '@playwright/test';
import { countRecordings, listJsonFiles, navigateInApp, recordingUrl, samplesDir, waitForIndex } from './support';

/**
 * The File System Access path with real handles: the sample files are
 * written into the origin-private file system, and only the OS dialog (or
 * the OS drag source) is replaced by that real directory handle.
 */
async function writeSamplesToOpfs(page: Page) {
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
async function openSamplesThroughPicker(page: Page) {
  await page.goto('/');
  await writeSamplesToOpfs(page);
  await page.evaluate(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('recordings-under-test');
  });
  await page.getByRole('button', { name: 'Open folder…' }).first().click();
}

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
