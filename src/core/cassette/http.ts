/**
 * What a recorded HTTP request says about the call: provider from the host,
 * API from the path, model from the body or the path, and header lookups.
 * Rules follow docs/cassette-format.md ("provider", "api", "model").
 */

export type CassetteApi =
  | 'chat.completions'
  | 'completions'
  | 'responses'
  | 'messages'
  | 'generateContent'
  | 'embeddings'
  | 'converse'
  | 'invoke'
  | 'ollama.chat'
  | 'ollama.generate'
  | 'cohere.chat'
  | 'other';

export type CassetteProvider = 'openai' | 'anthropic' | 'google' | 'mistral' | 'groq' | 'cohere' | 'ollama' | 'bedrock' | 'other';

export interface UrlParts {
  /** Lower-cased host without port or credentials; '' when the URL has none (placeholders, relative paths). */
  host: string;
  port: string;
  /** The raw path, without query or fragment. */
  path: string;
}

/** Splits a URL the way Python's urlsplit does for the URLs cassettes hold, without throwing on placeholders. */
export function splitUrl(url: string): UrlParts {
  let rest = url;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:(?=\/\/)/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  let host = '';
  let port = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    const netloc = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    rest = end < 0 ? '' : rest.slice(2 + end);
    const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
    const bracket = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
    const colon = hostPort.indexOf(':', bracket + 1);
    host = (colon < 0 ? hostPort : hostPort.slice(0, colon)).toLowerCase();
    port = colon < 0 ? '' : hostPort.slice(colon + 1);
  }
  const cut = rest.search(/[?#]/);
  return { host, port, path: cut < 0 ? rest : rest.slice(0, cut) };
}

export function providerOf(url: string | null): CassetteProvider {
  if (url === null) return 'other';
  const { host, port } = splitUrl(url);
  if (host === 'api.openai.com' || host.endsWith('.openai.azure.com')) return 'openai';
  if (host === 'api.anthropic.com') return 'anthropic';
  if (
    host === 'generativelanguage.googleapis.com' ||
    host === 'aiplatform.googleapis.com' ||
    host.endsWith('-aiplatform.googleapis.com')
  ) {
    return 'google';
  }
  if (host === 'api.mistral.ai') return 'mistral';
  if (host === 'api.groq.com') return 'groq';
  if (host === 'api.cohere.com' || host === 'api.cohere.ai') return 'cohere';
  if (host === 'ollama.com' || port === '11434') return 'ollama';
  if (host.startsWith('bedrock') && (host.endsWith('.amazonaws.com') || host.endsWith('.api.aws'))) return 'bedrock';
  return 'other';
}

const API_RULES: [RegExp, CassetteApi][] = [
  [/\/chat\/completions$/, 'chat.completions'],
  [/\/completions$/, 'completions'],
  [/\/responses(?:\/resp_[^/]*)?$/, 'responses'],
  [/\/messages$/, 'messages'],
  [/:(?:generateContent|streamGenerateContent)$/, 'generateContent'],
  [/(?:\/embeddings|\/embed|:embedContent|:batchEmbedContents)$/, 'embeddings'],
  [/\/model\/[^/]+\/(?:converse|converse-stream)$/, 'converse'],
  [/\/model\/[^/]+\/(?:invoke|invoke-with-response-stream)$/, 'invoke'],
  [/\/api\/chat$/, 'ollama.chat'],
  [/\/api\/generate$/, 'ollama.generate'],
  [/\/v[12]\/chat$/, 'cohere.chat'],
];

export function apiOf(url: string | null): CassetteApi {
  if (url === null) return 'other';
  const { path } = splitUrl(url);
  for (const [pattern, api] of API_RULES) if (pattern.test(path)) return api;
  return 'other';
}

const MODEL_IN_PATH = [/\/models\/([^/:]+):[^/]*$/, /\/model\/([^/]+)\/[^/]+$/, /\/deployments\/([^/]+)\//];

/** The model named by the request body, else by the URL path (Gemini, Bedrock, Azure). */
export function modelOf(requestJson: unknown, url: string | null): string | null {
  if (requestJson !== null && typeof requestJson === 'object' && !Array.isArray(requestJson)) {
    const model = (requestJson as Record<string, unknown>).model;
    if (typeof model === 'string' && model !== '') return model;
  }
  if (url === null) return null;
  const { path } = splitUrl(url);
  for (const pattern of MODEL_IN_PATH) {
    const match = pattern.exec(path);
    if (match) return percentDecode(match[1]!);
  }
  return null;
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Python's unquote leaves malformed escapes as they are; decode what can be decoded.
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export interface HeaderEntry {
  name: string;
  value: string;
}

/** vcrpy stores `{name: [values]}`, Ruby VCR the same, some writers `{name: value}`: all become one entry per value. */
export function headerEntries(headers: unknown): HeaderEntry[] {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return [];
  const out: HeaderEntry[] = [];
  for (const [name, raw] of Object.entries(headers as Record<string, unknown>)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      out.push({ name, value: typeof value === 'string' ? value : String(value) });
    }
  }
  return out;
}

export function headerValues(headers: HeaderEntry[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((header) => header.name.toLowerCase() === wanted).map((header) => header.value);
}

/** The media type of the first Content-Type value, lower-cased, without parameters; '' when none. */
export function mediaTypeOf(headers: HeaderEntry[]): string {
  const first = headerValues(headers, 'content-type')[0];
  if (first === undefined) return '';
  return first.split(';')[0]!.trim().toLowerCase();
}

export function contentEncodingTokens(headers: HeaderEntry[]): Set<string> {
  const tokens = new Set<string>();
  for (const value of headerValues(headers, 'content-encoding')) {
    for (const token of value.split(',')) {
      const trimmed = token.trim().toLowerCase();
      if (trimmed) tokens.add(trimmed);
    }
  }
  return tokens;
}

/** Values recorders put in place of secrets: `AUTHORIZATION-XXX`, `REDACTED`, `<API_KEY>`, `****`, `Bearer sk-...XXXX`. */
export function isRedactedValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (/redacted|-xxx\b|^x{3,}$|^\*{3,}$|^<[^<>]*>$|^\[[^[\]]*(?:filtered|redacted|hidden)[^[\]]*\]$/i.test(v)) return true;
  if (/^(?:bearer|basic|token)\s+(?:<[^<>]*>|\*+|x{3,}|redacted|dummy|test|fake)/i.test(v)) return true;
  return /(?:filtered|scrubbed|placeholder|dummy[-_]?key|fake[-_]?key)/i.test(v);
}
