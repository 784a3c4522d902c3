/**
 * The whole PR review of two folder snapshots, pure and Node-usable: the
 * classification, each changed pair's categories and one-line notes, and the
 * files the change left behind. The app's compare worker and the command line
 * both call it, so the page and `diff` print the same counts.
 */
import { parseRecordingValue } from '../recording/parseRecording';
import type { Recording, ToolCall } from '../recording/types';
import { pairCategories, requestPayload, type ChangeCategory } from './categories';
import { classifySnapshots, summarize, type ClassifyOptions, type CompareEntry, type CompareSummary, type EntryNotes, type SnapshotFile } from './classify';
import { diffRecordings, preferredTextLayout, wordDiff } from './diffRecordings';
import { normalizePath } from './classify';
import { tryParseJson } from './json';
import { findLeftBehind } from './leftBehind';
import { NOISE_KEYS } from './noise';
import { structuralDiff } from './structuralDiff';
import { pairToolCallIds, renameIds } from './toolCallIds';

export interface LeftBehindFile {
  path: string;
  testId: string;
  verdict: 'current' | 'stale' | 'none' | null;
  /** Which rule version the file matches, why it matches none, or which sibling supersedes it. */
  reason: string;
  supersededBy?: string;
}

export interface FolderReview {
  summary: CompareSummary;
  /** Every entry, unchanged ones included, sorted by path; changed ones carry categories and notes. */
  entries: CompareEntry[];
  /** Null when replay keys could not be computed. */
  leftBehind: LeftBehindFile[] | null;
}

/** Finds left-behind files; supplied by the replay-keys module so this file stays usable without it. */
export type LeftBehindFinder = (entries: readonly CompareEntry[], head: readonly SnapshotFile[]) => Promise<LeftBehindFile[] | null>;

export interface ReviewOptions extends ClassifyOptions {
  /** Defaults to findLeftBehind (replay keys of the touched tests); false skips it (left_behind is then null). */
  leftBehind?: LeftBehindFinder | false;
}

/** Classification plus categories and notes for every changed entry: the synchronous part of a review. */
export function reviewSnapshots(
  base: readonly SnapshotFile[],
  head: readonly SnapshotFile[],
  options: ClassifyOptions = {},
): { entries: CompareEntry[]; summary: CompareSummary } {
  const result = classifySnapshots(base, head, options);
  const entries = annotateEntries(result.entries, base, head);
  return { entries, summary: summarize(entries) };
}

export async function reviewFolders(
  base: readonly SnapshotFile[],
  head: readonly SnapshotFile[],
  options: ReviewOptions = {},
): Promise<FolderReview> {
  const { entries, summary } = reviewSnapshots(base, head, options);
  const finder = options.leftBehind === undefined ? findLeftBehind : options.leftBehind;
  const leftBehind = finder ? await finder(entries, head) : null;
  return { entries, summary: { ...summary, leftBehind: leftBehind?.length ?? null }, leftBehind };
}

/** Copies of the entries with categories (pairs) and notes (every changed entry). */
export function annotateEntries(entries: readonly CompareEntry[], base: readonly SnapshotFile[], head: readonly SnapshotFile[]): CompareEntry[] {
  const baseText = textsByPath(base);
  const headText = textsByPath(head);
  return entries.map((entry) => {
    if (entry.status === 'unchanged') return entry;
    // Nothing to say about a noise-only pair, and a bulk re-record has thousands: skip reading them again.
    if (entry.noiseOnly) return { ...entry, categories: ['noise-only'], notes: {} };
    const b = entry.basePath === undefined ? undefined : readSide(baseText.get(entry.basePath), entry.basePath);
    const h = entry.headPath === undefined ? undefined : readSide(headText.get(entry.headPath), entry.headPath);
    if (entry.status === 'added' || entry.status === 'removed') {
      const side = entry.status === 'added' ? h : b;
      return { ...entry, notes: side?.recording ? oneSidedNotes(side.recording) : {} };
    }
    const categories = pairCategories({
      baseDocument: b?.doc,
      headDocument: h?.doc,
      base: b?.recording,
      head: h?.recording,
      noiseOnly: entry.noiseOnly,
    });
    return { ...entry, categories, notes: pairNotes(categories, b, h) };
  });
}

interface Side {
  doc: unknown;
  recording?: Recording;
}

function readSide(text: string | undefined, path: string): Side | undefined {
  if (text === undefined) return undefined;
  const parsed = tryParseJson(text);
  if (!parsed.ok) return undefined;
  const rec = parseRecordingValue(parsed.value, path);
  return { doc: parsed.value, recording: rec.ok ? rec.recording : undefined };
}

function textsByPath(files: readonly SnapshotFile[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of files) {
    const p = normalizePath(f.path);
    if (!map.has(p)) map.set(p, f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text);
  }
  return map;
}

const CLIP = 80;

export function clip(text: string, max = CLIP): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatToolCall(call: ToolCall): string {
  return `${call.name}(${clip(call.arguments, 60)})`;
}

function oneSidedNotes(r: Recording): EntryNotes {
  const notes: EntryNotes = {};
  if (r.error) notes.answer = `error: ${clip(r.error.message)}`;
  else if (r.response.text !== '') notes.answer = `“${clip(r.response.text)}”`;
  if (r.response.toolCalls.length > 0) notes.tools = r.response.toolCalls.map(formatToolCall).join(', ');
  return notes;
}

function pairNotes(categories: ChangeCategory[], b: Side | undefined, h: Side | undefined): EntryNotes {
  const notes: EntryNotes = {};
  if (categories.includes('request')) notes.request = requestNote(requestPayload(b?.doc), requestPayload(h?.doc));
  const br = b?.recording;
  const hr = h?.recording;
  if (categories.includes('answer') && br && hr) {
    const parts: string[] = [];
    if (br.response.text !== hr.response.text) {
      const diff = wordDiff(br.response.text, hr.response.text);
      const verb = br.response.text === '' ? 'text added' : hr.response.text === '' ? 'text removed' : preferredTextLayout(diff) === 'inline' ? 'text edited' : 'text rewritten';
      parts.push(`${verb}: “${clip(br.response.text, 60)}” → “${clip(hr.response.text, 60)}”`);
    }
    if (br.response.reasoning !== hr.response.reasoning) parts.push('reasoning changed');
    if ((br.error?.message ?? null) !== (hr.error?.message ?? null)) {
      parts.push(`error: ${br.error ? `“${clip(br.error.message, 40)}”` : 'none'} → ${hr.error ? `“${clip(hr.error.message, 40)}”` : 'none'}`);
    }
    notes.answer = parts.join('; ') || 'error details changed';
  }
  if (br && hr && (categories.includes('tools') || hr.response.toolCalls.length > 0)) {
    const before = br.response.toolCalls.map(formatToolCall).join(', ') || 'none';
    const after = hr.response.toolCalls.map(formatToolCall).join(', ') || 'none';
    notes.tools = categories.includes('tools') ? `${before} → ${after}` : `${after} (unchanged)`;
  }
  if (categories.includes('metadata-only') && br && hr) notes.metadata = metadataNote(br, hr, b!.doc, h!.doc);
  return notes;
}

/** "8 → 9 chunks; …; usage: prompt_tokens, total_tokens; request.provider_metadata removed" */
function metadataNote(base: Recording, head: Recording, baseDocument: unknown, headDocument: unknown): string {
  const d = diffRecordings(base, head, { baseDocument, headDocument, maxChanges: 20 });
  const parts: string[] = [];
  if (d.stream) parts.push(d.stream.summary);
  else if (d.chunkCount) parts.push(`${d.chunkCount.before} → ${d.chunkCount.after} chunks`);
  if (d.usage) {
    const keys = structuralDiff(d.usage.before ?? null, d.usage.after ?? null, { maxChanges: 6 }).changes.map((c) => c.path || 'usage');
    parts.push(`usage: ${keys.join(', ')}`);
  }
  if (d.model) parts.push(`model: ${d.model.before ?? 'none'} → ${d.model.after ?? 'none'}`);
  if (d.finishReason) parts.push(`finish reason: ${d.finishReason.before ?? 'none'} → ${d.finishReason.after ?? 'none'}`);
  const outside = [
    ...(d.request.envelope?.changes ?? []).map((c) => `request.${c.path} ${c.kind}`),
    ...(d.responseEnvelope?.changes ?? []).map((c) => `response.${c.path} ${c.kind}`),
  ];
  if (outside.length > 0) parts.push(`${outside.slice(0, 3).map((p) => clip(p, 60)).join(', ')}${outside.length > 3 ? ` (+${outside.length - 3} more)` : ''}`);
  return parts.join('; ') || 'the response body differs outside text, reasoning and tool calls';
}

/** "messages[3].content changed, tools[0] added (+2 more); 2 tool-call ids re-generated" */
export function requestNote(before: unknown, after: unknown): string {
  const ids = pairToolCallIds(before, after);
  const diff = structuralDiff(ids ? renameIds(before, ids.mapping) : before, after, { ignoreKeys: NOISE_KEYS, maxChanges: 50 });
  const shown = diff.changes.slice(0, 3).map((c) => `${clip(c.path, 60) || '(whole payload)'} ${c.kind}`);
  const more = diff.changes.length - shown.length;
  const parts: string[] = [];
  if (shown.length > 0) parts.push(`${shown.join(', ')}${more > 0 ? ` (+${more}${diff.truncated ? '+' : ''} more)` : ''}`);
  if (ids) parts.push(`${ids.mapping.size} tool-call id${ids.mapping.size === 1 ? '' : 's'} re-generated`);
  return parts.join('; ') || 'payload changed';
}

/** The counts (and rows) under stable snake_case keys, for the command line's `--json`. */
export function reviewToJson(review: FolderReview): Record<string, unknown> {
  const s = review.summary;
  return {
    added: s.added,
    removed: s.removed,
    modified: s.modified,
    rekeyed: s.rekeyed,
    unchanged: s.unchanged,
    noise_only: s.noiseOnly,
    request: s.requestChanged,
    answer: s.answerChanged,
    tools: s.toolsChanged,
    metadata_only: s.metadataOnly,
    left_behind: s.leftBehind,
    rows: review.entries
      .filter((e) => e.status !== 'unchanged')
      .map((e) => ({
        status: e.status,
        base_path: e.basePath ?? null,
        head_path: e.headPath ?? null,
        test_id: e.testId,
        endpoint: e.endpoint,
        noise_only: e.noiseOnly,
        categories: e.categories ?? [],
        notes: e.notes ?? {},
      })),
    left_behind_files:
      review.leftBehind?.map((f) => ({
        path: f.path,
        test_id: f.testId,
        verdict: f.verdict,
        reason: f.reason,
        superseded_by: f.supersededBy ?? null,
      })) ?? null,
  };
}
