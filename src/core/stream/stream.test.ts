import { describe, expect, it } from 'vitest';
import { StreamAssembler } from './assembler';
import { isSseLineList, parseSseLines } from './sse';
import { parseIsoTimestamp, secondsToMs, timestampOf } from './timestamps';

describe('StreamAssembler', () => {
  it('records offsets per chunk and joins once', () => {
    const asm = new StreamAssembler(4);
    asm.begin(0);
    asm.appendText('ab');
    asm.end();
    asm.begin(1);
    const t = asm.tool('k');
    asm.setToolName(t, 'first');
    asm.setToolName(t, 'second');
    asm.setToolId(t, 'id1');
    asm.appendToolArguments(t, '{"x"');
    asm.appendReasoning('why');
    asm.end();
    asm.begin(2);
    asm.appendToolArguments(asm.tool('k'), ':1}');
    asm.appendText('c');
    asm.end();
    asm.begin(3);
    asm.end();
    const chunks = ['a', 'b', 'c', 'd'];
    const out = asm.finish(chunks);
    expect(out.text).toBe('abc');
    expect(out.reasoning).toBe('why');
    expect(out.toolCalls).toEqual([{ id: 'id1', name: 'first', arguments: '{"x":1}' }]);
    const track = out.track!;
    expect(track.chunks).toBe(chunks);
    expect(Array.from(track.textEnd)).toEqual([2, 2, 3, 3]);
    expect(Array.from(track.reasoningEnd)).toEqual([0, 3, 3, 3]);
    expect(track.toolStart).toEqual([1]);
    expect(Array.from(track.toolArgsEnd[0]!)).toEqual([0, 4, 7, 7]);
    expect(Array.from(track.timestamps).every(Number.isNaN)).toBe(true);
  });

  it('a tool without key always starts a new call', () => {
    const asm = new StreamAssembler(1);
    asm.begin(0);
    asm.tool();
    asm.tool();
    asm.end();
    expect(asm.finish(null).toolCalls).toHaveLength(2);
  });

  it('without chunks there is no track', () => {
    const asm = new StreamAssembler(0);
    expect(asm.finish(null)).toEqual({ text: '', reasoning: '', toolCalls: [], track: null });
  });
});

describe('parseSseLines', () => {
  it('splits blank-line-separated blocks into events', () => {
    const events = parseSseLines([
      'event: a',
      'data: {"n":1}',
      '',
      '',
      ': comment',
      'data: line1',
      'data: line2',
      '',
      'event: done',
      'data: [DONE]',
    ]);
    expect(events).toEqual([
      { event: 'a', data: '{"n":1}', json: { n: 1 } },
      { data: 'line1\nline2' },
      { event: 'done', data: '[DONE]' },
    ]);
  });

  it('accepts entries holding several lines and CRLF', () => {
    expect(parseSseLines(['event: x\r\ndata: {}\r\n\r\nevent: y\ndata: 1\n'])).toEqual([
      { event: 'x', data: '{}', json: {} },
      { event: 'y', data: '1' },
    ]);
  });

  it('ignores non-string entries and bad JSON', () => {
    expect(parseSseLines([1, null, 'data: {bad', ''])).toEqual([{ data: '{bad' }]);
  });

  it('recognises line lists', () => {
    expect(isSseLineList(['event: x'])).toBe(true);
    expect(isSseLineList([null, 'data: 1'])).toBe(true);
    expect(isSseLineList([{}])).toBe(false);
    expect(isSseLineList([])).toBe(false);
    expect(isSseLineList('event: x')).toBe(false);
  });
});

describe('timestamps', () => {
  it('keeps sub-millisecond precision of nanosecond ISO strings', () => {
    const a = parseIsoTimestamp('2025-07-31T17:59:18.033900164Z');
    const b = parseIsoTimestamp('2025-07-31T17:59:18.034900164Z');
    expect(a).toBeCloseTo(Date.UTC(2025, 6, 31, 17, 59, 18) + 33.900164, 4);
    expect(b - a).toBeCloseTo(1, 4);
  });

  it('reads the normalized epoch as 0', () => {
    expect(parseIsoTimestamp('1970-01-01T00:00:00.000000Z')).toBe(0);
  });

  it('applies offsets and falls back to Date.parse', () => {
    expect(parseIsoTimestamp('2025-01-01T01:00:00+01:00')).toBe(Date.UTC(2025, 0, 1));
    expect(parseIsoTimestamp('2025-01-01T00:00:00-0130')).toBe(Date.UTC(2025, 0, 1, 1, 30));
    expect(parseIsoTimestamp('Wed, 01 Apr 2026 10:29:16 GMT')).toBe(Date.UTC(2026, 3, 1, 10, 29, 16));
    expect(parseIsoTimestamp('not a time')).toBeNaN();
  });

  it('converts OpenAI seconds', () => {
    expect(secondsToMs(0)).toBe(0);
    expect(secondsToMs(1.5)).toBe(1500);
    expect(secondsToMs('1')).toBeNaN();
    expect(timestampOf('1970-01-01T00:00:01Z')).toBe(1000);
    expect(timestampOf(2)).toBe(2000);
    expect(timestampOf(null)).toBeNaN();
  });
});
