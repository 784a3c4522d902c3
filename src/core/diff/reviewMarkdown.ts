/**
 * The review as Markdown for a PR comment: every test with a change that is
 * more than noise, what changed in it, then the noise-only and left-behind
 * counts. Pure so the page and the command line print the same text.
 */
import type { ChangeCategory } from './categories';
import type { CompareEntry, CompareSummary } from './classify';
import type { LeftBehindFile } from './review';

export interface ReviewMarkdownInput {
  summary: CompareSummary;
  /** Changed entries (unchanged ones are ignored), annotated by annotateEntries. */
  entries: readonly CompareEntry[];
  leftBehind: readonly LeftBehindFile[] | null;
  /** Said instead of the left-behind count when it is null (e.g. a PR loaded without its unchanged files). */
  leftBehindUnknown?: string;
  /** A heading line, e.g. the PR or the two folders. */
  title?: string;
}

const CATEGORY_WORDS: Record<ChangeCategory, string> = {
  answer: 'answer',
  tools: 'tools',
  request: 'request',
  'metadata-only': 'metadata only',
  'noise-only': 'noise only',
};

/** A backtick inside a code span would end it: recordings are untrusted text, so it becomes a quote. */
function code(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'")}\``;
}

/**
 * Notes are free text from recordings: one line, and no raw HTML, emphasis,
 * code or link syntax (GFM leaves intraword `_` and lone brackets alone, so
 * those stay readable).
 */
function plain(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*<>])/g, '\\$1')
    .replace(/\]\(/g, ']\\(')
    .replace(/(^|\s)_/g, '$1\\_');
}

function fileName(path: string | undefined): string {
  return path ? path.slice(path.lastIndexOf('/') + 1) : '';
}

function isNoise(entry: CompareEntry): boolean {
  return entry.noiseOnly;
}

export function reviewMarkdown(input: ReviewMarkdownInput): string {
  const s = input.summary;
  const lines: string[] = [];
  lines.push(`## ${input.title ? plain(input.title) : 'Recording review'}`);
  lines.push('');
  lines.push(
    `${s.added} added, ${s.removed} removed, ${s.modified} modified, ${s.rekeyed} re-keyed. ` +
      `Modified: request ${s.requestChanged}, answer ${s.answerChanged}, tools ${s.toolsChanged}, metadata only ${s.metadataOnly}, noise only ${s.noiseOnly}.`,
  );

  const byTest = new Map<string, CompareEntry[]>();
  for (const entry of input.entries) {
    if (entry.status === 'unchanged' || isNoise(entry)) continue;
    const key = entry.testId ?? '';
    const list = byTest.get(key) ?? [];
    list.push(entry);
    byTest.set(key, list);
  }
  const tests = [...byTest.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  for (const testId of tests) {
    const rows = byTest.get(testId)!;
    lines.push('');
    lines.push(`### ${testId === '' ? 'Calls outside a test' : code(testId)}`);
    for (const e of rows) {
      const path = e.status === 'rekeyed' ? `${code(fileName(e.basePath))} → ${code(fileName(e.headPath))}` : code(fileName(e.headPath ?? e.basePath));
      const cats = e.categories && e.categories.length > 0 ? `: ${e.categories.map((c) => CATEGORY_WORDS[c]).join(', ')}` : '';
      lines.push(`- **${e.status}** ${path}${cats}`);
      if (e.notes?.request) lines.push(`  - request: ${plain(e.notes.request)}`);
      if (e.notes?.answer) lines.push(`  - answer: ${plain(e.notes.answer)}`);
      if (e.notes?.tools) lines.push(`  - tool calls: ${plain(e.notes.tools)}`);
      if (e.notes?.metadata) lines.push(`  - metadata: ${plain(e.notes.metadata)}`);
    }
  }
  if (tests.length === 0) {
    lines.push('');
    lines.push('No test has a change beyond noise.');
  }

  lines.push('');
  lines.push(`**Noise-only re-records:** ${s.noiseOnly} (ids, timestamps, fingerprints).`);
  if (input.leftBehind) {
    lines.push(`**Left behind:** ${input.leftBehind.length} file${input.leftBehind.length === 1 ? '' : 's'} in the tests this change touched can no longer be replayed or are superseded.`);
    for (const f of input.leftBehind.slice(0, 50)) lines.push(`- ${code(f.path)}: ${plain(f.reason)}`);
    if (input.leftBehind.length > 50) lines.push(`- … and ${input.leftBehind.length - 50} more`);
  } else {
    lines.push(`**Left behind:** ${plain(input.leftBehindUnknown ?? 'not known (replay keys were not computed).')}`);
  }
  return `${lines.join('\n')}\n`;
}
