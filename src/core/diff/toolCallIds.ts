/**
 * Providers mint a fresh id for every tool call (`call_…`, `toolu_…`), and a
 * test that feeds a call's result back carries that id in its next request.
 * Re-recording such a test changes every id without changing the
 * conversation. When the ids that differ pair up one to one, in order of
 * first appearance, the request diff says so in one line and diffs the rest
 * with the ids mapped, instead of listing each id as a separate change.
 */
import { isPlainObject, setOwn, type JsonObject } from './json';

const TOOL_CALL_ID = /^(?:call_|toolu_|chatcmpl-tool-)[A-Za-z0-9_-]{4,}$/;

export function isToolCallId(value: string): boolean {
  return TOOL_CALL_ID.test(value);
}

/** Tool-call ids among the string values of `value`, each once, in document order. */
export function toolCallIdsIn(value: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!seen.has(v) && isToolCallId(v)) {
        seen.add(v);
        out.push(v);
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(v[keys[i]!]);
    }
  }
  return out;
}

export interface IdPairing {
  /** base id → head id, for ids found on one side only that pair one to one. */
  mapping: Map<string, string>;
}

/**
 * Pairs the ids only the base has with the ids only the head has, in order of
 * first appearance. No pairing when the counts differ: then the calls
 * themselves changed and each id is a real change.
 */
export function pairToolCallIds(base: unknown, head: unknown): IdPairing | undefined {
  const baseIds = toolCallIdsIn(base);
  const headIds = toolCallIdsIn(head);
  const inHead = new Set(headIds);
  const inBase = new Set(baseIds);
  const baseOnly = baseIds.filter((id) => !inHead.has(id));
  const headOnly = headIds.filter((id) => !inBase.has(id));
  if (baseOnly.length === 0 || baseOnly.length !== headOnly.length) return undefined;
  return { mapping: new Map(baseOnly.map((id, i) => [id, headOnly[i]!])) };
}

/** A copy of `value` with every string equal to a mapped id replaced (ids also appear inside longer strings rarely; those stay). */
export function renameIds(value: unknown, mapping: ReadonlyMap<string, string>): unknown {
  const rename = (v: unknown): unknown => (typeof v === 'string' ? (mapping.get(v) ?? v) : v);
  if (typeof value !== 'object' || value === null) return rename(value);
  const root: unknown = Array.isArray(value) ? new Array<unknown>(value.length) : {};
  const stack: { source: unknown; target: unknown }[] = [{ source: value, target: root }];
  const shell = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return rename(v);
    const copy: unknown = Array.isArray(v) ? new Array<unknown>(v.length) : {};
    stack.push({ source: v, target: copy });
    return copy;
  };
  while (stack.length > 0) {
    const { source, target } = stack.pop()!;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) out[i] = shell(source[i]);
    } else {
      const src = source as JsonObject;
      for (const key of Object.keys(src)) setOwn(target as JsonObject, key, shell(src[key]));
    }
  }
  return root;
}
