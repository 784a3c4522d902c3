export type PlayerKeyAction = 'toggle' | 'back' | 'forward' | 'back10' | 'forward10' | 'start' | 'end';

/**
 * Where the key event happened, as far as the player cares:
 * `body` nothing is focused; `player` a button or the region itself;
 * `range` the scrubber (which moves on arrows/Home/End by itself);
 * `typing` a field that needs the keys; `elsewhere` another part of the page.
 */
export type KeyTarget = 'body' | 'player' | 'range' | 'typing' | 'elsewhere';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export function playerKeyAction(event: KeyLike, target: KeyTarget): PlayerKeyAction | null {
  if (target === 'typing' || target === 'elsewhere') return null;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const space = event.key === ' ' || event.key === 'Spacebar';
  if (space) return 'toggle';
  // The range input already steps on these keys; handling them again would move twice.
  if (target === 'range') return null;
  switch (event.key) {
    case 'ArrowLeft':
      return event.shiftKey ? 'back10' : 'back';
    case 'ArrowRight':
      return event.shiftKey ? 'forward10' : 'forward';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    default:
      return null;
  }
}

const TEXT_INPUT_TYPES = new Set(['range', 'button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'image']);

export function classifyKeyTarget(target: EventTarget | null, region: Element | null): KeyTarget {
  if (!(target instanceof Element)) return 'body';
  if (target === document.body || target === document.documentElement) return 'body';
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]')) return 'typing';
  if (target instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(target.type)) return 'typing';
  if (!region || !region.contains(target)) return 'elsewhere';
  if (target instanceof HTMLInputElement && target.type === 'range') return 'range';
  if (target instanceof HTMLInputElement) return 'typing';
  return 'player';
}

export function parseChunkParam(value: string | null, total: number): number {
  const end = total - 1;
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return end;
  return Math.min(end, Math.max(-1, Number(value)));
}
