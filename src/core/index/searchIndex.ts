import type { IndexEntry } from './indexEntry';
import { queryTerms } from './indexEntry';

/**
 * The filter's index, built while a folder loads so a keystroke never scans
 * every entry's text (that grew to about 490 ms at 31,620 recordings).
 *
 * Semantics are those of `matchesQuery`: a term matches an entry when it is a
 * substring of the entry's search text, and every term must match. Words are
 * indexed (runs of letters, digits and `_`); a term is looked up by scanning
 * the vocabulary for words containing it, which is small next to the text (a
 * folder copied ten times has the vocabulary of one copy). A term made of one
 * word can only occur inside one word, so the posting lists answer it
 * exactly; a term that spans punctuation (`chat/completions`) narrows the
 * candidates by its words, and the candidates are then checked with `includes`.
 */

/** Letters, digits and `_` make a word; anything else separates words. */
const WORD = /[\p{L}\p{N}_]+/gu;
const SEPARATOR = /[^\p{L}\p{N}_]/u;

export class SearchIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly idOf = new Map<IndexEntry, number>();
  /** word → ids of the entries containing it, ascending. */
  private readonly postings = new Map<string, number[]>();
  /** The vocabulary as one list, for the substring scan. */
  private readonly words: string[] = [];
  /** The last few words-containing-token scans: typing extends a term one letter at a time. */
  private readonly wordScans = new Map<string, string[]>();

  get size(): number {
    return this.entries.length;
  }

  add(batch: readonly IndexEntry[]): void {
    if (batch.length > 0) this.wordScans.clear();
    for (const entry of batch) {
      if (this.idOf.has(entry)) continue;
      const id = this.entries.length;
      this.entries.push(entry);
      this.idOf.set(entry, id);
      for (const match of entry.search.matchAll(WORD)) {
        const word = match[0];
        let list = this.postings.get(word);
        if (!list) {
          list = [];
          this.postings.set(word, list);
          this.words.push(word);
        }
        // Ids only grow, so a repeated word in the same entry is the list's last item.
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }

  /**
   * The entries of `among` (in its order) that match every term of `query`.
   * Entries not yet added are checked the slow way, so a caller never misses one.
   */
  filter(among: readonly IndexEntry[], query: string): IndexEntry[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return among.slice();
    const matched = this.matchingIds(terms);
    const result: IndexEntry[] = [];
    for (const entry of among) {
      const id = this.idOf.get(entry);
      if (id === undefined ? terms.every((term) => entry.search.includes(term)) : matched[id] === 1) result.push(entry);
    }
    // Typing often narrows nothing (`gpt` → `gpt-`): the same list is handed back as the
    // same array, so the caller's rows, keyed by identity, are not rebuilt.
    const previous = this.lastResult;
    if (previous && previous.length === result.length && result.every((entry, i) => previous[i] === entry)) return previous;
    this.lastResult = result;
    return result;
  }

  private lastResult: IndexEntry[] | null = null;

  /** One byte per indexed entry: 1 when every term matches. */
  private matchingIds(terms: string[]): Uint8Array {
    const count = this.entries.length;
    let candidates: Uint8Array | null = null;
    const needsCheck: string[] = [];
    for (const term of terms) {
      const tokens = term.match(WORD) ?? [];
      if (tokens.length !== 1 || SEPARATOR.test(term)) needsCheck.push(term);
      for (const token of tokens) {
        const hits = new Uint8Array(count);
        for (const word of this.wordsContaining(token)) for (const id of this.postings.get(word)!) hits[id] = 1;
        if (candidates) for (let id = 0; id < count; id++) candidates[id] = candidates[id]! & hits[id]!;
        else candidates = hits;
      }
    }
    candidates ??= new Uint8Array(count).fill(1);
    if (needsCheck.length > 0) {
      for (let id = 0; id < count; id++) {
        if (candidates[id] !== 1) continue;
        const haystack = this.entries[id]!.search;
        for (const term of needsCheck) {
          if (!haystack.includes(term)) {
            candidates[id] = 0;
            break;
          }
        }
      }
    }
    return candidates;
  }

  private wordsContaining(token: string): string[] {
    const known = this.wordScans.get(token);
    if (known) return known;
    // A longer token's words are among a shorter prefix's words: scan those when we have them.
    let pool: readonly string[] = this.words;
    for (let end = token.length - 1; end > 0; end--) {
      const shorter = this.wordScans.get(token.slice(0, end));
      if (shorter) {
        pool = shorter;
        break;
      }
    }
    const found = pool.filter((word) => word.includes(token));
    if (this.wordScans.size > 64) this.wordScans.clear();
    this.wordScans.set(token, found);
    return found;
  }
}

/** What a user can be told a term matched in, in the order the row shows them. */
export type MatchField = 'test id' | 'file' | 'model' | 'endpoint' | 'provider' | 'kind' | 'tool' | 'text';

/**
 * Which fields each term was found in, for the row to name. Only asked for
 * the few rows on screen, so it may read every field.
 */
export function matchedFields(entry: IndexEntry, query: string): MatchField[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const fields: [MatchField, string][] = [
    ['test id', entry.testId ?? ''],
    ['file', entry.path],
    ['model', entry.model ?? ''],
    ['endpoint', entry.endpoint],
    ['provider', entry.provider ?? ''],
    ['kind', entry.kindLabel],
    ['tool', entry.toolNames.join(' ')],
  ];
  const found = new Set<MatchField>();
  for (const term of terms) {
    const field = fields.find(([, value]) => value.toLowerCase().includes(term));
    // Whatever the short fields do not hold was found in the answer text (the rest of the haystack).
    found.add(field ? field[0] : 'text');
  }
  return [...found];
}

/** Splits text into plain and matched parts, for highlighting terms case-insensitively. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Lower-casing can change length (e.g. "İ"); then offsets would not line up, so no highlight.
  if (lower.length !== text.length) return [{ text, match: false }];
  const marked = new Uint8Array(text.length);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) marked.fill(1, at, at + term.length);
  }
  const parts: { text: string; match: boolean }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return parts;
}
