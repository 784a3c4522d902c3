/**
 * react-markdown parses on the main thread, and some inputs cost far more
 * than their size suggests: about 1 MB of `**bold**` froze a tab for 23 s, and
 * a few KB of nested `- ` / `> ` / `1. ` markers overflowed the stack. Text
 * outside these limits is shown as plain text, with the reason.
 */
export const MARKDOWN_MAX_CHARS = 100_000;
/** Emphasis and code delimiters resolve pairwise; their count, not the text size, drives the cost. */
export const MARKDOWN_MAX_DELIMITERS = 4_000;
/** Deeper than any real answer; each level is a nested element and a parser recursion. */
export const MARKDOWN_MAX_NESTING = 24;

/** The container markers a line opens with: list bullets, ordered items, quotes. */
const CONTAINER_MARKER = /^(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/;

function lineNesting(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    // Four columns of indentation nest one level inside a list item.
    depth += Math.floor(indent.replace(/\t/g, '    ').length / 4);
    rest = rest.slice(indent.length);
    const marker = CONTAINER_MARKER.exec(rest);
    if (!marker) return depth;
    depth++;
    rest = rest.slice(marker[0].length);
  }
}

/** Why this text is not rendered as markdown, or undefined when it can be. */
export function markdownRefusal(text: string): string | undefined {
  if (text.length > MARKDOWN_MAX_CHARS) {
    return `Shown as plain text: ${text.length.toLocaleString('en')} characters is more than the ${MARKDOWN_MAX_CHARS.toLocaleString('en')} rendered as markdown.`;
  }
  let delimiters = 0;
  for (const _ of text.matchAll(/[*_`~]+/g)) delimiters++;
  if (delimiters > MARKDOWN_MAX_DELIMITERS) {
    return `Shown as plain text: ${delimiters.toLocaleString('en')} emphasis or code markers are more than the ${MARKDOWN_MAX_DELIMITERS.toLocaleString('en')} rendered as markdown.`;
  }
  let deepest = 0;
  for (const line of text.split('\n')) deepest = Math.max(deepest, lineNesting(line));
  if (deepest > MARKDOWN_MAX_NESTING) {
    return `Shown as plain text: lists or quotes nested ${deepest.toLocaleString('en')} deep, more than the ${MARKDOWN_MAX_NESTING} rendered as markdown.`;
  }
  return undefined;
}
