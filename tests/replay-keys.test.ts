/**
 * Conformance of replay keys against the oracle: for every file of the HEAD
 * corpus, family, matches, newest, verdict, superseded_by and explained_by
 * must equal what an independent implementation of the same rules computed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../testing/corpus';
import { analyzeFolder, computeFileKey, resolveSuperseded, summarizeKeys } from '../src/core/replay-keys';

const oraclePath = join(corpusDir, 'llama-stack-head.keys.jsonl');
const folder = join(corpusDir, 'llama-stack-head');
const haveCorpus = existsSync(oraclePath) && existsSync(folder);

interface OracleLine {
  path: string;
  family: string;
  name_hash: string;
  matches: string[];
  newest: string | null;
  verdict: 'current' | 'stale' | 'none';
  superseded_by: string | null;
  superseded_extra_keys?: string[];
  explained_by?: string;
  explained_matches?: string[];
}

if (!haveCorpus) {
  console.warn(`SKIPPED replay-key conformance: ${oraclePath} or ${folder} is absent`);
}

describe.skipIf(!haveCorpus)('replay keys match the oracle over llama-stack-head', () => {
  it('every file: family, matches, newest, verdict, superseded_by, explained_by', async () => {
    const oracle = readFileSync(oraclePath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OracleLine);
    expect(oracle.length).toBe(3162);
    const files = oracle.map((line) => ({ path: line.path, text: readFileSync(join(folder, line.path), 'utf8') }));
    const report = await analyzeFolder(files);
    const byPath = new Map(report.files.map((file) => [file.path, file]));
    const mismatches: string[] = [];
    for (const line of oracle) {
      const file = byPath.get(line.path)!;
      const expected = {
        family: line.family,
        nameHash: line.name_hash,
        matches: line.matches,
        newest: line.newest,
        verdict: line.verdict,
        supersededBy: line.superseded_by,
        extraKeys: line.superseded_extra_keys ?? null,
        explainedBy: line.verdict === 'none' ? (line.explained_by ?? 'unexplained') : null,
        explainedMatches: line.explained_matches ?? null,
      };
      const actual = {
        family: file.key.family,
        nameHash: file.key.nameHash,
        matches: file.key.matches,
        newest: file.key.newest,
        verdict: file.key.verdict,
        supersededBy: file.superseded?.by ?? null,
        extraKeys: file.superseded?.extraKeys ?? null,
        explainedBy: file.key.explainedBy ?? null,
        explainedMatches: file.key.explainedMatches ?? null,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${line.path}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}${file.key.noKeyReason ? `\n  ${file.key.noKeyReason}` : ''}`);
      }
    }
    expect(mismatches.slice(0, 10).join('\n'), `${mismatches.length} mismatches`).toBe('');
    // The counts the doc gives for this corpus.
    expect(report.summary).toEqual({ current: 2715, stale: 351, none: 96, superseded: 174 });

    // The index worker's quick keys stop at the newest matching version: same verdicts, newest, key, explanation and superseded siblings.
    const quick = [];
    for (const { path, text } of files) {
      quick.push({ path, testId: null, key: await computeFileKey(path, text, { quick: true, alreadyValid: true }) });
    }
    const quickSuperseded = resolveSuperseded(quick);
    const quickMismatches = quick.filter(({ path, key }) => {
      const full = byPath.get(path)!;
      return (
        key.verdict !== full.key.verdict ||
        key.newest !== full.key.newest ||
        key.currentKey !== full.key.currentKey ||
        key.explainedBy !== full.key.explainedBy ||
        quickSuperseded.get(path)?.by !== full.superseded?.by
      );
    });
    expect(quickMismatches.map((f) => f.path).slice(0, 5)).toEqual([]);
    expect(summarizeKeys(quick, quickSuperseded)).toEqual(report.summary);
  }, 180_000);
});
