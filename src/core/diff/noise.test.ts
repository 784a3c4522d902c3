import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalStringify, jsonEqual, stripKeys } from './json';
import { compareNoise, equalIgnoringNoise, NOISE_KEYS, stripNoise } from './noise';

describe('NOISE_KEYS', () => {
  it('is exactly the documented list', () => {
    expect([...NOISE_KEYS].sort()).toEqual(
      [
        'obfuscation',
        'system_fingerprint',
        'id',
        'created',
        'created_at',
        'total_duration',
        'load_duration',
        'prompt_eval_duration',
        'eval_duration',
        'response_id',
        'create_time',
        'sdk_http_response',
        'id_normalization_mapping',
      ].sort(),
    );
  });
});

describe('stripNoise', () => {
  it('drops noise keys at every depth and leaves the input alone', () => {
    const input = {
      id: 'x',
      request: { body: { messages: [{ role: 'assistant', tool_calls: [{ id: 'call_1', function: { name: 'f' } }] }] } },
      response: { body: [{ created: 1, choices: [{ delta: { content: 'a' }, obfuscation: 'zz' }] }], eval_duration: 5 },
      other_duration: 3,
    };
    const snapshot = JSON.stringify(input);
    expect(stripNoise(input)).toEqual({
      request: { body: { messages: [{ role: 'assistant', tool_calls: [{ function: { name: 'f' } }] }] } },
      response: { body: [{ choices: [{ delta: { content: 'a' } }] }] },
      // Only the listed *_duration keys are noise.
      other_duration: 3,
    });
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('passes primitives through and copies `__proto__` keys as data', () => {
    expect(stripNoise(3)).toBe(3);
    expect(stripNoise(null)).toBe(null);
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "id": 1, "a": 2}') as unknown;
    const out = stripNoise(parsed) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('copes with very deep values', () => {
    const text = `${'{"id":1,"a":'.repeat(50_000)}0${'}'.repeat(50_000)}`;
    const out = stripNoise(JSON.parse(text));
    expect(canonicalStringify(out)).toBe(`${'{"a":'.repeat(50_000)}0${'}'.repeat(50_000)}`);
  });
});

describe('compareNoise', () => {
  it('counts differing noise fields at shared positions', () => {
    const a = { id: 'a', created: 1, choices: [{ obfuscation: 'x', text: 'hi' }, { obfuscation: 'y' }], system_fingerprint: 'fp' };
    const b = { id: 'b', created: 1, choices: [{ obfuscation: 'z', text: 'hi' }], system_fingerprint: 'fp', response_id: 'r' };
    // id and obfuscation differ, response_id is new; the missing array element is a real change.
    expect(compareNoise(a, b)).toEqual({ equalIgnoringNoise: false, noiseFieldCount: 3 });
  });

  it('compares a noise value whole, whatever is inside it', () => {
    const a = { sdk_http_response: { headers: { Date: 'Mon', id: 1 } }, x: 1 };
    const b = { sdk_http_response: { headers: { Date: 'Tue', id: 2 } }, x: 1 };
    expect(compareNoise(a, b)).toEqual({ equalIgnoringNoise: true, noiseFieldCount: 1 });
  });

  it('ignores key order and distinguishes types', () => {
    expect(compareNoise({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual({ equalIgnoringNoise: true, noiseFieldCount: 0 });
    expect(compareNoise({ a: 1 }, { a: '1' }).equalIgnoringNoise).toBe(false);
    expect(compareNoise({ a: [] }, { a: {} }).equalIgnoringNoise).toBe(false);
    expect(compareNoise([1, 2], [2, 1]).equalIgnoringNoise).toBe(false);
    expect(compareNoise(null, {}).equalIgnoringNoise).toBe(false);
  });

  const arbJson = fc.jsonValue({ maxDepth: 4 });
  const withNoise = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('id', 'created', 'a', 'b', 'obfuscation', 'text'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('agrees with "deep-equal after stripNoise" on arbitrary values', () => {
    fc.assert(
      fc.property(withNoise, withNoise, (a, b) => {
        const expected = jsonEqual(stripNoise(a), stripNoise(b));
        expect(compareNoise(a, b).equalIgnoringNoise).toBe(expected);
        expect(equalIgnoringNoise(a, b)).toBe(expected);
      }),
    );
  });

  it('sees no noise between a value and itself, nor between stripped copies', () => {
    fc.assert(
      fc.property(arbJson, (v) => {
        expect(compareNoise(v, structuredClone(v))).toEqual({ equalIgnoringNoise: true, noiseFieldCount: 0 });
        expect(jsonEqual(stripKeys(v, NOISE_KEYS), stripNoise(v))).toBe(true);
      }),
    );
  });
});
