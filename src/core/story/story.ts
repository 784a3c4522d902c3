import type { ChatMessage, Recording } from '../recording/types';

/**
 * A test usually makes several calls: a turn that asks for a tool, the tool
 * invocation, a turn carrying the tool result. Each chat call's messages
 * extend an earlier call's, so ordering by "is a prefix of" recovers the
 * conversation, and each step only needs to show what it added.
 */
export interface StoryStep {
  recording: Recording;
  /** Messages this call adds to the call it continues (all of them for a first call). */
  newMessages: ChatMessage[];
  /** Position of the first new message in this call's request. */
  startIndex: number;
  /** Path of the call this one continues, if any. */
  continues?: string;
}

function signature(message: ChatMessage): string {
  const parts = message.parts
    .map((p) => (p.type === 'text' ? p.text : p.type === 'image' ? `[image ${p.url.length}]` : `[${p.label}]`))
    .join('\u0001');
  // Call ids and arguments are re-generated between recordings; names are not.
  const calls = message.toolCalls.map((c) => c.name).join(',');
  return `${message.role}\u0000${parts}\u0000${calls}`;
}

function isPrefix(shorter: string[], longer: string[]): boolean {
  if (shorter.length > longer.length) return false;
  for (let i = 0; i < shorter.length; i++) if (shorter[i] !== longer[i]) return false;
  return true;
}

export function orderStory(recordings: Recording[]): StoryStep[] {
  const byPath = (a: Recording, b: Recording) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const chats = recordings.filter((r) => r.request.messages.length > 0);
  const others = recordings.filter((r) => r.request.messages.length === 0).sort(byPath);
  chats.sort((a, b) => a.request.messages.length - b.request.messages.length || byPath(a, b));

  const signatures = new Map(chats.map((r) => [r.path, r.request.messages.map(signature)]));
  const steps: StoryStep[] = [];
  for (const recording of chats) {
    const mine = signatures.get(recording.path)!;
    let parent: StoryStep | undefined;
    for (const step of steps) {
      const theirs = signatures.get(step.recording.path)!;
      if (theirs.length < mine.length && isPrefix(theirs, mine)) {
        if (!parent || theirs.length >= parent.recording.request.messages.length) parent = step;
      }
    }
    const startIndex = parent ? parent.recording.request.messages.length : 0;
    const step: StoryStep = {
      recording,
      newMessages: recording.request.messages.slice(startIndex),
      startIndex,
      continues: parent?.recording.path,
    };
    // Place a continuation right after the last step of its thread so threads read top to bottom.
    if (parent) {
      let at = steps.indexOf(parent) + 1;
      while (at < steps.length && steps[at]!.continues !== undefined && chainReaches(steps, steps[at]!, parent.recording.path)) at++;
      steps.splice(at, 0, step);
    } else {
      steps.push(step);
    }
  }

  // A tool invocation goes after the turn that asked for that tool, before the turn that carries its result.
  for (const other of others) {
    const toolName = other.kind === 'tool' ? other.endpoint : undefined;
    const asking = toolName
      ? steps.findIndex(
          (s, i) =>
            s.recording.response.toolCalls.some((c) => c.name === toolName) &&
            !(steps[i + 1] && steps[i + 1]!.recording.kind === 'tool' && steps[i + 1]!.recording.endpoint === toolName),
        )
      : -1;
    const step: StoryStep = { recording: other, newMessages: [], startIndex: 0 };
    if (asking >= 0) steps.splice(asking + 1, 0, step);
    else steps.push(step);
  }
  return steps;
}

function chainReaches(steps: StoryStep[], step: StoryStep, ancestor: string): boolean {
  let current: StoryStep | undefined = step;
  for (let guard = 0; current && guard < steps.length; guard++) {
    if (current.continues === ancestor) return true;
    const next: string | undefined = current.continues;
    current = steps.find((s) => s.recording.path === next);
  }
  return false;
}
