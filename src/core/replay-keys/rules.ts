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

function normalizeString(value: string, rules: BodyRules): string {
  let text = value;
  if (rules.fileSearch !== 'none') {
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
  return text.replace(FLOAT_IN_STRING, (literal) => pyFormatFixed(Number(asciiDigits(literal)), rules.digits));
}

/**
 * `_normalize_body_for_hash`, transcribed with its quirks: a dict's children
 * are normalised with `_is_root=False`, list items with the default `True`, so
 * the project_id rule also reaches dicts inside lists; `stream_options` is only
 * dropped at the very top.
 */
export function normalizeBody(value: PyValue, rules: BodyRules, excludeStreamOptions = false, isRoot = true): PyValue {
  if (isPyDict(value)) {
    const normalized: PyDict = new Map();
    for (const [key, item] of value) normalized.set(key, normalizeBody(item, rules, false, false));
    if (excludeStreamOptions) normalized.delete('stream_options');
    if (isRoot && rules.projectId) {
      for (const extraKey of ['extra_body', 'extra_query']) {
        const extra = normalized.get(extraKey);
        if (isPyDict(extra)) extra.delete('project_id');
      }
    }
    return normalized;
  }
  if (Array.isArray(value)) return value.map((item) => normalizeBody(item, rules));
  if (value instanceof PyFloat) return new PyFloat(pyRound(value.value, rules.digits));
  if (typeof value === 'string') return normalizeString(value, rules);
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
  const walk = (node: PyValue): PyValue => {
    if (isPyDict(node)) {
      const result: PyDict = new Map();
      for (const [key, item] of node) {
        if (key === 'document_id' && typeof item === 'string' && item.startsWith('file-')) {
          result.set(key, normalizedId(item, 'file'));
        } else if ((key === 'vector_db_id' || key === 'vector_store_id' || key === 'bank_id') && typeof item === 'string') {
          result.set(key, item.replace(UUID_ANYWHERE, (uuid) => normalizedId(uuid, 'uuid')));
        } else result.set(key, walk(item));
      }
      return result;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'string') return node.replace(FILE_ID_IN_STRING, (id) => normalizedId(id, 'file'));
    return node;
  };
  return walk(value);
}
