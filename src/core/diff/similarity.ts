/**
 * How alike two requests are, for pairing a deleted recording with the added
 * one that replaced it. A request is reduced to the multiset of its leaves
 * (`path=value`, noise keys dropped) and scored with the Dice coefficient.
 * That is linear in the request size and order-insensitive for object keys,
 * unlike a text diff of the pretty JSON, which is quadratic in the worst case
 * and would be run for every base×head pair of a group.
 */
import { NOISE_KEYS } from './noise';
import { canonicalStringify, childPath, isPlainObject } from './json';

export type RequestFeatures = Map<string, number>;

/** Long strings (base64 images, retrieved documents) are keyed by length and hash to keep features small. */
const LONG_STRING = 256;
const MAX_FEATURE_DEPTH = 24;

export function requestFeatures(request: unknown): RequestFeatures {
  const features: RequestFeatures = new Map();
  const add = (f: string): void => {
    features.set(f, (features.get(f) ?? 0) + 1);
  };
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: request, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (depth >= MAX_FEATURE_DEPTH && typeof v === 'object' && v !== null) {
      // Paths grow with depth, so a very deep subtree becomes one hashed leaf instead of O(depth²) text.
      add(`${path}=#${fnv1a(canonicalStringify(v, NOISE_KEYS))}`);
    } else if (Array.isArray(v)) {
      if (v.length === 0) add(`${path}=[]`);
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i] as unknown, path: childPath(path, i), depth: depth + 1 });
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v).filter((k) => !NOISE_KEYS.has(k));
      if (keys.length === 0) add(`${path}={}`);
      for (const key of keys) stack.push({ v: v[key], path: childPath(path, key), depth: depth + 1 });
    } else if (typeof v === 'string' && v.length > LONG_STRING) {
      add(`${path}=#${v.length}:${fnv1a(v)}`);
    } else {
      add(`${path}=${JSON.stringify(v) ?? 'null'}`);
    }
  }
  return features;
}

/** Dice coefficient of two feature multisets, in [0, 1]. */
export function featureSimilarity(a: RequestFeatures, b: RequestFeatures): number {
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [f, n] of small) {
    const m = large.get(f);
    if (m !== undefined) common += Math.min(n, m);
  }
  return (2 * common) / total;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
