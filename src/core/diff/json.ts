/**
 * JSON helpers for compare. Every walker here uses an explicit stack: user
 * folders can hold pathologically deep documents (thousands of levels), and a
 * Web Worker's call stack is small, so recursion would turn a bad file into a
 * crash instead of a classification.
 */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** JSON.parse that reports failure as a value, so one bad file never aborts a whole compare. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Assigns without going through the `__proto__` setter: JSON.parse creates
 * `__proto__` as an ordinary own key, and copies must keep it that way.
 */
export function setOwn(obj: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Deep equality of JSON values (key order ignored, array order significant),
 * optionally treating `ignoreKeys` as absent at every depth.
 */
export function jsonEqual(a: unknown, b: unknown, ignoreKeys?: ReadonlySet<string>): boolean {
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop();
    const x = stack.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const xArr = Array.isArray(x);
    if (xArr !== Array.isArray(y)) return false;
    if (xArr) {
      const xa = x as unknown[];
      const ya = y as unknown[];
      if (xa.length !== ya.length) return false;
      for (let i = 0; i < xa.length; i++) stack.push(xa[i], ya[i]);
      continue;
    }
    const xo = x as JsonObject;
    const yo = y as JsonObject;
    let xCount = 0;
    for (const key of Object.keys(xo)) {
      if (ignoreKeys?.has(key)) continue;
      if (!hasOwn(yo, key)) return false;
      xCount++;
      stack.push(xo[key], yo[key]);
    }
    let yCount = 0;
    for (const key of Object.keys(yo)) {
      if (!ignoreKeys?.has(key)) yCount++;
    }
    if (xCount !== yCount) return false;
  }
  return true;
}

/** Deep copy without `keys` at any depth. */
export function stripKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const root: unknown = Array.isArray(value) ? new Array<unknown>(value.length) : {};
  // Each entry: copy `source` into the already-allocated `target`.
  const stack: { source: object; target: object }[] = [{ source: value, target: root as object }];
  while (stack.length > 0) {
    const { source, target } = stack.pop()!;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) {
        out[i] = copyShell(source[i] as unknown, stack);
      }
    } else {
      const src = source as JsonObject;
      const out = target as JsonObject;
      for (const key of Object.keys(src)) {
        if (keys.has(key)) continue;
        setOwn(out, key, copyShell(src[key], stack));
      }
    }
  }
  return root;
}

function copyShell(value: unknown, stack: { source: object; target: object }[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const shell: object = Array.isArray(value) ? new Array<unknown>(value.length) : {};
  stack.push({ source: value, target: shell });
  return shell;
}

type StringifyTask = { raw: string } | { value: unknown };

/**
 * Compact JSON with object keys sorted, optionally without `ignoreKeys`:
 * a fingerprint under which key order and noise do not matter.
 */
export function canonicalStringify(value: unknown, ignoreKeys?: ReadonlySet<string>): string {
  const out: string[] = [];
  const stack: StringifyTask[] = [{ value }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('raw' in task) {
      out.push(task.raw);
      continue;
    }
    const v = task.value;
    if (typeof v !== 'object' || v === null) {
      out.push(primitiveJson(v));
      continue;
    }
    if (Array.isArray(v)) {
      out.push('[');
      stack.push({ raw: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] as unknown });
        if (i > 0) stack.push({ raw: ',' });
      }
      continue;
    }
    const obj = v as JsonObject;
    const keys = Object.keys(obj)
      .filter((k) => !ignoreKeys?.has(k))
      .sort();
    out.push('{');
    stack.push({ raw: '}' });
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: obj[key] });
      stack.push({ raw: (i > 0 ? ',' : '') + JSON.stringify(key) + ':' });
    }
  }
  return out.join('');
}

function primitiveJson(v: unknown): string {
  // undefined and functions cannot come from JSON.parse; render them as null like JSON.stringify does in arrays.
  const s = JSON.stringify(v);
  return s === undefined ? 'null' : s;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `messages[2].content` style path; odd keys are quoted so paths stay unambiguous. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** How deeply nested `value` is (a primitive is 0), walked without recursion; stops counting at `cap`. */
export function depthOf(value: unknown, cap = Infinity): number {
  let max = 0;
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max >= cap) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as JsonObject)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, d: depth });
    }
  }
  return max;
}

/**
 * A copy of `value` whose objects and arrays below `maxDepth` levels are
 * replaced by a short note. Structured clone (postMessage) and
 * JSON.stringify recurse, so a few thousand levels overflow their stack;
 * values that cross to the page or get printed go through this first.
 * Returns `value` itself when it is shallow enough.
 */
export function limitDepth(value: unknown, maxDepth: number): unknown {
  if (depthOf(value, maxDepth + 1) <= maxDepth) return value;
  const root: unknown = Array.isArray(value) ? new Array<unknown>((value as unknown[]).length) : {};
  const stack: { source: object; target: object; depth: number }[] = [{ source: value as object, target: root as object, depth: 1 }];
  const shell = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (depth > maxDepth) return `(nested deeper than ${maxDepth} levels: not shown)`;
    const copy: object = Array.isArray(v) ? new Array<unknown>(v.length) : {};
    stack.push({ source: v, target: copy, depth });
    return copy;
  };
  while (stack.length > 0) {
    const { source, target, depth } = stack.pop()!;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) out[i] = shell(source[i], depth + 1);
    } else {
      const src = source as JsonObject;
      for (const key of Object.keys(src)) setOwn(target as JsonObject, key, shell(src[key], depth + 1));
    }
  }
  return root;
}
