import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { paths } from '../src/config/paths';
import { corpusDir, CORPUS_MISSING, hasCorpus, navigateInApp, openFolderViaInput, recordingUrl, waitForIndex } from './support';
// The generator names each file with its own Python-style hashing, independent of the app.
import { FIXTURE, NEWER, writeNewerRecorderFixtures, writeReplayKeyFixtures } from '../scripts/generate-replay-key-fixtures.mjs';

const oraclePath = path.join(corpusDir, 'llama-stack-head.keys.jsonl');
const haveOracle = hasCorpus && existsSync(oraclePath);

interface OracleLine {
  path: string;
  verdict: 'current' | 'stale' | 'none';
  newest: string | null;
  superseded_by: string | null;
}

async function keySummary(page: Page) {
  const summary = page.getByTestId('key-summary');
  await expect(summary).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  return summary.evaluate((element) => ({
    current: Number(element.getAttribute('data-current')),
    stale: Number(element.getAttribute('data-stale')),
    none: Number(element.getAttribute('data-none')),
    superseded: Number(element.getAttribute('data-superseded')),
  }));
}

async function replayKeyOf(page: Page, relPath: string) {
  await navigateInApp(page, recordingUrl(relPath));
  const key = page.getByTestId('replay-key');
  await expect(key).toHaveAttribute('data-state', 'done');
  return key.evaluate((element) => ({
    verdict: element.getAttribute('data-verdict'),
    newest: element.getAttribute('data-newest'),
    supersededBy: element.getAttribute('data-superseded-by'),
  }));
}

test.describe('replay keys on the real corpus', () => {
  test.skip(!haveOracle, CORPUS_MISSING);

  test('the key summary and sampled recordings agree with the oracle', async ({ page }) => {
    const oracle = readFileSync(oraclePath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OracleLine);
    const expected = {
      current: oracle.filter((line) => line.verdict === 'current').length,
      stale: oracle.filter((line) => line.verdict === 'stale').length,
      none: oracle.filter((line) => line.verdict === 'none').length,
      superseded: oracle.filter((line) => line.superseded_by !== null).length,
    };
    await page.goto('/');
    await openFolderViaInput(page, path.join(corpusDir, 'llama-stack-head'));
    await waitForIndex(page);
    expect(await keySummary(page)).toEqual(expected);

    // Two files of each kind of answer, picked from the oracle, not from the app.
    const pick = (predicate: (line: OracleLine) => boolean) => oracle.filter(predicate).slice(0, 2);
    const samples = [
      ...pick((l) => l.verdict === 'current' && !l.superseded_by),
      ...pick((l) => l.verdict === 'current' && Boolean(l.superseded_by)),
      ...pick((l) => l.verdict === 'stale'),
      ...pick((l) => l.verdict === 'none'),
      ...pick((l) => l.path.includes('/models-')),
    ];
    for (const line of samples) {
      expect(await replayKeyOf(page, line.path), line.path).toEqual({
        verdict: line.verdict,
        newest: line.newest ?? '',
        supersededBy: line.superseded_by ?? '',
      });
    }
  });
});

test.describe('replay keys on a generated folder', () => {
  let root = '';
  test.beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'replay-keys-e2e-'));
    writeReplayKeyFixtures(path.join(root, 'replay'));
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('keys hashed during the load (as on four or more cores) give the same verdicts, complete with the index', async ({ page }) => {
    await page.goto('/?keys=during');
    await openFolderViaInput(page, path.join(root, 'replay'));
    await waitForIndex(page);
    // Nothing is left to hash once the index is done: the summary is complete in the same state.
    await expect(page.getByTestId('key-summary')).toHaveAttribute('data-state', 'done', { timeout: 1_000 });
    expect(await keySummary(page)).toEqual(FIXTURE.summary);
    expect(await replayKeyOf(page, FIXTURE.stale)).toEqual({ verdict: 'stale', newest: 'v4-bedrock', supersededBy: '' });
    expect(await replayKeyOf(page, FIXTURE.superseded)).toEqual({ verdict: 'current', newest: 'v6-file-search', supersededBy: FIXTURE.live });
  });

  test('live, stale, unmatched, superseded and keyless files each say so', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, path.join(root, 'replay'));
    await waitForIndex(page);
    expect(await keySummary(page)).toEqual(FIXTURE.summary);

    expect(await replayKeyOf(page, FIXTURE.live)).toEqual({ verdict: 'current', newest: 'v6-file-search', supersededBy: '' });
    // The index stops at today's version; the page lists every version that reproduces the name.
    await expect(page.getByTestId('replay-key-matches')).toContainText('v2-test-id');
    await expect(page.getByTestId('replay-key-matches')).toContainText('v5-project-id');
    expect(await replayKeyOf(page, FIXTURE.stale)).toEqual({ verdict: 'stale', newest: 'v4-bedrock', supersededBy: '' });
    expect(await replayKeyOf(page, FIXTURE.unmatched)).toEqual({ verdict: 'none', newest: '', supersededBy: '' });
    await expect(page.getByTestId('replay-key-explanation')).toHaveAttribute('data-explained-by', 'unexplained');
    // A dead file shows the closest live request and the field that differs.
    await expect(page.getByTestId('live-sibling')).toHaveAttribute('data-path', FIXTURE.live);
    await expect(page.getByTestId('sibling-diff')).toContainText('messages');

    expect(await replayKeyOf(page, FIXTURE.superseded)).toEqual({
      verdict: 'current',
      newest: 'v6-file-search',
      supersededBy: FIXTURE.live,
    });
    await expect(page.getByTestId('sibling-diff')).toContainText('stream');

    expect(await replayKeyOf(page, FIXTURE.notHashNamed)).toEqual({ verdict: '', newest: '', supersededBy: '' });
    await expect(page.getByTestId('replay-key')).toContainText('not a request hash');
    expect(await replayKeyOf(page, FIXTURE.missingUrl)).toEqual({ verdict: '', newest: '', supersededBy: '' });
    await expect(page.getByTestId('replay-key')).toContainText('no url');

    // Opened again, the keys are the same.
    await page.goto('/');
    await openFolderViaInput(page, path.join(root, 'replay'));
    await waitForIndex(page);
    expect(await keySummary(page)).toEqual(FIXTURE.summary);
  });

  test('the list filter, the test page and the dead-weight report set dead files apart', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, path.join(root, 'replay'));
    await waitForIndex(page);
    await keySummary(page);

    await page.getByTestId('replay-filter').selectOption('dead');
    const rows = page.getByTestId('recording-row');
    await expect(rows).toHaveCount(2);
    await expect(page.locator(`[data-testid=recording-row][data-path="${FIXTURE.stale}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid=recording-row][data-path="${FIXTURE.unmatched}"]`)).toBeVisible();
    await page.getByTestId('replay-filter').selectOption('superseded');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-path', FIXTURE.superseded);
    await expect(rows.first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'superseded');

    // The test page keeps the superseded and unmatched calls out of the conversation.
    const testKey = FIXTURE.testId.slice(0, FIXTURE.testId.indexOf('['));
    await navigateInApp(page, paths.test(testKey));
    const dead = page.getByTestId('test-dead-call');
    await expect(dead).toHaveCount(2);
    await expect(page.locator(`[data-testid=test-dead-call][data-path="${FIXTURE.superseded}"]`)).toHaveAttribute('data-standing', 'superseded');
    await expect(page.locator(`[data-testid=story-step][data-path="${FIXTURE.live}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid=story-step][data-path="${FIXTURE.superseded}"]`)).toHaveCount(0);

    await navigateInApp(page, '/dead-weight');
    await expect(page.getByTestId('dead-weight')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('dead-weight-total')).toHaveAttribute('data-count', '3');
    await expect(page.locator(`[data-testid=dead-weight-file][data-path="${FIXTURE.stale}"]`)).toHaveAttribute('data-reason', 'stale');
    await expect(page.locator(`[data-testid=dead-weight-file][data-path="${FIXTURE.unmatched}"]`)).toHaveAttribute('data-reason', 'none');
    await expect(page.locator(`[data-testid=dead-weight-file][data-path="${FIXTURE.superseded}"]`)).toHaveAttribute('data-reason', 'superseded');
    const download = page.waitForEvent('download');
    await page.getByTestId('dead-weight-download').click();
    const listed = readFileSync(await (await download).path(), 'utf8');
    expect(listed.split('\n').filter(Boolean)).toHaveLength(4);
    expect(listed).toContain(FIXTURE.stale);
  });
});

test.describe('replay keys of a recorder newer than the rules', () => {
  let root = '';
  test.beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'replay-keys-newer-e2e-'));
    writeNewerRecorderFixtures(path.join(root, 'next'));
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('files no known version names are set aside with a plain warning, not reported dead', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, path.join(root, 'next'));
    await waitForIndex(page);
    expect(await keySummary(page)).toEqual({ current: 0, stale: 0, none: 6, superseded: 0 });
    await expect(page.getByTestId('key-summary-newer-recorder')).toContainText('6 unmatched files look like a recorder newer than these rules');
    await expect(page.getByTestId('key-summary-newer-recorder')).toContainText(NEWER.folder);

    expect(await replayKeyOf(page, NEWER.paths[0]!)).toEqual({ verdict: 'none', newest: '', supersededBy: '' });

    await navigateInApp(page, '/dead-weight');
    await expect(page.getByTestId('dead-weight')).toHaveAttribute('data-state', 'done');
    const warning = page.getByTestId('newer-recorder-warning');
    await expect(warning).toHaveCount(1);
    await expect(warning).toHaveAttribute('data-folder', NEWER.folder);
    await expect(warning).toHaveAttribute('data-family', 'inference');
    await expect(warning).toContainText('6 of 6 inference recordings');
    await expect(page.getByTestId('dead-weight-total')).toHaveAttribute('data-count', '0');
  });
});
