import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from './json';
import { NOISE_KEYS } from './noise';
import { structuralDiff } from './structuralDiff';

describe('structuralDiff', () => {
  it('reports changed, added and removed leaves with readable paths, in document order', () => {
    const a = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'yo' }], temperature: 0 };
    const b = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }, { role: 'assistant', content: 'yo' }], stream: true };
    expect(structuralDiff(a, b).changes).toEqual([
      { path: 'messages[0].content', kind: 'changed', before: 'hi', after: 'hello' },
      { path: 'temperature', kind: 'removed', before: 0 },
      { path: 'stream', kind: 'added', after: true },
    ]);
  });

  it("a NaN read from a Python file on both sides is no change; NaN against a number is", () => {
    expect(structuralDiff({ temperature: Number.NaN, top_p: 1 }, { temperature: Number.NaN, top_p: 1 }).changes).toEqual([]);
    expect(structuralDiff({ temperature: Number.NaN }, { temperature: 0.5 }).changes).toEqual([
      { path: 'temperature', kind: 'changed', before: Number.NaN, after: 0.5 },
    ]);
  });

  it('quotes keys that are not identifiers and reports type changes whole', () => {
    const { changes } = structuralDiff({ 'a-b': { 'x y': 1 }, c: [1] }, { 'a-b': { 'x y': 2 }, c: { 0: 1 } });
    expect(changes).toEqual([
      { path: '["a-b"]["x y"]', kind: 'changed', before: 1, after: 2 },
      { path: 'c', kind: 'changed', before: [1], after: { 0: 1 } },
    ]);
    expect(structuralDiff(1, 2).changes).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
  });

  it('aligns arrays by content when an element is inserted', () => {
    const tools = ['search', 'weather', 'calc', 'time'].map((name) => ({ type: 'function', function: { name } }));
    const withInsert = [tools[0], { type: 'function', function: { name: 'new_tool' } }, ...tools.slice(1)];
    expect(structuralDiff({ tools }, { tools: withInsert }).changes).toEqual([
      { path: 'tools[1]', kind: 'added', after: { type: 'function', function: { name: 'new_tool' } } },
    ]);
    // A removal in the middle, and a replaced element next to it, line up the same way.
    const shorter = [tools[0], { type: 'function', function: { name: 'calc2' } }, tools[3]];
    expect(structuralDiff({ tools }, { tools: shorter }).changes).toEqual([
      { path: 'tools[1].function.name', kind: 'changed', before: 'weather', after: 'calc2' },
      { path: 'tools[2]', kind: 'removed', before: tools[2] },
    ]);
    expect(structuralDiff([1, 2, 3], [1, 2, 3], { alignArrays: false }).changes).toEqual([]);
    expect(structuralDiff([1, 2], [0, 1, 2], { alignArrays: false }).changes).toHaveLength(3);
  });

  it('ignores keys everywhere, including inside reported values', () => {
    const a = { messages: [{ role: 'assistant', tool_calls: [{ id: 'call_1', function: { name: 'f' } }] }], id: 1 };
    const b = { messages: [{ role: 'assistant', tool_calls: [{ id: 'call_2', function: { name: 'f' } }] }, { role: 'tool', id: 'x', content: 'r' }], id: 2 };
    expect(structuralDiff(a, b, { ignoreKeys: NOISE_KEYS }).changes).toEqual([
      { path: 'messages[1]', kind: 'added', after: { role: 'tool', content: 'r' } },
    ]);
  });

  it('stops at maxChanges and says so', () => {
    const a = Array.from({ length: 4096 }, (_, i) => i / 7);
    const b = a.map((x) => x + 1);
    const t0 = performance.now();
    const r = structuralDiff({ embedding: a }, { embedding: b }, { maxChanges: 500 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.changes).toHaveLength(500);
    expect(r.truncated).toBe(true);
    expect(r.changes[0]).toEqual({ path: 'embedding[0]', kind: 'changed', before: 0, after: 1 });
  });

  it('reports a differing subtree below maxDepth as one change, even thousands of levels deep', () => {
    const deep = (leaf: number, depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`) as unknown;
    const r = structuralDiff(deep(1, 3000), deep(2, 3000), { maxDepth: 10 });
    expect(r.depthLimited).toBe(true);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.path).toBe('a.a.a.a.a.a.a.a.a.a');
    expect(structuralDiff(deep(1, 3000), deep(1, 3000), { maxDepth: 10 }).changes).toEqual([]);
    const nested = (n: number) => JSON.parse(`${'['.repeat(100_000)}${n}${']'.repeat(100_000)}`) as unknown;
    expect(structuralDiff(nested(1), nested(2)).changes).toHaveLength(1);
  });

  it('finds no change exactly when the values are deep-equal', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) => {
        const r = structuralDiff(a, b, { maxChanges: 10_000 });
        expect(r.changes.length === 0).toBe(jsonEqual(a, b));
        expect(structuralDiff(a, structuredClone(a)).changes).toEqual([]);
      }),
    );
  });
});
