import { canonicalStringify } from '../diff/json';
import { NOISE_KEYS } from '../diff/noise';
import type { ChatMessage, Recording } from '../recording/types';

/**
 * A test usually makes several calls: a turn that asks for a tool, the tool
 * invocation, a turn carrying the tool result. Each chat call's messages
 * extend an earlier call's, so ordering by "is a prefix of" recovers the
 * conversation, and each step only needs to show what it added.
 *
 * Two things must not be mistaken for a conversation: the same call recorded
 * more than once (a re-record under another replay key leaves the old file)
 * is one step "recorded N times", and calls that share a start and then go
 * different ways are branches of it, not one continuing the other.
 */
export interface StoryStep {
  /** The copy shown: the one replay reaches when known, else the first by path. */
  recording: Recording;
  /** Every recording of this same request (equal up to noise), `recording` included; length ≥ 1. */
  copies: Recording[];
  /** Path of the copy replay reaches: known only when the caller says which files are replayable. */
  replayed?: string;
  /** Messages this call adds to the call it continues or branches from (all of them for a first call). */
  newMessages: ChatMessage[];
  /** Position of the first new message in this call's request. */
  startIndex: number;
  /**
   * `start`: nothing earlier in the test shares its start. `continues`: it
   * extends `from` (whose messages are a prefix of its own) and is the only
   * call to do so. `branch`: it shares its first `startIndex` messages with
   * `from`, then goes its own way (several calls extend `from`, or neither is
   * a prefix of the other).
   */
  relation: 'start' | 'continues' | 'branch';
  from?: string;
  /** Path of the call this one continues, when relation is `continues`. */
  continues?: string;
}

export interface StoryOptions {
  /** True when replay reaches this file, false when it cannot, undefined when unknown (no replay keys). */
  replayable?: (path: string) => boolean | undefined;
  /** Leave out requests none of whose copies replay reaches (the page lists those dead files apart). */
  omitUnreachable?: boolean;
}

function signature(message: ChatMessage): string {
  const parts = message.parts
    .map((p) => (p.type === 'text' ? p.text : p.type === 'image' ? `[image ${p.url.length}]` : `[${p.label}]`))
    .join('\u0001');
  // Call ids and arguments are re-generated between recordings; names are not.
  const calls = message.toolCalls.map((c) => c.name).join(',');
  return `${message.role}\u0000${parts}\u0000${calls}`;
}

function commonPrefix(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** The request as the recorder keys it, minus noise: equal fingerprints mean the same call recorded twice. */
function requestFingerprint(r: Recording): string {
  return `${r.kind}\u0000${r.endpoint}\u0000${canonicalStringify(r.request.body, NOISE_KEYS)}`;
}

const byPath = (a: Recording, b: Recording) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One step per distinct request; its copies are the re-recordings of it. */
function groupCopies(recordings: Recording[], options: StoryOptions): { recording: Recording; copies: Recording[]; replayed?: string }[] {
  const groups = new Map<string, Recording[]>();
  for (const r of [...recordings].sort(byPath)) {
    const key = requestFingerprint(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((copies) => {
    const reached = options.replayable ? copies.find((c) => options.replayable!(c.path) === true) : undefined;
    return reached ? { recording: reached, copies, replayed: reached.path } : { recording: copies[0]!, copies };
  });
}

export function orderStory(recordings: Recording[], options: StoryOptions = {}): StoryStep[] {
  const distinct = groupCopies(recordings, options).filter(
    (d) => !options.omitUnreachable || !options.replayable || d.copies.some((c) => options.replayable!(c.path) !== false),
  );
  const chats = distinct.filter((d) => d.recording.request.messages.length > 0);
  const others = distinct.filter((d) => d.recording.request.messages.length === 0);
  chats.sort((a, b) => a.recording.request.messages.length - b.recording.request.messages.length || byPath(a.recording, b.recording));

  const signatures = new Map(chats.map((d) => [d.recording.path, d.recording.request.messages.map(signature)]));
  const steps: StoryStep[] = [];
  for (const d of chats) {
    const mine = signatures.get(d.recording.path)!;
    // The call it extends (the longest earlier call whose messages are a prefix of its own); failing that, the
    // earlier call it shares the longest start with, from which it branches.
    let best: { step: StoryStep; shared: number; prefix: boolean } | undefined;
    for (const step of steps) {
      const theirs = signatures.get(step.recording.path)!;
      const shared = commonPrefix(theirs, mine);
      if (shared === 0 || shared === mine.length) continue;
      const prefix = shared === theirs.length;
      if (!best || (prefix && !best.prefix) || (prefix === best.prefix && shared > best.shared)) best = { step, shared, prefix };
    }
    const base = { recording: d.recording, copies: d.copies, ...(d.replayed ? { replayed: d.replayed } : {}) };
    if (!best) {
      steps.push({ ...base, newMessages: d.recording.request.messages, startIndex: 0, relation: 'start' });
      continue;
    }
    const step: StoryStep = {
      ...base,
      newMessages: d.recording.request.messages.slice(best.shared),
      startIndex: best.shared,
      relation: best.prefix ? 'continues' : 'branch',
      from: best.step.recording.path,
    };
    // Place it right after the last step of the thread it joins so threads read top to bottom.
    let at = steps.indexOf(best.step) + 1;
    while (at < steps.length && steps[at]!.from !== undefined && reaches(steps, steps[at]!, best.step.recording.path)) at++;
    steps.splice(at, 0, step);
  }

  // A call that several calls extend is a fork: each of them is a branch, not "the" continuation.
  const children = new Map<string, number>();
  for (const s of steps) if (s.relation === 'continues') children.set(s.from!, (children.get(s.from!) ?? 0) + 1);
  for (const s of steps) {
    if (s.relation === 'continues' && (children.get(s.from!) ?? 0) > 1) s.relation = 'branch';
    if (s.relation === 'continues') s.continues = s.from;
  }

  // A tool invocation goes after the turn that asked for that tool, before the turn that carries its result.
  for (const d of others.sort((a, b) => byPath(a.recording, b.recording))) {
    const other = d.recording;
    const toolName = other.kind === 'tool' ? other.endpoint : undefined;
    const asking = toolName
      ? steps.findIndex(
          (s, i) =>
            s.recording.response.toolCalls.some((c) => c.name === toolName) &&
            !(steps[i + 1] && steps[i + 1]!.recording.kind === 'tool' && steps[i + 1]!.recording.endpoint === toolName),
        )
      : -1;
    const step: StoryStep = {
      recording: other,
      copies: d.copies,
      ...(d.replayed ? { replayed: d.replayed } : {}),
      newMessages: [],
      startIndex: 0,
      relation: 'start',
    };
    if (asking >= 0) steps.splice(asking + 1, 0, step);
    else steps.push(step);
  }
  return steps;
}

function reaches(steps: StoryStep[], step: StoryStep, ancestor: string): boolean {
  let current: StoryStep | undefined = step;
  for (let guard = 0; current && guard < steps.length; guard++) {
    if (current.from === ancestor) return true;
    const next: string | undefined = current.from;
    current = steps.find((s) => s.recording.path === next);
  }
  return false;
}
