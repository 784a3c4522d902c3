/**
 * The Python-compatible JSON reader and writer. Every expected string below
 * was produced once by CPython 3 (`json.dumps(obj, sort_keys=True)`, `repr`,
 * `round`, f-strings) and pasted here as a literal.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodePoints, parsePyJson, parsePyJsonMembers, pyDumps, PyFloat, PyJsonError } from './pyJson';
import { pyFloatRepr, pyFormatFixed, pyRound } from './pyNumbers';

describe('float repr as json.dumps writes it', () => {
  const cases: [number, string][] = [
    [0, '0.0'],
    [-0, '-0.0'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [100000, '100000.0'],
    [1e22, '1e+22'],
    [0.1, '0.1'],
    [123456789012345.6, '123456789012345.6'],
    [Number('1234567890123456.7'), '1234567890123456.8'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [NaN, 'NaN'],
    [1e15, '1000000000000000.0'],
    [9999999999999998, '9999999999999998.0'],
  ];
  it.each(cases)('%s → %s', (value, expected) => expect(pyFloatRepr(value)).toBe(expected));

  it('round-trips: the repr always parses back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(pyFloatRepr(x)), x)).toBe(true);
      }),
    );
  });
});

describe("Python's round(x, n): exact binary value, ties to even", () => {
  const cases: [number, number, string][] = [
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.675, 2, '2.67'],
    [1.000005, 5, '1.00001'],
    [0.000005, 5, '1e-05'],
    [0.000015, 5, '2e-05'],
    [-0.000001, 5, '-0.0'],
    [0.123456789, 5, '0.12346'],
    [0.1234565, 6, '0.123456'],
    [1e20 + 0.5, 5, '1e+20'],
    [0.7, 5, '0.7'],
    [1.23456789e-7, 5, '0.0'],
    [-2.5e-6, 5, '-0.0'],
    [2.5e-6, 5, '0.0'],
  ];
  it.each(cases)('round(%s, %s) → %s', (x, n, expected) => expect(pyFloatRepr(pyRound(x, n))).toBe(expected));

  const fixed: [string, string, string][] = [
    ['0.12345678', '0.12346', '0.123457'],
    ['-3.14159265', '-3.14159', '-3.141593'],
    ['1.00000500', '1.00001', '1.000005'],
    ['12.34565', '12.34565', '12.345650'],
    ['0.0000050', '0.00001', '0.000005'],
    ['99999.999995', '100000.00000', '99999.999995'],
    ['2.675000', '2.67500', '2.675000'],
    ['-0.0000001', '-0.00000', '-0.000000'],
  ];
  it.each(fixed)('f"{%s:.5f}" / .6f', (literal, five, six) => {
    expect(pyFormatFixed(Number(literal), 5)).toBe(five);
    expect(pyFormatFixed(Number(literal), 6)).toBe(six);
  });
});

const codePointString = fc
  .array(fc.oneof(fc.integer({ min: 0xe000, max: 0xe010 }), fc.integer({ min: 0xfff0, max: 0x10ffff }), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 6 })
  .map((points) => String.fromCodePoint(...points));

describe('json.dumps(obj, sort_keys=True) of losslessly read JSON', () => {
  it('sorts by code point (astral after U+E000), escapes non-ASCII as surrogate pairs, keeps 2.0 a float', () => {
    const text = '{"b": 1, "a": [1, 2.0, "x"], "c": {"é": "naïve ☃ 😀", "\ue000": 1, "😀": 2, "z": null, "t": true}}';
    expect(pyDumps(parsePyJson(text))).toBe(
      '{"a": [1, 2.0, "x"], "b": 1, "c": {"t": true, "z": null, "\\u00e9": "na\\u00efve \\u2603 \\ud83d\\ude00", "\\ue000": 1, "\\ud83d\\ude00": 2}}',
    );
  });

  it('escapes control characters and DEL, keeps a lone surrogate as Python does', () => {
    const text = '{"ctl": "a\\u0000b\\u001fc\\u007fd\\t\\n\\r\\b\\f\\"\\\\\\/", "lone": "\\ud800x"}';
    expect(pyDumps(parsePyJson(text))).toBe('{"ctl": "a\\u0000b\\u001fc\\u007fd\\t\\n\\r\\b\\f\\"\\\\/", "lone": "\\ud800x"}');
  });

  it('keeps integers of any size and the forms of floats', () => {
    const text = '{"big": 123456789012345678901234567890, "neg": -0.0, "e": 1e-5, "f": 1E+16, "nan": NaN, "inf": -Infinity}';
    expect(pyDumps(parsePyJson(text))).toBe(
      '{"big": 123456789012345678901234567890, "e": 1e-05, "f": 1e+16, "inf": -Infinity, "nan": NaN, "neg": -0.0}',
    );
  });

  it('a repeated key keeps its first position and its last value, like a Python dict', () => {
    const parsed = parsePyJson('{"a": 1, "b": 2, "a": 3}');
    expect([...(parsed as Map<string, unknown>).entries()]).toEqual([
      ['a', 3n],
      ['b', 2n],
    ]);
  });

  it('reads only the wanted members and still rejects a broken file', () => {
    const members = parsePyJsonMembers('{"request": {"x": 0.0}, "response": {"body": [1, "a\\"]", {"b": "}"}]}, "test_id": null}', new Set(['request', 'test_id']));
    expect(pyDumps(members.get('request')!)).toBe('{"x": 0.0}');
    expect(members.get('test_id')).toBeNull();
    expect(members.has('response')).toBe(false);
    expect(() => parsePyJsonMembers('{"request": {}, "response": [1, 2}', new Set(['request']))).toThrow(PyJsonError);
    expect(() => parsePyJson('{"a": "tab\there"}')).toThrow(/control character/);
    expect(() => parsePyJson('{"a": 1.}')).toThrow(PyJsonError);
    expect(() => parsePyJson('[1] x')).toThrow(/extra data/);
  });

  it('refuses an int literal Python would refuse (more than 4300 digits)', () => {
    expect(() => parsePyJson('1'.repeat(4301))).toThrow(/4300/);
    expect(parsePyJson('1'.repeat(4300))).toBe(BigInt('1'.repeat(4300)));
  });

  it('round-trips any JSON value through read → dumps → read', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = pyDumps(parsePyJson(JSON.stringify(value)));
        expect(pyDumps(parsePyJson(once))).toBe(once);
      }),
    );
  });

  it('orders keys by code point, as Python sorts str', () => {
    const keys = ['\uffff', '😀', 'a', '\ue000', 'Z'];
    expect([...keys].sort(compareCodePoints)).toEqual(['Z', 'a', '\ue000', '\uffff', '😀']);
    fc.assert(
      fc.property(codePointString, codePointString, (a, b) => {
        const byCodePoint = Math.sign(compareCodePoints(a, b));
        const pa = [...a].map((c) => c.codePointAt(0)!);
        const pb = [...b].map((c) => c.codePointAt(0)!);
        let expected = 0;
        for (let i = 0; i < Math.min(pa.length, pb.length) && expected === 0; i++) expected = Math.sign(pa[i]! - pb[i]!);
        if (expected === 0) expected = Math.sign(pa.length - pb.length);
        expect(byCodePoint).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a float stays a PyFloat even when integral', () => {
    expect(parsePyJson('3.0')).toBeInstanceOf(PyFloat);
    expect(parsePyJson('3')).toBe(3n);
  });
});
