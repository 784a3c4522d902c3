import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chatRecording, corpusDir, readSummary, repoRoot } from './support';

const prExample = path.join(corpusDir, 'pr-example');
const hasPrExample = existsSync(path.join(prExample, 'base')) && existsSync(path.join(prExample, 'head'));


async function compareFolders(page: Page, base: string, head: string) {
  await page.goto('/compare');
  await page.getByTestId('compare-base-input').setInputFiles(base);
  await page.getByTestId('compare-head-input').setInputFiles(head);
}

test.describe('compare: the llama-stack PR #4997 example', () => {
  test.skip(!hasPrExample, `shared corpus not found at ${prExample} (resolved from ${repoRoot}); skipping the real PR example`);

  test('counts the real PR and opens a modified pair', async ({ page }) => {
    await page.goto('/compare');
    await page.getByTestId('compare-base-input').setInputFiles(path.join(prExample, 'base'));
    await page.getByTestId('compare-head-input').setInputFiles(path.join(prExample, 'head'));
    await expect(page.getByTestId('diff-summary')).toBeVisible();
    const summary = await readSummary(page);
    expect(summary).toMatchObject({ added: 9, removed: 0, modified: 2, rekeyed: 0, unchanged: 1611, noiseOnly: 0 });
    const rows = page.getByTestId('diff-row');
    await expect(rows).toHaveCount(11);
    await expect(page.locator('[data-testid="diff-row"][data-status="added"]')).toHaveCount(9);
    await expect(page.locator('[data-testid="diff-row"][data-noise-only="true"]')).toHaveCount(0);

    const modified = page.locator('[data-testid="diff-row"][data-status="modified"]').first();
    const headPath = await modified.getAttribute('data-head-path');
    expect(headPath).toBeTruthy();
    await modified.click();
    const panel = page.getByTestId('diff-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-head-path', headPath!);
    await expect(page.getByTestId('recording-diff')).toBeVisible();
    await expect(page.getByTestId('diff-noise')).toContainText(/noise field/);
    // Something other than noise differs in a real modification.
    await expect(page.getByTestId('diff-only-noise')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`sel=${encodeURIComponent(headPath!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'compare-pr-example.png') });

    // An added row shows the recording in the normal detail view.
    await page.locator('[data-testid="diff-row"][data-status="added"]').first().click();
    await expect(page.getByTestId('recording-detail')).toBeVisible();
  });
});

// ---------------------------------------------------------------- synthetic

const T = (name: string) => `tests/integration/inference/test_synthetic.py::${name}[txt=openai/gpt-4o]`;

const recording = chatRecording;

type Tree = Record<string, string>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * base → head:
 *   recordings/text.json     modified: the answer's text changed
 *   recordings/noise.json    modified, noise-only: id, created, system_fingerprint
 *   recordings/old-hash.json → recordings/new-hash.json  rekeyed: the question changed
 *   recordings/gone.json     removed
 *   recordings/extra.json    added, in the test of keep.json
 *   recordings/brand-new.json added
 *   recordings/keep.json     unchanged (not hash-named: no replay key, so never left behind)
 *   recordings/same.json     unchanged
 *   plus a .txt and a node_modules JSON that must be ignored
 */
function syntheticTrees(): { base: Tree; head: Tree } {
  const common: Tree = {
    'recordings/same.json': json(recording({ testId: T('test_same'), question: 'Say hi', answer: 'Hi!' })),
    'recordings/keep.json': json(recording({ testId: T('test_orphan'), question: 'First call', answer: 'One.' })),
    'recordings/notes.txt': 'not a recording',
    'node_modules/pkg/package.json': json({ name: 'ignored' }),
  };
  const base: Tree = {
    ...common,
    'recordings/text.json': json(recording({ testId: T('test_text'), question: 'Capital of France?', answer: 'The capital of France is Paris.' })),
    'recordings/noise.json': json(recording({ testId: T('test_noise'), question: 'Count to 3', answer: '1 2 3' })),
    'recordings/old-hash.json': json(recording({ testId: T('test_rename'), question: 'Weather in Paris?', answer: 'Sunny.' })),
    'recordings/gone.json': json(recording({ testId: T('test_gone'), question: 'Bye?', answer: 'Bye.' })),
  };
  const head: Tree = {
    ...common,
    'recordings/text.json': json(recording({ testId: T('test_text'), question: 'Capital of France?', answer: 'The capital of France is Lyon, surely.' })),
    'recordings/noise.json': json(
      recording({ testId: T('test_noise'), question: 'Count to 3', answer: '1 2 3', id: 'rec-ffffffffffff', created: 1_760_000_000, fingerprint: 'fp_zzz' }),
    ),
    'recordings/new-hash.json': json(recording({ testId: T('test_rename'), question: 'Weather in Paris today?', answer: 'Sunny.' })),
    'recordings/extra.json': json(recording({ testId: T('test_orphan'), question: 'Second call', answer: 'Two.' })),
    'recordings/brand-new.json': json(recording({ testId: T('test_brand_new'), question: 'New?', answer: 'Yes.' })),
  };
  return { base, head };
}

const SYNTHETIC_COUNTS = { added: 2, removed: 1, modified: 2, rekeyed: 1, unchanged: 2, noiseOnly: 1, answerChanged: 1, requestChanged: 0, toolsChanged: 0, metadataOnly: 0 };

function writeTree(dir: string, tree: Tree) {
  for (const [rel, text] of Object.entries(tree)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

function writeSynthetic(root: string) {
  const trees = syntheticTrees();
  const base = path.join(root, 'base-snapshot');
  const head = path.join(root, 'head-snapshot');
  writeTree(base, trees.base);
  writeTree(head, trees.head);
  return { base, head };
}

test.describe('compare: a synthetic snapshot pair', () => {
  let root = '';
  let dirs: { base: string; head: string };
  test.beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'compare-e2e-'));
    dirs = writeSynthetic(root);
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a file whose only change is a byte-order mark counts as modified (different bytes)', async ({ page }) => {
    const text = json(recording({ testId: T('test_bom'), question: 'Same?', answer: 'Same.' }));
    const base = path.join(root, 'bom-base');
    const head = path.join(root, 'bom-head');
    writeTree(base, { 'recordings/bom.json': text });
    writeTree(head, { 'recordings/bom.json': `\uFEFF${text}` });
    await compareFolders(page, base, head);
    expect(await readSummary(page)).toMatchObject({ modified: 1, unchanged: 0, noiseOnly: 1 });
  });

  test('classifies every kind of change, hides noise-only rows and says what changed', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    const summary = await readSummary(page);
    expect(summary).toMatchObject(SYNTHETIC_COUNTS);
    await expect(page.locator('[data-testid="diff-row"][data-head-path="recordings/text.json"]')).toHaveAttribute('data-categories', 'answer');
    await expect(page.getByTestId('compare-base-name')).toContainText('base-snapshot');

    const rows = page.getByTestId('diff-row');
    await expect(rows).toHaveCount(5);
    await expect(page.locator('[data-testid="diff-row"][data-noise-only="true"]')).toHaveCount(0);
    await expect(page.getByTestId('noise-hidden-count')).toHaveText('1 noise-only hidden');
    const rekeyed = page.locator('[data-testid="diff-row"][data-status="rekeyed"]');
    await expect(rekeyed).toHaveAttribute('data-base-path', 'recordings/old-hash.json');
    await expect(rekeyed).toHaveAttribute('data-head-path', 'recordings/new-hash.json');
    await expect(page.locator('[data-testid="diff-row"][data-status="removed"]')).toHaveAttribute('data-head-path', '');
    await expect(page.locator('[data-testid="diff-row"][data-status="removed"]')).toHaveAttribute('data-test-id', T('test_gone'));

    await page.getByTestId('noise-toggle').check();
    await expect(rows).toHaveCount(6);
    await expect(page).toHaveURL(/noise=show/);
    const noiseRow = page.locator('[data-testid="diff-row"][data-noise-only="true"]');
    await expect(noiseRow).toHaveAttribute('data-head-path', 'recordings/noise.json');
    await expect(noiseRow).toHaveAttribute('data-categories', 'noise-only');
    await noiseRow.click();
    await expect(page.getByTestId('diff-noise')).toHaveText('3 noise fields changed (ids, timestamps, fingerprints)');
    await expect(page.getByTestId('diff-only-noise')).toBeVisible();
    await page.getByTestId('noise-toggle').uncheck();
    await expect(rows).toHaveCount(5);

    // Left behind comes from replay keys: these files are not hash-named, so none can be.
    await expect(page.getByTestId('diff-summary')).toHaveAttribute('data-left-behind', '0');
    await expect(page.getByTestId('left-behind-status')).toHaveText(/Nothing left behind/);

    // Status filter, kept in the URL.
    await page.getByTestId('status-filter-added').uncheck();
    await expect(rows).toHaveCount(3);
    await expect(page).toHaveURL(/status=removed%2Cmodified%2Crekeyed|status=removed,modified,rekeyed/);
    await page.getByTestId('status-filter-added').check();
    await expect(rows).toHaveCount(5);
  });

  test('shows the semantic diff and keeps the selection in the URL across history', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await readSummary(page);

    await page.locator('[data-testid="diff-row"][data-head-path="recordings/text.json"]').click();
    await expect(page).toHaveURL(/[?&]sel=recordings%2Ftext\.json/);
    const panel = page.getByTestId('diff-panel');
    await expect(panel).toHaveAttribute('data-status', 'modified');
    const text = page.getByTestId('text-diff');
    await expect(text.locator('del').first()).toContainText('Paris');
    await expect(text.locator('ins').first()).toContainText('Lyon');
    expect(await text.textContent()).toContain('The capital of France is ');
    await expect(page.getByTestId('diff-request')).toContainText('same');
    await expect(page.locator('[data-testid="fact-change"][data-field="usage"]')).toHaveCount(0);

    // Rekeyed: the request change is listed structurally.
    await page.locator('[data-testid="diff-row"][data-status="rekeyed"]').click();
    await expect(panel).toHaveAttribute('data-status', 'rekeyed');
    const change = page.locator('[data-testid="json-change"][data-path="messages[0].content"]');
    await expect(change).toHaveAttribute('data-kind', 'changed');
    await expect(change).toContainText('today');
    await expect(page).toHaveURL(/sel=recordings%2Fnew-hash\.json/);

    // Away and back with history: the same comparison and selection, without re-choosing folders.
    await page.getByRole('link', { name: 'Browse', exact: true }).click();
    await expect(page).toHaveURL(/\/browse/);
    await page.goBack();
    await expect(page).toHaveURL(/\/compare\?.*sel=recordings%2Fnew-hash\.json/);
    await expect(page.getByTestId('diff-panel')).toHaveAttribute('data-head-path', 'recordings/new-hash.json');
    await expect(page.getByTestId('diff-summary')).toHaveAttribute('data-rekeyed', '1');

    // Back once more: the previous selection.
    await page.goBack();
    await expect(page.getByTestId('diff-panel')).toHaveAttribute('data-head-path', 'recordings/text.json');

    // Added and removed rows open in the normal detail view.
    await page.locator('[data-testid="diff-row"][data-status="removed"]').click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', 'recordings/gone.json');
    await expect(page.getByTestId('final-text')).toHaveText('Bye.');

    // The Base and Head tabs of a pair are the normal detail view too.
    await page.locator('[data-testid="diff-row"][data-head-path="recordings/text.json"]').click();
    await page.getByTestId('tab-head').click();
    await expect(page.getByTestId('final-text')).toHaveText('The capital of France is Lyon, surely.');
    await expect(page).toHaveURL(/view=head/);
  });

  test('j and k move the selection through the change list', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await readSummary(page);
    const rows = page.getByTestId('diff-row');
    const keys = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-head-path') || el.getAttribute('data-base-path')));
    await rows.first().click();
    await expect(page).toHaveURL(new RegExp(`sel=${encodeURIComponent(keys[0]!).replace(/\./g, '\\.')}`));
    await expect(rows.first()).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  });

  test('the folder picker and a drop on a target end in the same state as the inputs', async ({ page }) => {
    const trees = syntheticTrees();
    await page.goto('/compare');
    // Real directory handles from the origin-private file system; only the OS dialog and drag source are replaced.
    await page.evaluate(async (all) => {
      const root = await navigator.storage.getDirectory();
      for (const [name, tree] of Object.entries(all)) {
        await root.removeEntry(name, { recursive: true }).catch(() => undefined);
        const top = await root.getDirectoryHandle(name, { create: true });
        for (const [rel, text] of Object.entries(tree)) {
          const segments = rel.split('/');
          let dir = top;
          for (const segment of segments.slice(0, -1)) dir = await dir.getDirectoryHandle(segment, { create: true });
          const writable = await (await dir.getFileHandle(segments.at(-1)!, { create: true })).createWritable();
          await writable.write(text);
          await writable.close();
        }
      }
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('opfs-base');
    }, { 'opfs-base': trees.base, 'opfs-head': trees.head });

    await page.getByTestId('compare-base-drop').getByRole('button', { name: 'Choose…' }).click();
    await expect(page.getByTestId('compare-base-name')).toContainText('opfs-base');
    await page.evaluate(async () => {
      const handle = await (await navigator.storage.getDirectory()).getDirectoryHandle('opfs-head');
      const item = { kind: 'file', type: '', getAsFileSystemHandle: async () => handle, webkitGetAsEntry: () => null };
      const dataTransfer = { types: ['Files'], items: [item], files: [], dropEffect: 'none' };
      const target = document.querySelector('[data-testid="compare-head-drop"]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        const event = new Event(type, { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
        target.dispatchEvent(event);
      }
    });
    expect(await readSummary(page)).toMatchObject(SYNTHETIC_COUNTS);
    await expect(page.getByTestId('diff-row')).toHaveCount(5);
    // The page-wide drop handler left the Browse folder alone and stayed on /compare.
    await expect(page).toHaveURL(/\/compare/);
    await expect(page.getByTestId('index-status')).toHaveCount(0);
  });

  test('a change list over 2,000 rows is virtualized', async ({ page }) => {
    const big = path.join(root, 'big');
    const head: Tree = {};
    for (let i = 0; i < 2100; i++) {
      head[`recordings/r${String(i).padStart(5, '0')}.json`] = json(recording({ testId: T(`test_many_${i % 50}`), question: `q${i}`, answer: `a${i}` }));
    }
    writeTree(path.join(big, 'empty-base'), { 'recordings/placeholder.json': json({ note: 'not a recording' }) });
    writeTree(path.join(big, 'many-head'), { ...head, 'recordings/placeholder.json': json({ note: 'not a recording' }) });
    await compareFolders(page, path.join(big, 'empty-base'), path.join(big, 'many-head'));
    expect(await readSummary(page)).toMatchObject({ added: 2100, unchanged: 1 });
    await expect(page.getByTestId('diff-list')).toHaveAttribute('data-virtual', 'true');
    const rendered = await page.getByTestId('diff-row').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
  });
});
