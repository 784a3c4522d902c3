/**
 * The command line on the real corpus, against the oracles: `verify` counts
 * equal the replay-key oracle's, and `diff --format json` on the PR example
 * gives the review counts the PR is known to have. Skips, saying so, without
 * the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, repoRoot, runCli } from './cliSupport';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const head = path.join(corpus, 'llama-stack-head');
const hasCorpus = existsSync(head) && existsSync(path.join(corpus, 'llama-stack-head.keys.jsonl'));
if (!hasCorpus) console.warn(`shared corpus not found at ${corpus}; skipping the command line's corpus tests`);

describe.skipIf(!hasCorpus)('command line on the corpus', () => {
  beforeAll(() => buildCli());

  it('verify --json counts equal the replay-key oracle, and exit 1 (the corpus has dead files)', async () => {
    const oracle = readFileSync(path.join(corpus, 'llama-stack-head.keys.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { path: string; verdict: string | null; superseded_by: string | null });
    const expected = { current: 0, stale: 0, none: 0, superseded: 0 };
    for (const line of oracle) {
      if (line.verdict === 'current' || line.verdict === 'stale' || line.verdict === 'none') expected[line.verdict]++;
      if (line.superseded_by) expected.superseded++;
    }
    const result = await runCli(['verify', head, '--json', '--quiet']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as typeof expected & { files: { path: string; verdict: string | null; superseded_by: string | null }[] };
    expect({ current: report.current, stale: report.stale, none: report.none, superseded: report.superseded }).toEqual(expected);
    const byPath = new Map(report.files.map((file) => [file.path, file]));
    const mismatches = oracle.filter((line) => byPath.get(line.path)?.verdict !== line.verdict || (byPath.get(line.path)?.superseded_by ?? null) !== line.superseded_by);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('diff --format json on the PR example: 2 modified (request 2, answer 2), 44 left behind', async () => {
    const result = await runCli(['diff', path.join(corpus, 'pr-example', 'base'), path.join(corpus, 'pr-example', 'head'), '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ modified: 2, request: 2, answer: 2, tools: 0, metadata_only: 0, left_behind: 44 });
  });
});
