/**
 * Big cassettes are parsed one interaction at a time. A YAML parser holds a
 * syntax tree several times the size of its input, so a 100 MB cassette
 * parsed whole needs gigabytes; cut at its top-level list items, each piece
 * is parsed, read and dropped before the next. The cut is textual and only
 * taken for the layout recorders write (`interactions:` at column 0, items
 * `- ` at one indentation, no anchors, aliases or directives); anything else,
 * and any piece that does not parse, falls back to parsing the whole file,
 * so the result never differs from a whole-file parse.
 */

export interface CassetteSplit {
  /** The file without the list's items: the other top-level keys, the list key left empty. */
  header: string;
  key: 'interactions' | 'http_interactions';
  /** Each item's text, at its original indentation. */
  items: string[];
}

const LIST_KEY = /^(interactions|http_interactions):[ \t]*(?:#.*)?$/gm;
/** Anchors, aliases, tags with directives, merge keys, documents: whatever couples pieces together. */
const COUPLING = /(?:^[ \t]*(?:- +)*|: +|[[{,] *)[&*][^\s,[\]{}]|^[ \t]*<< *:|^%|^---|^\.\.\./m;

export function splitCassette(text: string): CassetteSplit | null {
  if (COUPLING.test(text)) return null;
  const keys = [...text.matchAll(LIST_KEY)];
  if (keys.length !== 1) return null;
  const match = keys[0]!;
  const key = match[1] as CassetteSplit['key'];
  const listStart = text.indexOf('\n', match.index) + 1;
  if (listStart === 0) return null;

  const items: string[] = [];
  let indent = -1;
  let itemStart = -1;
  let position = listStart;
  let listEnd = text.length;
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(position, Math.min(lineEnd, position + 256));
    const trimmed = line.trimStart();
    const lineIndent = line.length - trimmed.length;
    const blank = trimmed === '' || trimmed === '\r' || trimmed.startsWith('#');
    if (!blank) {
      if (indent < 0) {
        if (!/^- |^-\r?$/.test(trimmed)) return null;
        indent = lineIndent;
      }
      const startsItem = lineIndent === indent && /^- |^-\r?$/.test(trimmed);
      if (startsItem) {
        if (itemStart >= 0) items.push(text.slice(itemStart, position));
        itemStart = position;
      } else if (lineIndent <= indent) {
        // A tab or an odd indentation at this level is not the layout we cut.
        if (lineIndent !== 0 || line.startsWith('\t')) return null;
        listEnd = position;
        break;
      }
    }
    position = lineEnd + 1;
  }
  if (itemStart < 0) return null;
  items.push(text.slice(itemStart, listEnd));
  return { header: text.slice(0, listStart) + text.slice(listEnd), key, items };
}
