/**
 * Compare core against a real re-recording PR (llama-stack #4997) and against
 * a synthetic PR built from it whose every change is known in advance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySnapshots, diffRecordings, NOISE_KEYS, reviewFolders, reviewMarkdown, reviewToJson, type SnapshotFile } from '../src/core/diff';
import { parseRecording } from '../src/core/recording/parseRecording';
import type { Recording } from '../src/core/recording/types';
import { corpusDir, hasPrExample, listJsonFiles } from '../testing/corpus';

const corpus = join(corpusDir, 'pr-example');
const present = hasPrExample;

function readSnapshot(root: string): SnapshotFile[] {
  return listJsonFiles(root).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

describe.skipIf(!present)('compare: pr-example (llama-stack PR #4997)', () => {
  const base = present ? readSnapshot(join(corpus, 'base')) : [];
  const head = present ? readSnapshot(join(corpus, 'head')) : [];

  it('classifies the real PR exactly', () => {
    const t0 = performance.now();
    const result = classifySnapshots(base, head);
    const ms = performance.now() - t0;
    console.info(`compare-corpus: classified ${base.length} → ${head.length} files in ${ms.toFixed(0)} ms`, result.summary);
    const { added, removed, modified, rekeyed, unchanged, noiseOnly } = result.summary;
    expect({ added, removed, modified, rekeyed, unchanged, noiseOnly }).toEqual({
      added: 9,
      removed: 0,
      modified: 2,
      rekeyed: 0,
      unchanged: 1611,
      noiseOnly: 0,
    });
    expect(result.entries).toHaveLength(9 + 2 + 1611);
    // The two modified files moved fingerprints and obfuscation among real changes.
    for (const e of result.entries.filter((x) => x.status === 'modified')) expect(e.noiseFieldCount).toBeGreaterThan(0);
  });

  it('categorizes the two real modifications as request and answer changes (the oracle: request 2, answer 2, tools 0, metadata-only 0)', async () => {
    const review = await reviewFolders(base, head);
    const json = reviewToJson(review);
    expect(json).toMatchObject({
      added: 9,
      removed: 0,
      modified: 2,
      rekeyed: 0,
      noise_only: 0,
      request: 2,
      answer: 2,
      tools: 0,
      metadata_only: 0,
      left_behind: 44,
    });
    // Each left-behind file has a reason, and belongs to a test the PR touched.
    const touched = new Set(review.entries.filter((e) => ['added', 'modified', 'rekeyed'].includes(e.status)).map((e) => e.testId));
    for (const f of review.leftBehind!) {
      expect(touched.has(f.testId)).toBe(true);
      expect(f.reason).toMatch(/^(stale|no rule version|superseded by)/);
    }
    const modified = review.entries.filter((e) => e.status === 'modified');
    for (const e of modified) {
      expect(e.categories).toEqual(['request', 'answer']);
      // The re-generated answer is a different text: the note says so, with both ends quoted.
      expect(e.notes?.answer).toMatch(/^text (rewritten|edited): “.+” → “.+”/);
      expect(e.notes?.request).toMatch(/^messages\[/);
    }
    // Every test with a non-noise change is named in the Markdown.
    const markdown = reviewMarkdown({ summary: review.summary, entries: review.entries, leftBehind: review.leftBehind });
    const tests = new Set(review.entries.filter((e) => e.status !== 'unchanged' && !e.noiseOnly).map((e) => e.testId));
    expect(tests.size).toBeGreaterThan(0);
    for (const t of tests) expect(markdown).toContain(`### \`${t}\``);
  });

  it('explains the two real modifications: provider_metadata dropped from the request, noise moved', () => {
    const result = classifySnapshots(base, head);
    const baseText = new Map(base.map((f) => [f.path, f.text]));
    const headText = new Map(head.map((f) => [f.path, f.text]));
    for (const e of result.entries.filter((x) => x.status === 'modified')) {
      const bd = JSON.parse(baseText.get(e.basePath!)!) as Record<string, unknown>;
      const hd = JSON.parse(headText.get(e.headPath!)!) as Record<string, unknown>;
      const t0 = performance.now();
      const d = diffRecordings(minimalRecording(bd), minimalRecording(hd), { baseDocument: bd, headDocument: hd });
      console.info(`compare-corpus: diffRecordings ${e.headPath} in ${(performance.now() - t0).toFixed(1)} ms`);
      expect(d.noiseFieldsChanged).toBe(e.noiseFieldCount);
      expect(d.request.envelope?.changes).toEqual([
        { path: 'provider_metadata', kind: 'removed', before: { openai_sdk_version: '2.5.0' } },
      ]);
      // The retrieved-chunk scores in the tool message moved in their last digits.
      expect(d.request.changes.length).toBeGreaterThan(0);
      expect(d.request.changes.every((c) => c.kind === 'changed' && c.path.startsWith('messages['))).toBe(true);
    }
  });

  it('diffs the parsed recordings of the modified pairs', () => {
    const result = classifySnapshots(base, head);
    const text = (files: SnapshotFile[], path: string) => files.find((f) => f.path === path)!.text;
    for (const e of result.entries.filter((x) => x.status === 'modified')) {
      const b = parseRecording(text(base, e.basePath!), e.basePath!);
      const h = parseRecording(text(head, e.headPath!), e.headPath!);
      if (!b.ok || !h.ok) throw new Error(`parse failed for ${e.headPath}`);
      const d = diffRecordings(b.recording, h.recording);
      // The four retrieved-chunk scores in the tool message moved in their last digits; the answer was re-generated.
      expect(d.request.changes.map((c) => c.kind)).toEqual(['changed', 'changed', 'changed', 'changed']);
      expect(d.responseText.changed).toBe(true);
      expect(d.responseText.approximate).toBe(false);
      expect(d.chunkCount).toBeDefined();
      expect(d.noiseFieldsChanged).toBeGreaterThan(0);
    }
  });

  it('stays fast when every file moved (a bulk re-record): pairs each copy with its original', () => {
    const moved = head.map((f) => ({ path: `moved/${f.path}`, text: f.text }));
    const t0 = performance.now();
    const result = classifySnapshots(base, moved);
    const ms = performance.now() - t0;
    console.info(`compare-corpus: all ${moved.length} head files moved: ${ms.toFixed(0)} ms`, result.summary);
    const { summary } = result;
    expect(summary.removed + summary.rekeyed).toBe(base.length);
    expect(summary.added + summary.rekeyed).toBe(moved.length);
    expect(summary.modified + summary.unchanged).toBe(0);
    // The 1,611 files unchanged in the real PR find their own copies (identical requests pair by path order).
    const own = result.entries.filter((e) => e.status === 'rekeyed' && e.headPath === `moved/${e.basePath}`);
    expect(own.length).toBeGreaterThanOrEqual(1611);
    expect(own.every((e) => e.noiseOnly || e.basePath!.includes('65e3c620') || e.basePath!.includes('c08a5061'))).toBe(true);
    expect(ms).toBeLessThan(20_000);
  });

  it('recovers a synthetic PR built from head: renames, noise-only edits, a real edit, an addition', () => {
    const original = head;
    const docs = original.map((f) => ({ file: f, doc: JSON.parse(f.text) as Record<string, unknown> }));
    const recordings = docs
      .filter(({ doc }) => typeof doc.test_id === 'string' && typeof doc.request === 'object' && doc.request !== null)
      .sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
    const groupOf = (doc: Record<string, unknown>) => {
      const r = doc.request as Record<string, unknown>;
      return JSON.stringify([doc.test_id, r.endpoint ?? r.url ?? r.tool_name ?? r.api ?? null]);
    };
    const withNoise = (doc: unknown) => countNoiseKeys(doc) > 0;

    const usedGroups = new Set<string>();
    const usedPaths = new Set<string>();
    const pick = (n: number, ok: (d: Record<string, unknown>) => boolean) => {
      const out: { file: SnapshotFile; doc: Record<string, unknown> }[] = [];
      for (const r of recordings) {
        if (out.length === n) break;
        const g = groupOf(r.doc);
        if (usedGroups.has(g) || usedPaths.has(r.file.path) || !ok(r.doc)) continue;
        usedGroups.add(g);
        usedPaths.add(r.file.path);
        out.push(r);
      }
      expect(out).toHaveLength(n);
      return out;
    };
    const renamed = pick(4, (d) => typeof (d.request as Record<string, unknown>).body === 'object');
    const noisy = pick(5, withNoise);
    const edited = pick(1, (d) => typeof (d.response as Record<string, unknown>)?.body === 'object');
    const grown = pick(1, () => true);

    const replaced = new Map<string, SnapshotFile>();
    renamed.forEach(({ file, doc }, i) => {
      const copy = structuredClone(doc);
      const body = (copy.request as Record<string, unknown>).body as Record<string, unknown>;
      body.temperature = 0.123 + i;
      const dir = file.path.slice(0, file.path.lastIndexOf('/') + 1);
      replaced.set(file.path, { path: `${dir}${'f'.repeat(60)}${String(i).padStart(4, '0')}.json`, text: JSON.stringify(copy, null, 2) });
    });
    let mutatedNoise = 0;
    for (const { file, doc } of noisy) {
      const copy = structuredClone(doc);
      mutatedNoise += mutateNoise(copy);
      replaced.set(file.path, { path: file.path, text: JSON.stringify(copy, null, 2) });
    }
    for (const { file, doc } of edited) {
      const copy = structuredClone(doc);
      (copy.response as Record<string, unknown>).synthetic_change = true;
      replaced.set(file.path, { path: file.path, text: JSON.stringify(copy, null, 2) });
    }
    const next: SnapshotFile[] = original.map((f) => replaced.get(f.path) ?? f);
    const extra = structuredClone(grown[0]!.doc);
    (extra.request as Record<string, unknown>).synthetic_turn = 2;
    const grownDir = grown[0]!.file.path.slice(0, grown[0]!.file.path.lastIndexOf('/') + 1);
    next.push({ path: `${grownDir}${'e'.repeat(64)}.json`, text: JSON.stringify(extra) });

    const result = classifySnapshots(original, next);
    const { summary } = result;
    expect(summary.rekeyed).toBe(4);
    expect(summary.modified).toBe(6);
    expect(summary.noiseOnly).toBe(5);
    expect(summary.added).toBe(1);
    expect(summary.removed).toBe(0);
    expect(summary.unchanged).toBe(original.length - 4 - 6);
    expect(summary.noiseFields).toBe(mutatedNoise);
    const rekeyed = result.entries.filter((e) => e.status === 'rekeyed');
    for (const e of rekeyed) expect(replaced.get(e.basePath!)?.path).toBe(e.headPath);
    expect(rekeyed.every((e) => !e.noiseOnly)).toBe(true);
  });
});

/** Just enough of a Recording for diffRecordings, built from the raw document (the parser lives elsewhere). */
function minimalRecording(doc: Record<string, unknown>): Recording {
  const req = doc.request as Record<string, unknown>;
  const res = doc.response as Record<string, unknown>;
  return {
    path: '',
    kind: 'unknown',
    kindLabel: 'unknown',
    endpoint: String(req.endpoint ?? ''),
    testId: typeof doc.test_id === 'string' ? doc.test_id : null,
    testIdParts: null,
    streaming: res.is_streaming === true,
    chunkCount: Array.isArray(res.body) ? res.body.length : 1,
    request: { endpoint: String(req.endpoint ?? ''), messages: [], tools: [], params: {}, body: req.body },
    response: { text: '', reasoning: '', toolCalls: [], body: res.body },
    error: null,
    stream: null,
  };
}

function countNoiseKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (NOISE_KEYS.has(k)) n++;
        else stack.push(x);
      }
    }
  }
  return n;
}

/** Changes every noise field's value (not its presence) and returns how many it changed. */
function mutateNoise(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (NOISE_KEYS.has(k)) {
          o[k] = typeof o[k] === 'number' ? (o[k] as number) + 1 : `${JSON.stringify(o[k])}-rerecorded`;
          n++;
        } else stack.push(o[k]);
      }
    }
  }
  return n;
}
