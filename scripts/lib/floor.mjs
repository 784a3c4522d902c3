/**
 * The raw read floor every load figure is compared with: a bare page that reads each
 * `*.json` file's text through a folder input and does nothing else. 64 reads in flight,
 * as the floor page: with all of 31,620 at once Chromium fails some reads.
 * `page` must already show a document holding `<input type=file webkitdirectory id=f>`.
 * Returns milliseconds, or NaN when a read failed (the figure would be meaningless).
 */
export async function readFloorMs(page, folder) {
  await page.evaluate(() => {
    window.__floor = new Promise((resolve) =>
      document.getElementById('f').addEventListener('change', async (event) => {
        const t0 = performance.now();
        const list = [...event.target.files].filter((f) => f.name.endsWith('.json'));
        let next = 0;
        let failed = 0;
        const lane = async () => {
          while (next < list.length) await list[next++].text().catch(() => failed++);
        };
        await Promise.all(Array.from({ length: 64 }, lane));
        resolve(failed ? Number.NaN : performance.now() - t0);
      }),
    );
  });
  await page.locator('#f').setInputFiles(folder);
  return page.evaluate(() => window.__floor);
}

export const FLOOR_PAGE = '<!doctype html><input type=file webkitdirectory multiple id=f>';
