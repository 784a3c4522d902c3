/**
 * Path-level diff of two JSON values, for request bodies, tool arguments and
 * response bodies. Bounded in both directions: a cap on reported changes keeps
 * a 4k-float embedding or a 500-chunk stream from producing a wall of rows,
 * and a depth limit (plus an explicit stack) keeps absurdly deep input from
 * costing more than one whole-subtree comparison.
 */
import { diffArrays } from 'diff';
import { canonicalStringify, childPath, hasOwn, isPlainObject, jsonEqual, stripKeys, type JsonObject } from './json';

export type JsonChangeKind = 'added' | 'removed' | 'changed';

export interface JsonChange {
  /**
   * `messages[2].content`; '' is the root. Array indices refer to the head
   * value for added and changed entries and to the base value for removed ones.
   */
  path: string;
  kind: JsonChangeKind;
  before?: unknown;
  after?: unknown;
}

export interface StructuralDiffOptions {
  /** Stop after this many changes and set `truncated`. Default 500. */
  maxChanges?: number;
  /** Below this depth a differing subtree is reported as one change. Default 64. */
  maxDepth?: number;
  /** Keys treated as absent at every depth (e.g. NOISE_KEYS); also stripped from reported values. */
  ignoreKeys?: ReadonlySet<string>;
  /**
   * Align arrays of different lengths by content (LCS over element
   * fingerprints) so that one inserted tool does not show as every later tool
   * changing. Default true.
   */
  alignArrays?: boolean;
}

export interface StructuralDiffResult {
  changes: JsonChange[];
  /** True when `maxChanges` cut the list short. */
  truncated: boolean;
  /** True when some subtree sat deeper than `maxDepth` and was compared whole. */
  depthLimited: boolean;
}

export const DEFAULT_MAX_CHANGES = 500;
export const DEFAULT_MAX_DEPTH = 64;
/** Arrays longer than this are compared index by index: fingerprinting and LCS would cost more than they explain. */
const ALIGN_MAX_LENGTH = 2000;
/** Beyond this many edits an alignment explains nothing a by-index listing would not. */
const ALIGN_MAX_EDITS = 200;

type Task =
  | { t: 'visit'; a: unknown; b: unknown; path: string; depth: number }
  | { t: 'emit'; change: JsonChange };

export function structuralDiff(a: unknown, b: unknown, options: StructuralDiffOptions = {}): StructuralDiffResult {
  const maxChanges = options.maxChanges ?? DEFAULT_MAX_CHANGES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const ignore = options.ignoreKeys;
  const align = options.alignArrays ?? true;
  const clean = (v: unknown): unknown => (ignore && typeof v === 'object' && v !== null ? stripKeys(v, ignore) : v);

  const changes: JsonChange[] = [];
  let truncated = false;
  let depthLimited = false;
  const stack: Task[] = [{ t: 'visit', a, b, path: '', depth: 0 }];

  while (stack.length > 0) {
    const task = stack.pop()!;
    if (task.t === 'emit') {
      if (changes.length >= maxChanges) {
        truncated = true;
        break;
      }
      changes.push(task.change);
      continue;
    }
    const { a: x, b: y, path, depth } = task;
    // Object.is: a NaN read from a Python file equals itself (it would differ from itself under ===).
    if (x === y || Object.is(x, y)) continue;
    const changed = (): Task => ({ t: 'emit', change: { path, kind: 'changed', before: clean(x), after: clean(y) } });

    const bothObjects = isPlainObject(x) && isPlainObject(y);
    const bothArrays = Array.isArray(x) && Array.isArray(y);
    if (!bothObjects && !bothArrays) {
      // Primitives, or a type change: nothing to descend into.
      stack.push(changed());
      continue;
    }
    if (depth >= maxDepth) {
      if (!jsonEqual(x, y, ignore)) {
        depthLimited = true;
        stack.push(changed());
      }
      continue;
    }

    // Children are gathered in document order, then pushed reversed so they pop in order.
    const children: Task[] = [];
    if (bothObjects) {
      const xo = x as JsonObject;
      const yo = y as JsonObject;
      for (const key of Object.keys(xo)) {
        if (ignore?.has(key)) continue;
        const p = childPath(path, key);
        if (!hasOwn(yo, key)) children.push({ t: 'emit', change: { path: p, kind: 'removed', before: clean(xo[key]) } });
        else children.push({ t: 'visit', a: xo[key], b: yo[key], path: p, depth: depth + 1 });
      }
      for (const key of Object.keys(yo)) {
        if (ignore?.has(key) || hasOwn(xo, key)) continue;
        children.push({ t: 'emit', change: { path: childPath(path, key), kind: 'added', after: clean(yo[key]) } });
      }
    } else {
      arrayChildren(x as unknown[], y as unknown[], path, depth, align, ignore, clean, children);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { changes, truncated, depthLimited };
}

function arrayChildren(
  xa: unknown[],
  ya: unknown[],
  path: string,
  depth: number,
  align: boolean,
  ignore: ReadonlySet<string> | undefined,
  clean: (v: unknown) => unknown,
  out: Task[],
): void {
  const aligned =
    align && xa.length !== ya.length && xa.length <= ALIGN_MAX_LENGTH && ya.length <= ALIGN_MAX_LENGTH
      ? alignByContent(xa, ya, ignore)
      : undefined;
  if (!aligned) {
    const n = Math.min(xa.length, ya.length);
    for (let i = 0; i < n; i++) out.push({ t: 'visit', a: xa[i], b: ya[i], path: childPath(path, i), depth: depth + 1 });
    for (let i = n; i < xa.length; i++) out.push({ t: 'emit', change: { path: childPath(path, i), kind: 'removed', before: clean(xa[i]) } });
    for (let i = n; i < ya.length; i++) out.push({ t: 'emit', change: { path: childPath(path, i), kind: 'added', after: clean(ya[i]) } });
    return;
  }
  for (const step of aligned) {
    if (step.kind === 'pair') {
      out.push({ t: 'visit', a: xa[step.ai], b: ya[step.bi], path: childPath(path, step.bi), depth: depth + 1 });
    } else if (step.kind === 'removed') {
      out.push({ t: 'emit', change: { path: childPath(path, step.ai), kind: 'removed', before: clean(xa[step.ai]) } });
    } else {
      out.push({ t: 'emit', change: { path: childPath(path, step.bi), kind: 'added', after: clean(ya[step.bi]) } });
    }
  }
}

type AlignStep = { kind: 'pair'; ai: number; bi: number } | { kind: 'removed'; ai: number } | { kind: 'added'; bi: number };

/**
 * LCS over canonical fingerprints. Equal elements are skipped; within each
 * run of differences, removed and added elements are paired in order (shown
 * as "changed" and diffed further) and the surplus is reported as added or
 * removed. Returns undefined when the arrays are too different to align.
 */
function alignByContent(xa: unknown[], ya: unknown[], ignore: ReadonlySet<string> | undefined): AlignStep[] | undefined {
  const fa = xa.map((v) => canonicalStringify(v, ignore));
  const fb = ya.map((v) => canonicalStringify(v, ignore));
  const diff = diffArrays(fa, fb, { maxEditLength: ALIGN_MAX_EDITS });
  if (!diff) return undefined;
  const steps: AlignStep[] = [];
  let ai = 0;
  let bi = 0;
  let pendingRemoved: number[] = [];
  let pendingAdded: number[] = [];
  const flush = (): void => {
    const n = Math.min(pendingRemoved.length, pendingAdded.length);
    for (let i = 0; i < n; i++) steps.push({ kind: 'pair', ai: pendingRemoved[i]!, bi: pendingAdded[i]! });
    for (let i = n; i < pendingRemoved.length; i++) steps.push({ kind: 'removed', ai: pendingRemoved[i]! });
    for (let i = n; i < pendingAdded.length; i++) steps.push({ kind: 'added', bi: pendingAdded[i]! });
    pendingRemoved = [];
    pendingAdded = [];
  };
  for (const part of diff) {
    const count = part.value.length;
    if (part.removed) {
      for (let i = 0; i < count; i++) pendingRemoved.push(ai++);
    } else if (part.added) {
      for (let i = 0; i < count; i++) pendingAdded.push(bi++);
    } else {
      flush();
      ai += count;
      bi += count;
    }
  }
  flush();
  return steps;
}
