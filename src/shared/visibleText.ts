/**
 * Bidi overrides and other invisible controls in ids would reorder or hide
 * what a reviewer reads; show them as visible escapes instead of obeying them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Same idea for long free text: keep newlines and tabs, neutralise only bidi controls. */
export function neutralizeBidi(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase()}⟩`);
}
