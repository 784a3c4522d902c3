/**
 * Classifies every recording of two folder snapshots (base → head) the way a
 * reviewer reads a re-recording PR: unchanged, modified (and whether only
 * noise moved), re-keyed (request changed, so the hash-named file was renamed),
 * added and removed. Files left behind are found from replay keys (leftBehind.ts).
 *
 * Cost model: ~1,600 files a side, ~100 MB of text. Texts are compared first;
 * a file is parsed only when its answer needs it (one-sided files for their
 * test id and endpoint, modified files for the noise check; unchanged files
 * never), and each at most once.
 */
import type { ChangeCategory } from './categories';
import { canonicalStringify, hasOwn, isPlainObject, tryParseJson } from './json';
import { compareNoise } from './noise';
import { featureSimilarity, requestFeatures, type RequestFeatures } from './similarity';

export interface SnapshotFile {
  /** Relative to the chosen folder, `/` separators. */
  path: string;
  /** The file decoded as UTF-8. */
  text: string;
}

export type CompareStatus = 'added' | 'removed' | 'modified' | 'rekeyed' | 'unchanged';

/**
 * `recording`: a JSON object with `request` (an object) and `response`.
 * `json`: other valid JSON (compared by bytes and noise, never re-keyed).
 * `invalid-json`: did not parse. `unread`: unchanged, so not parsed.
 */
export type FileKind = 'recording' | 'json' | 'invalid-json' | 'unread';

export interface CompareEntry {
  status: CompareStatus;
  basePath?: string;
  headPath?: string;
  /** Test id of the head side (base side for removed files); null when none or unknown (see kinds). */
  testId: string | null;
  /** `request.endpoint ?? request.url ?? request.tool_name ?? request.api`. */
  endpoint: string | null;
  /** JSON `[testId, endpoint]` of a recording; null for non-recordings and unread files. */
  groupKey: string | null;
  baseKind?: FileKind;
  headKind?: FileKind;
  /**
   * Both sides parse and are deep-equal once NOISE_KEYS are dropped at every
   * depth. Computed for modified and rekeyed pairs; false otherwise.
   */
  noiseOnly: boolean;
  /** Noise fields whose values differ between the two sides (see compareNoise); 0 for unpaired files. */
  noiseFieldCount: number;
  /** Request similarity in [0, 1] that chose this rekeyed pairing. */
  similarity?: number;
  /** For modified and rekeyed pairs, once reviewed (see review.ts): what kind of change this is. */
  categories?: ChangeCategory[];
  /** One-line notes for the review summary, once reviewed. */
  notes?: EntryNotes;
}

export interface EntryNotes {
  /** The request change: first changed paths, re-generated tool-call ids. */
  request?: string;
  /** The answer change (text, reasoning, error), or the answer of a one-sided file. */
  answer?: string;
  /** Tool calls of the response: `name(args)`, and how they changed. */
  tools?: string;
  /** For a metadata-only pair: what did change (chunking, usage, model, fields outside the payload). */
  metadata?: string;
}

export interface CompareSummary {
  added: number;
  removed: number;
  modified: number;
  rekeyed: number;
  unchanged: number;
  /** Modified files that are noise-only (rekeyed pairs are not counted here). */
  noiseOnly: number;
  /** Sum of noiseFieldCount over modified files. */
  noiseFields: number;
  /** Over modified pairs, once reviewed (0 before): pairs whose categories include each of these. */
  requestChanged: number;
  answerChanged: number;
  toolsChanged: number;
  metadataOnly: number;
  /** Head files left behind (see leftBehind.ts); null until replay keys are known, or when they cannot be (a PR without its unchanged files). */
  leftBehind: number | null;
}

export interface CompareResult {
  /** Sorted by path (head path, else base path). */
  entries: CompareEntry[];
  summary: CompareSummary;
}

export interface ClassifyOptions {
  /** Byte equality when the caller holds more than text (e.g. digests); defaults to text equality. */
  equal?: (base: SnapshotFile, head: SnapshotFile) => boolean;
}

export function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  return p;
}

interface Identity {
  kind: Exclude<FileKind, 'unread'>;
  doc: unknown;
  testId: string | null;
  endpoint: string | null;
  groupKey: string | null;
  request: unknown;
}

export function identifyDocument(doc: unknown): Omit<Identity, 'doc'> {
  if (!isPlainObject(doc) || !hasOwn(doc, 'request') || !hasOwn(doc, 'response') || !isPlainObject(doc.request)) {
    return { kind: 'json', testId: null, endpoint: null, groupKey: null, request: undefined };
  }
  const request = doc.request;
  const testId =
    typeof doc.test_id === 'string' ? doc.test_id : typeof request.test_id === 'string' ? request.test_id : null;
  const raw = request.endpoint ?? request.url ?? request.tool_name ?? request.api;
  const endpoint = raw === undefined || raw === null ? null : typeof raw === 'string' ? raw : canonicalStringify(raw);
  return { kind: 'recording', testId, endpoint, groupKey: groupKeyOf(testId, endpoint), request };
}

export function groupKeyOf(testId: string | null, endpoint: string | null): string {
  return JSON.stringify([testId, endpoint]);
}

function identify(text: string): Identity {
  const parsed = tryParseJson(text);
  if (!parsed.ok) return { kind: 'invalid-json', doc: undefined, testId: null, endpoint: null, groupKey: null, request: undefined };
  return { ...identifyDocument(parsed.value), doc: parsed.value };
}

interface OneSided {
  path: string;
  id: Identity;
  features?: RequestFeatures;
}

/** Groups larger than this (base×head) are paired by path order instead of by similarity. */
const MAX_PAIR_MATRIX = 40_000;

export function classifySnapshots(
  base: readonly SnapshotFile[],
  head: readonly SnapshotFile[],
  options: ClassifyOptions = {},
): CompareResult {
  const equal = options.equal ?? ((a: SnapshotFile, b: SnapshotFile) => a.text === b.text);
  const baseByPath = indexByPath(base);
  const headByPath = indexByPath(head);

  const entries: CompareEntry[] = [];
  const unchanged: string[] = [];
  const baseOnly: OneSided[] = [];
  const headOnly: OneSided[] = [];

  for (const [path, b] of baseByPath) {
    const h = headByPath.get(path);
    if (!h) {
      baseOnly.push({ path, id: identify(b.text) });
      continue;
    }
    if (equal(b, h)) {
      unchanged.push(path);
      continue;
    }
    const bi = identify(b.text);
    const hi = identify(h.text);
    const noise = bi.kind !== 'invalid-json' && hi.kind !== 'invalid-json' ? compareNoise(bi.doc, hi.doc) : undefined;
    const who = hi.kind === 'recording' || bi.kind !== 'recording' ? hi : bi;
    entries.push({
      status: 'modified',
      basePath: path,
      headPath: path,
      testId: who.testId,
      endpoint: who.endpoint,
      groupKey: who.groupKey,
      baseKind: bi.kind,
      headKind: hi.kind,
      noiseOnly: noise?.equalIgnoringNoise ?? false,
      noiseFieldCount: noise?.noiseFieldCount ?? 0,
    });
  }
  for (const [path, h] of headByPath) {
    if (!baseByPath.has(path)) headOnly.push({ path, id: identify(h.text) });
  }

  // Group one-sided recordings by (test id, endpoint); others can only be added/removed.
  const groups = new Map<string, { base: OneSided[]; head: OneSided[]; testId: string | null; endpoint: string | null }>();
  const groupOf = (f: OneSided) => {
    const key = f.id.groupKey!;
    let g = groups.get(key);
    if (!g) {
      g = { base: [], head: [], testId: f.id.testId, endpoint: f.id.endpoint };
      groups.set(key, g);
    }
    return g;
  };
  const paired = new Set<OneSided>();
  for (const f of baseOnly) if (f.id.kind === 'recording') groupOf(f).base.push(f);
  for (const f of headOnly) if (f.id.kind === 'recording') groupOf(f).head.push(f);

  // Parsed documents are only needed for pairing; let the rest be collected before the unchanged pass.
  for (const f of [...baseOnly, ...headOnly]) {
    const g = f.id.groupKey === null ? undefined : groups.get(f.id.groupKey);
    if (!g || g.base.length === 0 || g.head.length === 0) {
      f.id.doc = undefined;
      f.id.request = undefined;
    }
  }

  for (const g of groups.values()) {
    if (g.base.length === 0 || g.head.length === 0) continue;
    for (const { b, h, score } of pairGroup(g.base, g.head)) {
      paired.add(b);
      paired.add(h);
      const noise = compareNoise(b.id.doc, h.id.doc);
      entries.push({
        status: 'rekeyed',
        basePath: b.path,
        headPath: h.path,
        testId: h.id.testId,
        endpoint: h.id.endpoint,
        groupKey: h.id.groupKey,
        baseKind: 'recording',
        headKind: 'recording',
        noiseOnly: noise.equalIgnoringNoise,
        noiseFieldCount: noise.noiseFieldCount,
        similarity: score,
      });
    }
  }
  for (const f of baseOnly) if (!paired.has(f)) entries.push(oneSidedEntry('removed', f));
  for (const f of headOnly) if (!paired.has(f)) entries.push(oneSidedEntry('added', f));

  for (const path of unchanged) {
    entries.push({
      status: 'unchanged',
      basePath: path,
      headPath: path,
      testId: null,
      endpoint: null,
      groupKey: null,
      baseKind: 'unread',
      headKind: 'unread',
      noiseOnly: false,
      noiseFieldCount: 0,
    });
  }

  entries.sort((x, y) => compareStrings(x.headPath ?? x.basePath ?? '', y.headPath ?? y.basePath ?? ''));
  return { entries, summary: summarize(entries) };
}

function oneSidedEntry(status: 'added' | 'removed', f: OneSided): CompareEntry {
  const side = status === 'added' ? { headPath: f.path, headKind: f.id.kind } : { basePath: f.path, baseKind: f.id.kind };
  return {
    status,
    ...side,
    testId: f.id.testId,
    endpoint: f.id.endpoint,
    groupKey: f.id.groupKey,
    noiseOnly: false,
    noiseFieldCount: 0,
  };
}

function indexByPath(files: readonly SnapshotFile[]): Map<string, SnapshotFile> {
  const map = new Map<string, SnapshotFile>();
  // A snapshot should not list a path twice; if it does, the first copy wins so results stay deterministic.
  for (const f of files) {
    const p = normalizePath(f.path);
    if (!map.has(p)) map.set(p, f);
  }
  return map;
}

/**
 * Pairs min(#base, #head) files: greedily by descending request similarity,
 * ties broken by base path then head path so results are reproducible.
 */
function pairGroup(base: OneSided[], head: OneSided[]): { b: OneSided; h: OneSided; score: number }[] {
  const bs = [...base].sort((x, y) => compareStrings(x.path, y.path));
  const hs = [...head].sort((x, y) => compareStrings(x.path, y.path));
  const want = Math.min(bs.length, hs.length);
  if (bs.length * hs.length > MAX_PAIR_MATRIX) {
    // A group this large is a bulk re-record of one test; path order is as good a guess as any and stays linear.
    return bs.slice(0, want).map((b, i) => ({ b, h: hs[i]!, score: similarityOf(b, hs[i]!) }));
  }
  const candidates: { bi: number; hi: number; score: number }[] = [];
  for (let bi = 0; bi < bs.length; bi++) {
    for (let hi = 0; hi < hs.length; hi++) candidates.push({ bi, hi, score: similarityOf(bs[bi]!, hs[hi]!) });
  }
  // bs and hs are path-sorted, so index order is path order.
  candidates.sort((x, y) => y.score - x.score || x.bi - y.bi || x.hi - y.hi);
  const usedB = new Set<number>();
  const usedH = new Set<number>();
  const out: { b: OneSided; h: OneSided; score: number }[] = [];
  for (const c of candidates) {
    if (out.length === want) break;
    if (usedB.has(c.bi) || usedH.has(c.hi)) continue;
    usedB.add(c.bi);
    usedH.add(c.hi);
    out.push({ b: bs[c.bi]!, h: hs[c.hi]!, score: c.score });
  }
  return out;
}

function similarityOf(b: OneSided, h: OneSided): number {
  b.features ??= requestFeatures(b.id.request);
  h.features ??= requestFeatures(h.id.request);
  return featureSimilarity(b.features, h.features);
}

export function summarize(entries: readonly CompareEntry[]): CompareSummary {
  const s: CompareSummary = {
    added: 0,
    removed: 0,
    modified: 0,
    rekeyed: 0,
    unchanged: 0,
    noiseOnly: 0,
    noiseFields: 0,
    requestChanged: 0,
    answerChanged: 0,
    toolsChanged: 0,
    metadataOnly: 0,
    leftBehind: null,
  };
  for (const e of entries) {
    s[e.status]++;
    if (e.status === 'modified') {
      if (e.noiseOnly) s.noiseOnly++;
      s.noiseFields += e.noiseFieldCount;
      const c = e.categories ?? [];
      if (c.includes('request')) s.requestChanged++;
      if (c.includes('answer')) s.answerChanged++;
      if (c.includes('tools')) s.toolsChanged++;
      if (c.includes('metadata-only')) s.metadataOnly++;
    }
  }
  return s;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
