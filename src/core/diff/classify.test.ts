import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySnapshots, type CompareEntry, type SnapshotFile } from './classify';

const TEST_A = 'tests/integration/inference/test_chat.py::test_weather[txt=openai/gpt-4o]';
const TEST_B = 'tests/integration/inference/test_chat.py::test_other[txt=openai/gpt-4o]';

interface RecOptions {
  testId?: string | null;
  endpoint?: string;
  messages?: unknown[];
  text?: string;
  noise?: { id?: string; created?: number; fingerprint?: string; obfuscation?: string };
  extraRequest?: Record<string, unknown>;
}

function rec(o: RecOptions = {}): Record<string, unknown> {
  const noise = o.noise ?? {};
  const doc: Record<string, unknown> = {
    request: {
      method: 'POST',
      url: 'https://api.openai.com/v1/v1/chat/completions',
      headers: {},
      body: { model: 'gpt-4o', messages: o.messages ?? [{ role: 'user', content: 'What is the weather in Paris?' }], stream: false },
      endpoint: o.endpoint ?? '/v1/chat/completions',
      model: 'gpt-4o',
      ...o.extraRequest,
    },
    response: {
      body: {
        __type__: 'openai.types.chat.chat_completion.ChatCompletion',
        __data__: {
          id: noise.id ?? 'rec-aaaaaaaaaaaa',
          created: noise.created ?? 0,
          system_fingerprint: noise.fingerprint ?? 'fp_1',
          obfuscation: noise.obfuscation ?? 'xyz',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: o.text ?? 'Sunny.' } }],
        },
      },
      is_streaming: false,
    },
  };
  if (o.testId !== undefined) return { test_id: o.testId, ...doc };
  return { test_id: TEST_A, ...doc };
}

const file = (path: string, value: unknown, indent = 2): SnapshotFile => ({
  path,
  text: typeof value === 'string' ? value : JSON.stringify(value, null, indent),
});

const byStatus = (entries: CompareEntry[], status: CompareEntry['status']) => entries.filter((e) => e.status === status);

describe('classifySnapshots: statuses', () => {
  it('tells unchanged, modified, added, removed and rekeyed apart', () => {
    const base = [
      file('same.json', rec({ testId: TEST_B })),
      file('mod.json', rec({ testId: TEST_B, endpoint: '/v1/completions', text: 'old' })),
      file('gone.json', rec({ testId: 'tests/x.py::test_gone' })),
      file('old-hash.json', rec({ messages: [{ role: 'user', content: 'Weather in Paris?' }] })),
    ];
    const head = [
      file('same.json', rec({ testId: TEST_B })),
      file('mod.json', rec({ testId: TEST_B, endpoint: '/v1/completions', text: 'new' })),
      file('new.json', rec({ testId: 'tests/x.py::test_new' })),
      file('new-hash.json', rec({ messages: [{ role: 'user', content: 'Weather in Lyon?' }] })),
    ];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ added: 1, removed: 1, modified: 1, rekeyed: 1, unchanged: 1, noiseOnly: 0 });
    expect(byStatus(entries, 'rekeyed')[0]).toMatchObject({
      basePath: 'old-hash.json',
      headPath: 'new-hash.json',
      testId: TEST_A,
      endpoint: '/v1/chat/completions',
      groupKey: JSON.stringify([TEST_A, '/v1/chat/completions']),
      noiseOnly: false,
    });
    expect(byStatus(entries, 'added')[0]).toMatchObject({ headPath: 'new.json', testId: 'tests/x.py::test_new', headKind: 'recording' });
    expect(byStatus(entries, 'added')[0]!.basePath).toBeUndefined();
    expect(byStatus(entries, 'removed')[0]).toMatchObject({ basePath: 'gone.json', baseKind: 'recording' });
    expect(byStatus(entries, 'removed')[0]!.headPath).toBeUndefined();
    expect(byStatus(entries, 'modified')[0]).toMatchObject({ basePath: 'mod.json', testId: TEST_B, endpoint: '/v1/completions' });
    // Unchanged files are not even parsed.
    expect(byStatus(entries, 'unchanged')[0]).toMatchObject({ headKind: 'unread', testId: null, groupKey: null });
    // Sorted by path.
    expect(entries.map((e) => e.headPath ?? e.basePath)).toEqual(['gone.json', 'mod.json', 'new-hash.json', 'new.json', 'same.json']);
  });

  it('only pairs within the same test id and endpoint', () => {
    const base = [file('a.json', rec({ endpoint: '/v1/chat/completions' }))];
    const head = [file('b.json', rec({ endpoint: '/v1/completions' })), file('c.json', rec({ testId: TEST_B }))];
    const { summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ rekeyed: 0, added: 2, removed: 1 });
  });

  it('pairs min(#base, #head) per group, most similar request first', () => {
    const turn1 = (q: string) => [{ role: 'user', content: q }];
    const turn2 = (q: string) => [
      { role: 'user', content: q },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}' },
    ];
    const turn3 = (q: string) => [...turn2(q), { role: 'assistant', content: 'It is 21.' }, { role: 'user', content: 'And tomorrow?' }];
    const base = [
      file('b1.json', rec({ messages: turn1('Weather in Paris?'), extraRequest: { x: 1 } })),
      file('b2.json', rec({ messages: turn2('Weather in Paris?'), extraRequest: { x: 1 } })),
      file('b3.json', rec({ messages: turn3('Weather in Paris?'), extraRequest: { x: 1 } })),
    ];
    // The PR changed a request parameter: two of the three calls were re-recorded under new hashes.
    const head = [
      file('h-z.json', rec({ messages: turn1('Weather in Paris?'), extraRequest: { x: 2 } })),
      file('h-a.json', rec({ messages: turn3('Weather in Paris?'), extraRequest: { x: 2 } })),
    ];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ rekeyed: 2, removed: 1, added: 0 });
    const pairs = byStatus(entries, 'rekeyed').map((e) => [e.basePath, e.headPath]);
    expect(pairs).toEqual([
      ['b3.json', 'h-a.json'],
      ['b1.json', 'h-z.json'],
    ]);
    expect(byStatus(entries, 'removed').map((e) => e.basePath)).toEqual(['b2.json']);
    for (const e of byStatus(entries, 'rekeyed')) expect(e.similarity).toBeGreaterThan(0.5);
  });

  it('breaks similarity ties by path, deterministically', () => {
    const same = rec();
    const base = [file('b2.json', same), file('b1.json', same)];
    const head = [file('h2.json', same), file('h1.json', same), file('h3.json', same)];
    const one = classifySnapshots(base, head);
    const two = classifySnapshots([...base].reverse(), [...head].reverse());
    const pairs = (r: typeof one) => byStatus(r.entries, 'rekeyed').map((e) => [e.basePath, e.headPath]);
    expect(pairs(one)).toEqual([
      ['b1.json', 'h1.json'],
      ['b2.json', 'h2.json'],
    ]);
    expect(pairs(two)).toEqual(pairs(one));
    expect(byStatus(one.entries, 'added').map((e) => e.headPath)).toEqual(['h3.json']);
  });

  it('uses request.test_id when there is no top-level one, and groups null test ids together', () => {
    const tool = (q: string, top: boolean) => {
      const request = { test_id: TEST_B, provider: 'tavily', tool_name: 'web_search', kwargs: { query: q } };
      const response = { body: { __type__: 'ToolInvocationResult', __data__: { content: '[]' } }, is_streaming: false };
      return top ? { test_id: null, request, response } : { request, response };
    };
    const models = (n: number) => ({ test_id: null, request: { method: 'GET', endpoint: '/v1/models', url: 'u', body: {} }, response: { body: [n] } });
    const noTestId = (n: number) => ({ request: { method: 'GET', endpoint: '/v1/models', url: 'u', body: {} }, response: { body: [n] } });
    const base = [file('t1.json', tool('a', false)), file('m1.json', models(1))];
    const head = [file('t2.json', tool('b', true)), file('m2.json', noTestId(2))];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary.rekeyed).toBe(2);
    const [m, t] = byStatus(entries, 'rekeyed');
    expect(m).toMatchObject({ basePath: 'm1.json', testId: null, groupKey: JSON.stringify([null, '/v1/models']) });
    expect(t).toMatchObject({ basePath: 't1.json', testId: TEST_B, endpoint: 'web_search' });
  });
});

describe('classifySnapshots: noise', () => {
  it('marks a modified file noise-only when only ids, timestamps and fingerprints moved', () => {
    const base = [file('r.json', rec({ noise: { id: 'chatcmpl-1', created: 1, fingerprint: 'fp_a', obfuscation: 'o1' } }))];
    const head = [file('r.json', rec({ noise: { id: 'chatcmpl-2', created: 2, fingerprint: 'fp_b', obfuscation: 'o1' } }))];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ modified: 1, noiseOnly: 1, noiseFields: 3 });
    expect(entries[0]).toMatchObject({ status: 'modified', noiseOnly: true, noiseFieldCount: 3 });
  });

  it('does not call a real change noise, but still counts the noise around it', () => {
    const base = [file('r.json', rec({ text: 'Sunny.', noise: { id: 'a' } }))];
    const head = [file('r.json', rec({ text: 'Rainy.', noise: { id: 'b' } }))];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ modified: 1, noiseOnly: 0 });
    expect(entries[0]).toMatchObject({ noiseOnly: false, noiseFieldCount: 1 });
  });

  it('treats a noise key present on one side only as noise', () => {
    const b = rec();
    const h = rec();
    (h as Record<string, unknown>).id_normalization_mapping = { 'rec-1': 'chatcmpl-9' };
    ((h.request as Record<string, unknown>).body as Record<string, unknown>).sdk_http_response = { headers: { Date: 'x' } };
    const { entries } = classifySnapshots([file('r.json', b)], [file('r.json', h)]);
    expect(entries[0]).toMatchObject({ noiseOnly: true, noiseFieldCount: 2 });
  });

  it('calls a pure re-format noise-only with zero noise fields (the JSON is deep-equal)', () => {
    const { entries } = classifySnapshots([file('r.json', rec(), 2)], [file('r.json', rec(), 4)]);
    expect(entries[0]).toMatchObject({ status: 'modified', noiseOnly: true, noiseFieldCount: 0 });
  });

  it('reports noise-only on a rekeyed pair but counts only modified files in the summary', () => {
    const base = [file('old.json', rec({ noise: { id: 'x1' } }))];
    const head = [file('new.json', rec({ noise: { id: 'x2' } }))];
    const { entries, summary } = classifySnapshots(base, head);
    expect(entries[0]).toMatchObject({ status: 'rekeyed', noiseOnly: true, noiseFieldCount: 1 });
    expect(summary).toMatchObject({ rekeyed: 1, noiseOnly: 0, noiseFields: 0 });
  });
});


describe('classifySnapshots: files that are not recordings', () => {
  it('classifies other JSON by path and bytes, never rekeys it', () => {
    const base = [file('ci_matrix.json', { matrix: [1] }), file('a/list.json', [1, 2]), file('req-only.json', { request: {} })];
    const head = [file('ci_matrix.json', { matrix: [2] }), file('b/list.json', [1, 2]), file('req-only2.json', { request: {} })];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ modified: 1, added: 2, removed: 2, rekeyed: 0, noiseOnly: 0 });
    expect(entries.find((e) => e.basePath === 'ci_matrix.json')).toMatchObject({ headKind: 'json', groupKey: null });
  });

  it('survives invalid JSON on either side', () => {
    const base = [file('bad.json', '{"request": '), file('half.json', rec()), file('gone.json', 'not json')];
    const head = [file('bad.json', '{"request": {'), file('half.json', '{oops'), file('new.json', '')];
    const { entries, summary } = classifySnapshots(base, head);
    expect(summary).toMatchObject({ modified: 2, added: 1, removed: 1, noiseOnly: 0 });
    expect(entries.find((e) => e.basePath === 'half.json')).toMatchObject({
      baseKind: 'recording',
      headKind: 'invalid-json',
      noiseOnly: false,
      noiseFieldCount: 0,
      testId: TEST_A,
    });
    expect(entries.find((e) => e.headPath === 'new.json')).toMatchObject({ headKind: 'invalid-json', groupKey: null });
  });

  it('handles 3,000- and 100,000-level nesting without recursion', () => {
    for (const depth of [3_000, 100_000]) {
      const deep = (leaf: string) => `{"request":{"endpoint":"/x","body":${'['.repeat(depth)}${leaf}${']'.repeat(depth)}},"response":{"id":1}}`;
      const deepNoise = (id: number) => `{"request":{"endpoint":"/x"},"response":${'{"a":'.repeat(depth)}{"id":${id}}${'}'.repeat(depth)}}`;
      const base = [file('d.json', deep('1')), file('n.json', deepNoise(1)), file('o.json', deep('"old"'))];
      const head = [file('d.json', deep('2')), file('n.json', deepNoise(2)), file('p.json', deep('"new"'))];
      const { entries, summary } = classifySnapshots(base, head);
      expect(summary).toMatchObject({ modified: 2, noiseOnly: 1, rekeyed: 1 });
      expect(entries.find((e) => e.basePath === 'n.json')).toMatchObject({ noiseOnly: true, noiseFieldCount: 1 });
    }
  });

  it('normalizes path separators', () => {
    const { summary } = classifySnapshots([file('a\\b.json', rec())], [file('./a/b.json', rec())]);
    expect(summary.unchanged).toBe(1);
  });

  it('accepts a caller-supplied byte equality', () => {
    const base = [{ path: 'a.json', text: 'x', digest: '1' }];
    const head = [{ path: 'a.json', text: 'y', digest: '1' }];
    const r = classifySnapshots(base, head, { equal: (a, b) => (a as typeof base[0]).digest === (b as typeof head[0]).digest });
    expect(r.summary.unchanged).toBe(1);
  });
});

describe('classifySnapshots: invariants', () => {
  const arbFile = fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    test: fc.constantFrom('t1', 't2', null),
    q: fc.constantFrom('x', 'y', 'z'),
    broken: fc.boolean(),
  });
  const toFile = ({ name, test, q, broken }: { name: string; test: string | null; q: string; broken: boolean }): SnapshotFile =>
    broken ? file(`${name}.json`, `{${q}`) : file(`${name}.json`, rec({ testId: test, messages: [{ role: 'user', content: q }] }));
  const uniq = (files: SnapshotFile[]) => [...new Map(files.map((f) => [f.path, f])).values()];

  it('accounts for every file exactly once', () => {
    fc.assert(
      fc.property(fc.array(arbFile, { maxLength: 8 }), fc.array(arbFile, { maxLength: 8 }), (b, h) => {
        const base = uniq(b.map(toFile));
        const head = uniq(h.map(toFile));
        const { summary: s, entries } = classifySnapshots(base, head);
        expect(s.removed + s.rekeyed + s.modified + s.unchanged).toBe(base.length);
        expect(s.added + s.rekeyed + s.modified + s.unchanged).toBe(head.length);
        expect(entries).toHaveLength(s.added + s.removed + s.rekeyed + s.modified + s.unchanged);
        expect(s.noiseOnly).toBeLessThanOrEqual(s.modified);
        // Self-compare is all unchanged.
        expect(classifySnapshots(head, head).summary.unchanged).toBe(head.length);
      }),
    );
  });
});
