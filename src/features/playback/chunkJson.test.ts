import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkDelta, prettyChunk } from './chunkJson';
import { parseChunkParam, playerKeyAction } from './keys';

const joined = (value: unknown, deltas: string[] = []) =>
  prettyChunk(value, deltas)
    .segments.map((s) => s.text)
    .join('');

describe('prettyChunk', () => {
  it('prints exactly what JSON.stringify(value, null, 2) prints', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('marks the string value equal to a delta, not keys or other values containing it', () => {
    const chunk = { choices: [{ delta: { content: 'a', role: 'assistant' } }], model: 'a-model' };
    const { segments, matched } = prettyChunk(chunk, ['a']);
    expect(matched).toBe(true);
    expect(segments.filter((s) => s.added).map((s) => s.text)).toEqual(['"a"']);
  });

  it('falls back to values containing the delta when none equals it', () => {
    const { segments } = prettyChunk({ data: 'prefix hello suffix' }, ['hello']);
    expect(segments.filter((s) => s.added).map((s) => s.text)).toEqual(['"prefix hello suffix"']);
  });

  it('marks nothing when the chunk added nothing', () => {
    expect(prettyChunk({ content: '' }, ['']).segments.every((s) => !s.added)).toBe(true);
  });

  it('cuts very large chunks', () => {
    const out = prettyChunk({ big: 'x'.repeat(1000) }, [], 100);
    expect(out.truncated).toBe(true);
    expect(out.segments.map((s) => s.text).join('').length).toBe(100);
  });
});

describe('chunkDelta', () => {
  const stream = {
    textEnd: Int32Array.from([0, 5, 5, 11]),
    reasoningEnd: Int32Array.from([0, 0, 4, 4]),
    toolArgsEnd: [Int32Array.from([0, 0, 0, 2])],
    toolStart: [2],
  };
  const response = { text: 'Hello world', reasoning: 'hmm.', toolCalls: [{ name: 'get', arguments: '{}' }] };

  it('slices what each chunk added', () => {
    expect(chunkDelta(stream, response, -1)).toEqual({ text: '', reasoning: '', tools: [] });
    expect(chunkDelta(stream, response, 1)).toEqual({ text: 'Hello', reasoning: '', tools: [] });
    expect(chunkDelta(stream, response, 2)).toEqual({
      text: '',
      reasoning: 'hmm.',
      tools: [{ index: 0, name: 'get', started: true, arguments: '' }],
    });
    expect(chunkDelta(stream, response, 3).tools).toEqual([{ index: 0, name: 'get', started: false, arguments: '{}' }]);
    expect(chunkDelta(stream, response, 3).text).toBe(' world');
  });
});

describe('player keys', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
    key: k,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });

  it('maps space, arrows, Home and End on the page body and in the player', () => {
    for (const target of ['body', 'player'] as const) {
      expect(playerKeyAction(key(' '), target)).toBe('toggle');
      expect(playerKeyAction(key('ArrowLeft'), target)).toBe('back');
      expect(playerKeyAction(key('ArrowRight', { shiftKey: true }), target)).toBe('forward10');
      expect(playerKeyAction(key('Home'), target)).toBe('start');
      expect(playerKeyAction(key('End'), target)).toBe('end');
    }
  });

  it('leaves keys alone while typing, elsewhere on the page, or with modifiers', () => {
    expect(playerKeyAction(key(' '), 'typing')).toBeNull();
    expect(playerKeyAction(key('ArrowLeft'), 'elsewhere')).toBeNull();
    expect(playerKeyAction(key('ArrowLeft', { ctrlKey: true }), 'body')).toBeNull();
  });

  it('lets the scrubber handle its own arrows but still toggles on space', () => {
    expect(playerKeyAction(key('ArrowRight'), 'range')).toBeNull();
    expect(playerKeyAction(key('End'), 'range')).toBeNull();
    expect(playerKeyAction(key(' '), 'range')).toBe('toggle');
  });
});

describe('?chunk= parameter', () => {
  it('defaults to the last chunk and clamps to -1..total-1', () => {
    expect(parseChunkParam(null, 10)).toBe(9);
    expect(parseChunkParam('abc', 10)).toBe(9);
    expect(parseChunkParam('3', 10)).toBe(3);
    expect(parseChunkParam('-1', 10)).toBe(-1);
    expect(parseChunkParam('-7', 10)).toBe(-1);
    expect(parseChunkParam('99', 10)).toBe(9);
  });
});
