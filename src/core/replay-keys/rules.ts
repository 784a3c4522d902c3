/**
 * Every rule version the llama-stack (OGX) recorder has used to name a
 * recording file (see docs/replay-keys.md in the shared docs), as data for
 * the UI and as the normalisation each one applies before hashing.
 */
import { isPyDict, PyFloat, type PyDict, type PyValue } from './pyJson';
import { asciiDigits, pyFormatFixed, pyRound } from './pyNumbers';

export type KeyFamily = 'inference' | 'models' | 'tool' | 'http' | 'file_processor';

export interface RuleVersion {
  id: string;
  family: KeyFamily;
  commit: string;
  pr?: string;
  date?: string;
  /** The version the recorder uses today for this family. */
  current?: boolean;
  /** Ran only on a PR branch; listed in `matches` only when its hash differs from `base`'s. */
  branch?: boolean;
  base?: string;
  description: string;
}

/** In introduction order: `newest` is the last matching entry of this order. */
export const RULE_VERSIONS: readonly RuleVersion[] = [
  { id: 'v1-raw', family: 'inference', commit: '08b4a1deb', pr: '#2941', date: '2025-07-29', description: 'raw request, no test id; file named by the first 12 hex digits' },
  { id: 'v2-test-id', family: 'inference', commit: '045a0c1d5', pr: '#3681', date: '2025-10-04', description: 'adds the test id (not for /api/tags, /v1/models); full 64-hex name' },
  { id: 'v2a-file-ids', family: 'inference', commit: '55c920884', pr: '#3403 branch', date: '2025-10-08', branch: true, base: 'v2-test-id', description: 'file ids and vector store UUIDs replaced by per-file counters' },
  { id: 'v3a-floats6', family: 'inference', commit: 'aeb91f67a', pr: '#3403 branch', date: '2025-10-09', branch: true, base: 'v2-test-id', description: 'floats rounded to 6 places, long decimals in strings to 6' },
  { id: 'v3-floats', family: 'inference', commit: 'f50ce11a3', pr: '#3403', date: '2025-10-09', description: 'floats rounded to 5 places, long decimals in strings to 5' },
  { id: 'v3b-openai-models', family: 'inference', commit: 'cb40da210', pr: '#4053', date: '2025-11-03', description: '/v1/openai/v1/models also hashed without the test id' },
  { id: 'v4-bedrock', family: 'inference', commit: '393e7dbde', pr: '#4292', date: '2026-01-21', description: 'top-level stream_options dropped for bedrock hosts' },
  { id: 'v5a-strip-extra', family: 'inference', commit: 'ef83d5b02', pr: '#5120 branch', date: '2026-03-18', branch: true, base: 'v5-project-id', description: 'top-level extra_body/extra_query/extra_headers dropped; model lists matched by suffix' },
  { id: 'v5-project-id', family: 'inference', commit: 'bc8f45b1a', pr: '#5120', date: '2026-03-18', description: 'project_id removed from top-level extra_body/extra_query' },
  { id: 'v6a-fs-score', family: 'inference', commit: 'b0c89f996', pr: '#5173 branch', date: '2026-04-07', branch: true, base: 'v5-project-id', description: 'file_search scores replaced by a placeholder, attributes removed' },
  { id: 'v6b-fs-fileid', family: 'inference', commit: '483ccea5b', pr: '#5173 branch', date: '2026-04-07', branch: true, base: 'v6a-fs-score', description: 'as v6a, plus file-N document ids and citations replaced' },
  { id: 'v6-file-search', family: 'inference', commit: '5d63477df', pr: '#5173', date: '2026-04-09', current: true, description: 'as v6a, plus UUID document ids and citations replaced' },
  { id: 'm1-short-sha1', family: 'models', commit: 'c3d3a0b83', pr: '#3320', date: '2025-09-03', description: 'models-<v1 hash[:12]>-<sha1 digest>' },
  { id: 'm2-short-sha256', family: 'models', commit: 'f67081d2d', pr: '#3423', date: '2025-09-12', description: 'digest switched to sha256 (FIPS)' },
  { id: 'm3-full', family: 'models', commit: '045a0c1d5', pr: '#3681', date: '2025-10-04', description: 'full hash, as v2' },
  { id: 'm4-floats', family: 'models', commit: 'f50ce11a3', pr: '#3403', date: '2025-10-09', description: 'hash as v3' },
  { id: 'm5-openai-models', family: 'models', commit: 'cb40da210', pr: '#4053', date: '2025-11-03', description: 'hash as v3b' },
  { id: 'm6-bedrock', family: 'models', commit: '393e7dbde', pr: '#4292', date: '2026-01-21', description: 'hash as v4' },
  { id: 'm6a-strip-extra', family: 'models', commit: 'ef83d5b02', pr: '#5120 branch', date: '2026-03-18', branch: true, base: 'm7-project-id', description: 'hash as v5a' },
  { id: 'm7-project-id', family: 'models', commit: 'bc8f45b1a', pr: '#5120', date: '2026-03-18', description: 'hash as v5' },
  { id: 'm8-file-search', family: 'models', commit: '5d63477df', pr: '#5173', date: '2026-04-09', current: true, description: 'hash as v6' },
  { id: 't1-tool', family: 'tool', commit: 'f50ce11a3', pr: '#3403', date: '2025-10-09', current: true, description: '{provider, tool_name, kwargs}, no test id, no normalisation' },
  { id: 't1b-tool-test-id', family: 'tool', commit: '37e070778', pr: 'unmerged', date: '2026-03-20', branch: true, base: 't1-tool', description: 'as t1, plus the test id' },
  { id: 'h1-rerank', family: 'http', commit: 'f68c98a3c', pr: '#4903', date: '2026-02-12', description: 'payload normalised as in v4 (no bedrock rule)' },
  { id: 'h2-project-id', family: 'http', commit: 'bc8f45b1a', pr: '#5120', date: '2026-03-18', description: 'payload normalised as in v5' },
  { id: 'h3-file-search', family: 'http', commit: '5d63477df', pr: '#5173', date: '2026-04-09', current: true, description: 'payload normalised as in v6' },
  { id: 'fp1-file-processor', family: 'file_processor', commit: '725a0c3fc', pr: '#5339', date: '2026-04-02', description: 'retired by 5d63477df: process_file always runs live' },
];

export const RULE_VERSION_BY_ID: ReadonlyMap<string, RuleVersion> = new Map(RULE_VERSIONS.map((v) => [v.id, v]));

export const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULE_VERSIONS.map((v, i) => [v.id, i]));

/** The version today's recorder uses per family; file processing has none (always live). */
export const CURRENT_VERSION: Readonly<Record<KeyFamily, string | null>> = {
  inference: 'v6-file-search',
  models: 'm8-file-search',
  tool: 't1-tool',
  http: 'h3-file-search',
  file_processor: null,
};

// ---------------------------------------------------------------------------
// Body normalisation

/** Which rules a body normaliser applies. */
export interface BodyRules {
  digits: 5 | 6;
  projectId: boolean;
  fileSearch: 'none' | 'score' | 'file-ids' | 'uuids';
}

// Python's `\s` in a str pattern, which differs from JS `\s` (\x1c–\x1f in, \ufeff out).
const S = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
// Python's `\d` in a str pattern matches every Unicode decimal digit.
const D = '\\p{Nd}';
const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';

const FLOAT_IN_STRING = new RegExp(`-?${D}+\\.${D}{4,}`, 'gu');
const FILE_SEARCH_SCORE = new RegExp(`score:${S}*[-+]?${D}*\\.?${D}+(?:[eE][-+]?${D}+)?`, 'gu');
const FILE_SEARCH_ATTRIBUTES = new RegExp(`,?${S}*attributes:${S}*\\{[^}]*\\}`, 'gu');
const FILE_SEARCH_UUID_DOCUMENT_ID = new RegExp(`document_id:${S}*${UUID}`, 'gu');
const FILE_SEARCH_UUID_CITATION = new RegExp(`<\\|${UUID}\\|>`, 'gu');
const FILE_SEARCH_FILE_DOCUMENT_ID = new RegExp(`document_id:${S}*file-${D}+`, 'gu');
const FILE_SEARCH_FILE_CITATION = new RegExp(`<\\|file-${D}+\\|>`, 'gu');

const NON_ASCII = /[\u0080-\uffff]/;
const FLOAT_IN_ASCII_STRING = /-?[0-9]+\.[0-9]{4,}/g;

function normalizeString(value: string, rules: BodyRules): string {
  let text = value;
  // Cheap substring gates first: most strings contain none of the patterns.
  if (
    rules.fileSearch !== 'none' &&
    (text.includes('score') || text.includes('attributes') || text.includes('document_id') || text.includes('<|'))
  ) {
    text = text.replace(FILE_SEARCH_SCORE, 'score: __NORMALIZED__').replace(FILE_SEARCH_ATTRIBUTES, '');
    if (rules.fileSearch === 'file-ids') {
      text = text
        .replace(FILE_SEARCH_FILE_DOCUMENT_ID, 'document_id: __NORMALIZED__')
        .replace(FILE_SEARCH_FILE_CITATION, '<|__NORMALIZED__|>');
    } else if (rules.fileSearch === 'uuids') {
      text = text
        .replace(FILE_SEARCH_UUID_DOCUMENT_ID, 'document_id: __NORMALIZED__')
        .replace(FILE_SEARCH_UUID_CITATION, '<|__NORMALIZED__|>');
    }
  }
  if (!text.includes('.')) return text;
  // Python's \d also matches non-ASCII digits; the ASCII pattern is the fast path.
  const pattern = NON_ASCII.test(text) ? FLOAT_IN_STRING : FLOAT_IN_ASCII_STRING;
  return text.replace(pattern, (literal) => pyFormatFixed(Number(asciiDigits(literal)), rules.digits));
}

/** Memo of normalised strings for one request: the same long strings recur across versions. */
export type StringMemo = Map<string, Map<string, string>>;

function memoizedString(value: string, rules: BodyRules, memo: StringMemo | undefined): string {
  if (!memo || value.length < 64) return normalizeString(value, rules);
  const memoKey = `${rules.digits}|${rules.fileSearch}`;
  let strings = memo.get(memoKey);
  if (!strings) memo.set(memoKey, (strings = new Map()));
  let normalized = strings.get(value);
  if (normalized === undefined) strings.set(value, (normalized = normalizeString(value, rules)));
  return normalized;
}

/**
 * `_normalize_body_for_hash`, transcribed with its quirks: a dict's children
 * are normalised with `_is_root=False`, list items with the default `True`, so
 * the project_id rule also reaches dicts inside lists; `stream_options` is only
 * dropped at the very top. Unchanged subtrees are returned as the same objects
 * (never mutated), so their JSON text is computed once across versions.
 */
export function normalizeBody(
  value: PyValue,
  rules: BodyRules,
  excludeStreamOptions = false,
  isRoot = true,
  memo?: StringMemo,
): PyValue {
  if (isPyDict(value)) {
    let changed = false;
    const normalized: PyDict = new Map();
    for (const [key, item] of value) {
      const child = normalizeBody(item, rules, false, false, memo);
      if (child !== item) changed = true;
      normalized.set(key, child);
    }
    if (excludeStreamOptions && normalized.delete('stream_options')) changed = true;
    if (isRoot && rules.projectId) {
      for (const extraKey of ['extra_body', 'extra_query']) {
        const extra = normalized.get(extraKey);
        if (isPyDict(extra) && extra.has('project_id')) {
          const copy: PyDict = new Map(extra);
          copy.delete('project_id');
          normalized.set(extraKey, copy);
          changed = true;
        }
      }
    }
    return changed ? normalized : value;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const normalized = value.map((item) => {
      const child = normalizeBody(item, rules, false, true, memo);
      if (child !== item) changed = true;
      return child;
    });
    return changed ? normalized : value;
  }
  if (value instanceof PyFloat) {
    const rounded = pyRound(value.value, rules.digits);
    return Object.is(rounded, value.value) ? value : new PyFloat(rounded);
  }
  if (typeof value === 'string') return memoizedString(value, rules, memo);
  return value;
}

const UUID_ANYWHERE = new RegExp(UUID, 'g');
const FILE_ID_IN_STRING = /file-[a-f0-9]{32}/g;

/**
 * The v2a branch's `_normalize_file_ids`: each distinct file id / vector store
 * UUID becomes `file-N` / `uuid-N` in order of appearance. The branch kept
 * counters per test across requests; per-file counters are what reproduce the
 * merged files, so each call starts fresh. Without a test id nothing changes.
 */
export function normalizeFileIds(value: PyValue, testId: string | null): PyValue {
  if (!testId) return value;
  const seen = new Map<string, Map<string, string>>();
  const normalizedId = (original: string, kind: string): string => {
    let ids = seen.get(kind);
    if (!ids) seen.set(kind, (ids = new Map()));
    let normalized = ids.get(original);
    if (normalized === undefined) {
      normalized = `${kind}-${ids.size + 1}`;
      ids.set(original, normalized);
    }
    return normalized;
  };
  // Unchanged subtrees come back as the same objects, as in normalizeBody.
  const walk = (node: PyValue): PyValue => {
    if (isPyDict(node)) {
      let changed = false;
      const result: PyDict = new Map();
      for (const [key, item] of node) {
        let child: PyValue;
        if (key === 'document_id' && typeof item === 'string' && item.startsWith('file-')) {
          child = normalizedId(item, 'file');
        } else if ((key === 'vector_db_id' || key === 'vector_store_id' || key === 'bank_id') && typeof item === 'string') {
          child = item.replace(UUID_ANYWHERE, (uuid) => normalizedId(uuid, 'uuid'));
        } else child = walk(item);
        if (child !== item) changed = true;
        result.set(key, child);
      }
      return changed ? result : node;
    }
    if (Array.isArray(node)) {
      let changed = false;
      const result = node.map((item) => {
        const child = walk(item);
        if (child !== item) changed = true;
        return child;
      });
      return changed ? result : node;
    }
    if (typeof node === 'string' && node.includes('file-')) {
      return node.replace(FILE_ID_IN_STRING, (id) => normalizedId(id, 'file'));
    }
    return node;
  };
  return walk(value);
}

interface BodyFeatures {
  /** Any float, or any string with a long decimal literal: rounding can matter. */
  numbers: boolean;
  /** Any `project_id` key anywhere (a superset of what the project_id rule touches). */
  projectId: boolean;
  /** Any string the file_search rules could touch. */
  fileSearchText: boolean;
  /** `stream_options` at the top level (the bedrock rule). */
  topStreamOptions: boolean;
}

function scanFeatures(body: PyValue): BodyFeatures {
  const features: BodyFeatures = {
    numbers: false,
    projectId: false,
    fileSearchText: false,
    topStreamOptions: isPyDict(body) && body.has('stream_options'),
  };
  const visit = (node: PyValue): void => {
    if (typeof node === 'string') {
      if (!features.numbers && node.includes('.') && (FLOAT_IN_ASCII_STRING_TEST.test(node) || (NON_ASCII.test(node) && FLOAT_IN_STRING_TEST.test(node)))) {
        features.numbers = true;
      }
      if (!features.fileSearchText && (node.includes('score') || node.includes('attributes') || node.includes('document_id') || node.includes('<|'))) {
        features.fileSearchText = true;
      }
    } else if (node instanceof PyFloat) features.numbers = true;
    else if (Array.isArray(node)) node.forEach(visit);
    else if (isPyDict(node)) {
      if (node.has('project_id')) features.projectId = true;
      for (const item of node.values()) visit(item);
    }
  };
  visit(body);
  return features;
}

const FLOAT_IN_ASCII_STRING_TEST = /-?[0-9]+\.[0-9]{4,}/;
const FLOAT_IN_STRING_TEST = new RegExp(`-?${D}+\\.${D}{4,}`, 'u');

/**
 * A request body and its normalised forms under each rule set, computed
 * lazily and shared: rules that cannot change this body (no floats, no
 * project_id, no file_search text) return the same object, so the versions
 * that agree cost one walk and one JSON text.
 */
export class BodyVariants {
  readonly raw: PyValue;
  private features: BodyFeatures | undefined;
  private readonly cache = new Map<string, PyValue>();
  private readonly memo: StringMemo = new Map();

  constructor(raw: PyValue) {
    this.raw = raw;
  }

  get(rules: BodyRules, excludeStreamOptions = false): PyValue {
    const features = (this.features ??= scanFeatures(this.raw));
    const fileSearch = features.fileSearchText ? rules.fileSearch : 'none';
    // File-search edits can splice text together, so digits stay significant then.
    const digits = features.numbers || fileSearch !== 'none' ? rules.digits : 0;
    const projectId = features.projectId && rules.projectId;
    const exclude = excludeStreamOptions && features.topStreamOptions;
    if (digits === 0 && !projectId && fileSearch === 'none' && !exclude) return this.raw;
    const key = `${digits}|${projectId}|${fileSearch}|${exclude}`;
    let normalized = this.cache.get(key);
    if (normalized === undefined) {
      normalized = normalizeBody(this.raw, { digits: rules.digits, projectId, fileSearch }, exclude, true, this.memo);
      this.cache.set(key, normalized);
    }
    return normalized;
  }
}
