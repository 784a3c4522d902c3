/**
 * What kind of change a modified pair is, in the words the PR review uses:
 * `noise-only`, else any of `request`, `answer`, `tools`, else `metadata-only`.
 * The rules are exact (acceptance recomputes them independently), so each one
 * reads a named part of the file and nothing else.
 */
import type { Recording, ToolCall } from '../recording/types';
import { hasOwn, isPlainObject, jsonEqual, tryParseJson } from './json';
import { NOISE_KEYS } from './noise';

export type ChangeCategory = 'noise-only' | 'request' | 'answer' | 'tools' | 'metadata-only';

/** Display and filter order: what a reviewer must read first comes first. */
export const CHANGE_CATEGORIES: readonly ChangeCategory[] = ['answer', 'tools', 'request', 'metadata-only', 'noise-only'];

/**
 * The request payload a replay is keyed on: `request.body` for inference calls,
 * `request.kwargs` for tool invocations, `request.payload` for HTTP
 * passthroughs. Headers, host and provider metadata sit outside it on purpose.
 */
export function requestPayload(doc: unknown): unknown {
  if (!isPlainObject(doc) || !isPlainObject(doc.request)) return undefined;
  const request = doc.request;
  for (const key of ['body', 'kwargs', 'payload']) if (hasOwn(request, key)) return request[key];
  return undefined;
}

export interface CategoryInput {
  /** Parsed files (JSON.parse); undefined when a side did not parse. */
  baseDocument: unknown;
  headDocument: unknown;
  /** The parsed recordings, when both sides are recordings. */
  base?: Recording;
  head?: Recording;
  /** Both documents are equal once noise keys are dropped everywhere. */
  noiseOnly: boolean;
}

export function pairCategories(input: CategoryInput): ChangeCategory[] {
  if (input.noiseOnly) return ['noise-only'];
  const out: ChangeCategory[] = [];
  if (!jsonEqual(requestPayload(input.baseDocument), requestPayload(input.headDocument), NOISE_KEYS)) out.push('request');
  const { base, head } = input;
  if (base && head) {
    if (answerDiffers(base, head)) out.push('answer');
    if (!toolCallsEqual(base.response.toolCalls, head.response.toolCalls)) out.push('tools');
  } else if (!jsonEqual(responseOf(input.baseDocument), responseOf(input.headDocument), NOISE_KEYS)) {
    // Not readable as recordings: whatever the response holds is the answer.
    out.push('answer');
  }
  if (out.length === 0) out.push('metadata-only');
  return out;
}

function responseOf(doc: unknown): unknown {
  return isPlainObject(doc) ? doc.response : undefined;
}

function answerDiffers(base: Recording, head: Recording): boolean {
  return (
    base.response.text !== head.response.text ||
    base.response.reasoning !== head.response.reasoning ||
    !jsonEqual(base.error ?? null, head.error ?? null, NOISE_KEYS)
  );
}

/** Name and arguments, call by call; ids are re-generated on every recording and do not count. */
export function toolCallsEqual(before: readonly ToolCall[], after: readonly ToolCall[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((b, i) => {
    const a = after[i]!;
    return b.name === a.name && argumentsEqual(b.arguments, a.arguments);
  });
}

/** Arguments compared as parsed JSON when both parse (formatting is not a change), else as text. */
export function argumentsEqual(before: string, after: string): boolean {
  if (before === after) return true;
  const b = tryParseJson(before);
  const a = tryParseJson(after);
  return b.ok && a.ok && jsonEqual(b.value, a.value);
}
