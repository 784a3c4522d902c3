/**
 * Conformance of the cassette reader against the oracle: every line of
 * cassettes-dev.truth.jsonl (computed by an independent script from the
 * definitions in docs/cassette-format.md) must match what readCassette and
 * the Recording built from it say about the same interaction; every cassette
 * file must appear in the truth (or be one invalid line), and nothing more.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../testing/corpus';
import { isCassettePath, readCassette, type CassetteInteraction } from '../src/core/cassette';
import { interactionRecording } from '../src/core/cassette';

const dir = join(corpusDir, 'cassettes-dev');
const truthPath = join(corpusDir, 'cassettes-dev.truth.jsonl');
const present = existsSync(dir) && existsSync(truthPath);

interface TruthLine {
  path: string;
  index?: number;
  invalid?: string;
  [field: string]: unknown;
}

const FIELDS = ['method', 'url', 'provider', 'api', 'model', 'status', 'streaming', 'chunks', 'text', 'tool_calls', 'reasoning', 'error', 'unreadable'] as const;

function observed(interaction: CassetteInteraction): Record<string, unknown> {
  return {
    method: interaction.method,
    url: interaction.url,
    provider: interaction.provider,
    api: interaction.api,
    model: interaction.model,
    status: interaction.status,
    streaming: interaction.streaming,
    chunks: interaction.chunks,
    text: interaction.text,
    tool_calls: interaction.toolCalls?.map((call) => ({ name: call.name, arguments: call.arguments })) ?? null,
    reasoning: interaction.reasoning,
    error: interaction.error,
    unreadable: interaction.unreadable,
  };
}

function listCassettes(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (isCassettePath(entry.name)) out.push(relative(root, full).split(sep).join('/'));
    }
  }
  return out.sort();
}

function clip(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 240 ? `${text.slice(0, 240)}… (${text.length} chars)` : text;
}

describe.skipIf(!present)(present ? 'conformance: cassettes-dev' : `corpus not found at ${dir}, skipping cassette conformance`, () => {
  it('matches every line of cassettes-dev.truth.jsonl, and lists no interaction the truth lacks', async () => {
    const truth = readFileSync(truthPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as TruthLine);
    const expectedKeys = new Set(truth.map((line) => `${line.path}#${line.index ?? 'invalid'}`));
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const path of listCassettes(dir)) {
      const reading = await readCassette(new Uint8Array(readFileSync(join(dir, path))), path);
      if (!reading.ok) {
        seen.add(`${path}#invalid`);
        if (!expectedKeys.has(`${path}#invalid`)) mismatches.push(`${path}: read as invalid (${reading.reason}) but the truth has interactions`);
        continue;
      }
      // Read again one interaction at a time (the path big cassettes take): the same answers.
      const split = await readCassette(new Uint8Array(readFileSync(join(dir, path))), path, { splitAbove: 0 });
      if (!split.ok || JSON.stringify(split.interactions.map(observed)) !== JSON.stringify(reading.interactions.map(observed))) {
        mismatches.push(`${path}: read one interaction at a time, the answers differ`);
      }
      for (const interaction of reading.interactions) {
        const key = `${path}#${interaction.index}`;
        seen.add(key);
        const line = truth.find((candidate) => candidate.path === path && candidate.index === interaction.index);
        if (!line) {
          mismatches.push(`${key}: not in the truth`);
          continue;
        }
        const mine = observed(interaction);
        for (const field of FIELDS) {
          if (JSON.stringify(mine[field]) !== JSON.stringify(line[field])) {
            mismatches.push(`${key} ${field}: expected ${clip(line[field])}, read ${clip(mine[field])}`);
          }
        }
        // The Recording the app shows carries the same answer.
        const recording = interactionRecording(interaction, path);
        if (recording.path !== key) mismatches.push(`${key}: recording path ${recording.path}`);
        if (interaction.text !== null && recording.response.text !== interaction.text) mismatches.push(`${key}: recording text differs`);
        if (interaction.streaming && interaction.chunks !== null && recording.chunkCount !== interaction.chunks) {
          mismatches.push(`${key}: recording chunkCount ${recording.chunkCount}, expected ${interaction.chunks}`);
        }
      }
    }
    for (const key of expectedKeys) if (!seen.has(key)) mismatches.push(`${key}: in the truth, not read`);
    expect(mismatches.slice(0, 30), `${mismatches.length} mismatches`).toEqual([]);
    expect(seen.size).toBe(expectedKeys.size);
  });
});
