import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSegment, encodeSegment, paths, readAddress, withSearch } from './paths';

describe('recording and test addresses', () => {
  it('keeps ordinary paths readable, as encodeURIComponent writes them', () => {
    expect(paths.recording('tests/integration/recordings/abc.json')).toBe('/r/tests/integration/recordings/abc.json');
    expect(paths.recording('a b/ü#1?.json', '?chunk=2')).toBe('/r/a%20b/%C3%BC%231%3F.json?chunk=2');
    expect(paths.test('tests/x/test_a.py::test_b[p]')).toBe('/t/tests%2Fx%2Ftest_a.py%3A%3Atest_b%5Bp%5D');
  });

  it('reads back names with #, ?, %, newlines, lone surrogates and astral characters', () => {
    const names = ['cassette.yaml#3', 'semi;colon;000A.json', 'what?.json', '100%.json', '%E0%A4%A.json', 'line\nbreak.json', 'cr\r\u2028\u2029.json', 'bad\ud800.json', 'tail\udfff', '😀 emoji.json'];
    for (const name of names) {
      const address = paths.recording(`dir/${name}`);
      expect(readAddress(address)).toEqual({ page: 'recording', path: `dir/${name}` });
      // react-router and the dev server decode the address first: that must work and hold no line terminator.
      expect(decodeURIComponent(address)).not.toMatch(/[\n\r\u2028\u2029]/);
    }
    expect(paths.recording('line\nbreak.json')).toBe('/r/line;000Abreak.json');
    expect(readAddress(paths.test('t.py::test[\ud83d]'))).toEqual({ page: 'test', testKey: 't.py::test[\ud83d]' });
    // A `;` typed by a person, or one that is not an escape, is itself.
    expect(readAddress('/r/a;b.json')).toEqual({ page: 'recording', path: 'a;b.json' });
    expect(readAddress('/r/a;0041.json')).toEqual({ page: 'recording', path: 'a;0041.json' });
  });

  it('round-trips any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeSegment(encodeSegment(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports malformed escapes instead of throwing', () => {
    expect(readAddress('/r/tests/%E0%A4%A.json')).toEqual({ page: 'malformed', kind: 'recording', raw: 'tests/%E0%A4%A.json' });
    expect(readAddress('/t/%ZZ')).toEqual({ page: 'malformed', kind: 'test', raw: '%ZZ' });
    for (const bad of ['%', '%4', '%C0%AF', '%C1%81', '%ED%A0%80', '%F0%80%80%8A', '%F4%90%80%80', '%FF', '%C3']) expect(decodeSegment(bad), bad).toBeNull();
  });

  it('names the other pages', () => {
    expect(readAddress('/')).toEqual({ page: 'home' });
    expect(readAddress('/browse')).toEqual({ page: 'browse' });
    expect(readAddress('/compare')).toEqual({ page: 'compare' });
    expect(readAddress('/elsewhere')).toEqual({ page: 'other' });
  });

  it('patches a search string', () => {
    expect(withSearch('?q=a&chunk=2', { chunk: null })).toBe('?q=a');
    expect(withSearch('', { q: 'x y' })).toBe('?q=x+y');
    expect(withSearch('?chunk=1', { chunk: null })).toBe('');
  });
});
