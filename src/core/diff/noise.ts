/**
 * Fields that change between two recordings of the same call without meaning
 * anything (see "Noise in re-recorded files" in the format notes). The list is
 * exact on purpose: compare counts must be reproducible by an independent
 * script, so no pattern matching such as `*_duration`.
 */
import { hasOwn, jsonEqual, stripKeys, type JsonObject } from './json';

export const NOISE_KEYS: ReadonlySet<string> = new Set([
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
]);

/** Deep copy of `value` without any noise key, at every depth. */
export function stripNoise(value: unknown): unknown {
  return stripKeys(value, NOISE_KEYS);
}

/** True when the two values are deep-equal once noise keys are dropped everywhere. */
export function equalIgnoringNoise(a: unknown, b: unknown): boolean {
  return jsonEqual(a, b, NOISE_KEYS);
}

export interface NoiseComparison {
  /** Deep-equal after dropping noise keys at every depth. */
  equalIgnoringNoise: boolean;
  /**
   * Noise keys whose values differ (or that exist on one side only), counted
   * at positions both documents share: object keys present on both sides and
   * array indices below both lengths. Values under a noise key are compared
   * whole and count once.
   */
  noiseFieldCount: number;
}

/** One walk that answers both "is this noise only?" and "how many noise fields moved?". */
export function compareNoise(a: unknown, b: unknown): NoiseComparison {
  let equal = true;
  let count = 0;
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop();
    const x = stack.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      equal = false;
      continue;
    }
    const xArr = Array.isArray(x);
    if (xArr !== Array.isArray(y)) {
      equal = false;
      continue;
    }
    if (xArr) {
      const xa = x as unknown[];
      const ya = y as unknown[];
      if (xa.length !== ya.length) equal = false;
      const n = Math.min(xa.length, ya.length);
      for (let i = 0; i < n; i++) stack.push(xa[i], ya[i]);
      continue;
    }
    const xo = x as JsonObject;
    const yo = y as JsonObject;
    for (const key of Object.keys(xo)) {
      const inY = hasOwn(yo, key);
      if (NOISE_KEYS.has(key)) {
        if (!inY || !jsonEqual(xo[key], yo[key])) count++;
      } else if (!inY) {
        equal = false;
      } else {
        stack.push(xo[key], yo[key]);
      }
    }
    for (const key of Object.keys(yo)) {
      if (hasOwn(xo, key)) continue;
      if (NOISE_KEYS.has(key)) count++;
      else equal = false;
    }
  }
  return { equalIgnoringNoise: equal, noiseFieldCount: count };
}
