/**
 * Conformance of the parser against the oracle: every line of each corpus
 * truth file (computed by an independent script) must match what
 * parseRecording reads from the same file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecording } from '../src/core/recording/parseRecording';
import type { Recording } from '../src/core/recording/types';
import { corpusDir, listJsonFiles, type TruthLine } from '../testing/corpus';

const corpusRoot = corpusDir;

const CORPORA = [
  { name: 'llama-stack-head', dir: 'llama-stack-head', truth: 'llama-stack-head.truth.jsonl' },
  { name: 'pr-example/base', dir: 'pr-example/base', truth: 'pr-example/base.truth.jsonl' },
  { name: 'pr-example/head', dir: 'pr-example/head', truth: 'pr-example/head.truth.jsonl' },
];

const MAX_SHOWN = 20;

/** The oracle's view of a recording, field for field. */
function observed(recording: Recording): Omit<TruthLine, 'path'> {
  return {
    test_id: recording.testId,
    endpoint: recording.endpoint,
    streaming: recording.streaming,
    // The oracle counts raw body entries (SSE lines, model list rows, 0 for a null body).
    chunks: recording.bodyEntries ?? -1,
    text: recording.response.text,
    tool_calls: recording.response.toolCalls.map((call) => ({ name: call.name, arguments: call.arguments })),
    reasoning: recording.response.reasoning,
    // The oracle reports recorded exceptions only; HTTP error statuses are not errors to it.
    error: recording.error?.source === 'exception' ? recording.error.message : null,
  };
}

/** Offsets must describe the final strings: monotone, ending at their lengths. */
function streamProblems(recording: Recording): string[] {
  const stream = recording.stream;
  if (!stream) return [];
  const problems: string[] = [];
  const n = stream.chunks.length;
  if (n !== recording.chunkCount) problems.push(`chunkCount ${recording.chunkCount} but ${n} stream chunks`);
  const ends: [string, Int32Array, number][] = [
    ['textEnd', stream.textEnd, recording.response.text.length],
    ['reasoningEnd', stream.reasoningEnd, recording.response.reasoning.length],
    ...recording.response.toolCalls.map(
      (call, i): [string, Int32Array, number] => [`toolArgsEnd[${i}]`, stream.toolArgsEnd[i] ?? new Int32Array(0), call.arguments.length],
    ),
  ];
  for (const [name, offsets, length] of ends) {
    if (offsets.length !== n) problems.push(`${name} has ${offsets.length} entries for ${n} chunks`);
    for (let i = 1; i < offsets.length; i++) {
      if ((offsets[i] ?? 0) < (offsets[i - 1] ?? 0)) {
        problems.push(`${name} decreases at chunk ${i}`);
        break;
      }
    }
    if (n > 0 && offsets[n - 1] !== length) problems.push(`${name} ends at ${offsets[n - 1]}, expected ${length}`);
  }
  if (stream.timestamps.length !== n || stream.marks.length !== n) problems.push('timestamps/marks length differs from chunks');
  return problems;
}

function clip(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

for (const corpus of CORPORA) {
  const dir = join(corpusRoot, corpus.dir);
  const truthPath = join(corpusRoot, corpus.truth);
  const present = existsSync(dir) && existsSync(truthPath);
  const title = present ? `conformance: ${corpus.name}` : `corpus not found at ${dir}, skipping conformance`;

  describe.skipIf(!present)(title, () => {
    const lines = present
      ? readFileSync(truthPath, 'utf8')
          .split('\n')
          .filter((line) => line.trim().length > 0)
      : [];

    it(`matches every line of ${corpus.truth}`, () => {
      const mismatches: string[] = [];
      const broken: string[] = [];
      let matched = 0;
      for (const [lineNo, line] of lines.entries()) {
        const truth = JSON.parse(line) as TruthLine;
        const result = parseRecording(readFileSync(join(dir, truth.path), 'utf8'), truth.path);
        if (!result.ok) {
          mismatches.push(`${truth.path}: rejected (${result.error.reason})`);
          continue;
        }
        const problems = streamProblems(result.recording);
        if (problems.length > 0) broken.push(`${truth.path}: ${problems.join('; ')}`);
        const got = observed(result.recording);
        const fields: string[] = [];
        for (const key of Object.keys(got) as (keyof typeof got)[]) {
          const want = truth[key];
          if (JSON.stringify(got[key]) !== JSON.stringify(want)) {
            fields.push(`  ${key}: expected ${clip(want)}, got ${clip(got[key])}`);
          }
        }
        if (fields.length > 0) mismatches.push(`${truth.path} (line ${lineNo + 1}):\n${fields.join('\n')}`);
        else matched++;
      }
      console.info(`[conformance] ${corpus.name}: ${matched}/${lines.length} truth lines matched`);
      const shown = mismatches.slice(0, MAX_SHOWN);
      if (mismatches.length > MAX_SHOWN) shown.push(`… and ${mismatches.length - MAX_SHOWN} more mismatches`);
      expect(shown).toEqual([]);
      expect(broken.slice(0, MAX_SHOWN)).toEqual([]);
      expect(lines.length).toBeGreaterThan(0);
    });

    it('reports every other .json file as not a recording', () => {
      const known = new Set(lines.map((line) => (JSON.parse(line) as TruthLine).path));
      const accepted: string[] = [];
      for (const path of listJsonFiles(dir)) {
        if (known.has(path)) continue;
        const result = parseRecording(readFileSync(join(dir, path), 'utf8'), path);
        if (result.ok) accepted.push(path);
        else expect(result.error.reason.length).toBeGreaterThan(0);
      }
      expect(accepted).toEqual([]);
    });
  });
}
