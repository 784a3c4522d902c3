/**
 * Replay keys of every recorder era, against Python itself. The HEAD oracle
 * only reaches the versions HEAD's files happen to match; here
 * scripts/replay-key-eras.py renames a sample of HEAD's recordings as each
 * rule version would have named them, with Python's own json.dumps, round()
 * and format(), and says which versions reproduce each name. Every one of
 * those files must get the same matches, newest and verdict from the app's
 * TypeScript (the full key a recording page shows, and the quick key the
 * index workers compute). A last folder is named as a recorder newer than
 * every known rule would: no version may match there, and the folder report
 * must say a newer recorder is likely instead of calling those files dead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFileKeys, newerRecorderWarnings } from '../src/core/replay-keys';
import { corpusDir, hasCorpus, repoRoot } from '../testing/corpus';

interface Expected {
  path: string;
  family: string;
  matches: string[];
  newest: string | null;
  verdict: 'current' | 'stale' | 'none';
}

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
if (!hasCorpus) console.warn(`SKIPPED replay-key eras: shared corpus not found at ${corpusDir}`);
else if (!hasPython) console.warn('SKIPPED replay-key eras: python3 is not on PATH (the expected names come from Python itself)');

describe.skipIf(!hasCorpus || !hasPython)('replay keys of every recorder era agree with Python', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'replay-key-eras-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('every version of every family: matches, newest and verdict', { timeout: 180_000 }, async () => {
    // Every 5th recording keeps the run to a few seconds and still covers each family and rule.
    const run = spawnSync('python3', [path.join(repoRoot, 'scripts', 'replay-key-eras.py'), path.join(corpusDir, 'llama-stack-head'), out, '--every', '5'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = readFileSync(path.join(out, 'expected.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Expected);

    // Each family and each of its versions appears as the era a file was named in.
    const eras = new Set(expected.map((line) => line.path.split('/')[0]));
    for (const version of ['v1-raw', 'v2-test-id', 'v3a-floats6', 'v3-floats', 'v4-bedrock', 'v5a-strip-extra', 'v5-project-id', 'v6a-fs-score', 'v6b-fs-fileid', 'v6-file-search', 'm1-short-sha1', 'm3-full', 'm6a-strip-extra', 'm8-file-search', 't1-tool', 't1b-tool-test-id', 'h1-rerank', 'h2-project-id', 'h3-file-search', 'future']) {
      expect(eras, version).toContain(version);
    }
    // Not only live files: older eras leave stale ones, or the comparison would prove little.
    expect(expected.filter((line) => line.verdict === 'stale').length).toBeGreaterThan(500);

    const files = expected.map((line) => ({ path: line.path, text: readFileSync(path.join(out, line.path), 'utf8') }));
    const full = await computeFileKeys(files);
    const quick = await computeFileKeys(files, { quick: true, alreadyValid: true });
    const mismatches: string[] = [];
    expected.forEach((want, i) => {
      const got = full[i]!;
      const fast = quick[i]!;
      if (got.family !== want.family || got.newest !== want.newest || got.verdict !== want.verdict || got.matches.join() !== want.matches.join()) {
        mismatches.push(`${want.path}: full key ${got.family} [${got.matches.join(', ')}] ${got.newest} ${got.verdict}; Python ${want.family} [${want.matches.join(', ')}] ${want.newest} ${want.verdict}`);
      }
      if (fast.newest !== want.newest || fast.verdict !== want.verdict) {
        mismatches.push(`${want.path}: quick key ${fast.newest} ${fast.verdict}; Python ${want.newest} ${want.verdict}`);
      }
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(mismatches.length).toBe(0);

    const keyed = expected.map((line, i) => ({ path: line.path, testId: null, key: full[i]! }));
    const future = keyed.filter((file) => file.path.startsWith('future/'));
    expect(future.length).toBeGreaterThan(100);
    expect(future.every((file) => file.key.verdict === 'none')).toBe(true);
    const warned = newerRecorderWarnings(future);
    expect(warned.map((warning) => warning.family)).toContain('inference');
    expect(warned.every((warning) => warning.folder.startsWith('future/'))).toBe(true);
    // Folders of known eras hold no unexplained misses, so no warning there.
    expect(newerRecorderWarnings(keyed.filter((file) => !file.path.startsWith('future/')))).toEqual([]);
  });
});
