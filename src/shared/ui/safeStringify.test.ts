import { describe, expect, it } from 'vitest';
import { safeStringify } from './JsonTree';

describe('safeStringify', () => {
  it("writes NaN and ±Infinity bare, as Python's json does, not as null", () => {
    expect(safeStringify(Number.NaN)).toBe('NaN');
    expect(safeStringify({ temperature: Number.NaN, bias: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null] })).toBe(
      '{"temperature":NaN,"bias":[Infinity,-Infinity,null]}',
    );
    expect(safeStringify({ a: 1.5, b: 'NaN' }, 2)).toBe('{\n  "a": 1.5,\n  "b": "NaN"\n}');
  });
});
