/**
 * Bidi overrides and other invisible controls in ids would reorder or hide
 * what a reviewer reads; show them as visible escapes instead of obeying them.
 */
// U+061C (Arabic letter mark) and U+2028/2029 (line and paragraph separators) steer layout too.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Same idea for long free text: keep newlines and tabs, neutralise only bidi controls. */
export function neutralizeBidi(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase()}⟩`);
}
