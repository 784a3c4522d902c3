import type { ChatMessage, Recording } from '../recording/types';
import type { StoryStep } from '../story/story';

const INTERACTION_SUFFIX = /#([1-9]\d*)$/;

/**
 * Path order where a cassette's interactions follow their position:
 * `a.yaml#2` before `a.yaml#10`, and every other path compares as a plain
 * string (code-unit order, as the rest of the app sorts).
 */
export function compareRecordingPaths(a: string, b: string): number {
  const ma = INTERACTION_SUFFIX.exec(a);
  const mb = INTERACTION_SUFFIX.exec(b);
  if (ma && mb) {
    const fa = a.slice(0, ma.index);
    const fb = b.slice(0, mb.index);
    if (fa === fb) return Number(ma[1]) - Number(mb[1]);
    return fa < fb ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function signature(message: ChatMessage): string {
  return JSON.stringify([message.role, message.parts.map((p) => (p.type === 'text' ? p.text : p.type)), message.toolCalls.map((c) => c.name)]);
}

/**
 * A cassette records its calls in the order they were made, so its story is
 * that order: each call continues the latest earlier call whose messages its
 * own request repeats, and shows only what it adds.
 */
export function cassetteStory(recordings: Recording[]): StoryStep[] {
  const ordered = [...recordings].sort((a, b) => compareRecordingPaths(a.path, b.path));
  const steps: StoryStep[] = [];
  const signatures: string[][] = [];
  for (const recording of ordered) {
    const mine = recording.request.messages.map(signature);
    let parent = -1;
    for (let i = steps.length - 1; i >= 0; i--) {
      const theirs = signatures[i]!;
      if (theirs.length > 0 && theirs.length < mine.length && theirs.every((s, k) => s === mine[k])) {
        parent = i;
        break;
      }
    }
    const startIndex = parent >= 0 ? signatures[parent]!.length : 0;
    // In a cassette a repeated request is a real second call (a retry), never a stale copy.
    const step: StoryStep = { recording, copies: [recording], newMessages: recording.request.messages.slice(startIndex), startIndex, relation: parent >= 0 ? 'continues' : 'start' };
    if (parent >= 0) {
      step.from = steps[parent]!.recording.path;
      step.continues = step.from;
    }
    steps.push(step);
    signatures.push(mine);
  }
  return steps;
}
