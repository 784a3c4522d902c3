import { readRequestView, type RequestStyle } from '../recording/request';
import type { RecordingContext } from '../recording/kinds/kind';
import type { HttpExchange, HttpHeader, Recording, RecordingKind, ResponseView } from '../recording/types';
import type { TestIdParts } from '../test-id/testId';
import { isRedactedValue, splitUrl, type CassetteApi, type HeaderEntry } from './http';
import { CASSETTE_NAME, type CassetteInteraction } from './readCassette';

/**
 * One cassette interaction as the app's Recording: the views, the index,
 * playback and compare then treat it like any recording, and the `http`
 * field carries what only cassettes have (headers, status, unreadable bodies).
 */

const KIND_OF_API: Record<CassetteApi, RecordingKind> = {
  'chat.completions': 'chat.completions',
  completions: 'completions',
  responses: 'responses',
  messages: 'messages',
  generateContent: 'genai',
  embeddings: 'embeddings',
  converse: 'converse',
  invoke: 'invoke',
  'ollama.chat': 'ollama.chat',
  'ollama.generate': 'ollama.generate',
  'cohere.chat': 'cohere.chat',
  other: 'unknown',
};

/** The path a cassette interaction is known by: `<cassette path>#<n>`, 1-based. */
export function interactionPath(cassettePath: string, index: number): string {
  return `${cassettePath}#${index}`;
}

/** `a/b.yaml#3` → `{ file: 'a/b.yaml', index: 3 }`; null for any other path. */
export function splitInteractionPath(path: string): { file: string; index: number } | null {
  const match = /^(.*\.ya?ml(?:\.gz)?)#([1-9]\d*)$/i.exec(path);
  return match ? { file: match[1]!, index: Number(match[2]) } : null;
}

/**
 * A cassette is one test. pytest-recording and pydantic-ai write
 * `cassettes/<test module>/<test name>.yaml`; crewAI, langchain and Ruby VCR
 * name the file after the test. Parametrized tests keep `[params]` in the name.
 */
export function cassetteTestParts(cassettePath: string): { testId: string; parts: TestIdParts } {
  const slash = cassettePath.lastIndexOf('/');
  const folder = slash >= 0 ? cassettePath.slice(0, slash) : '.';
  const stem = cassettePath.slice(slash + 1).replace(CASSETTE_NAME, '');
  const bracket = stem.indexOf('[');
  const hasParams = bracket > 0 && stem.endsWith(']');
  const test = hasParams ? stem.slice(0, bracket) : stem;
  const params = hasParams ? stem.slice(bracket + 1, -1) : '';
  const segments = folder.split('/');
  const cassettesAt = segments.lastIndexOf('cassettes');
  const suite =
    cassettesAt > 0 ? segments[cassettesAt - 1]! : cassettesAt === 0 ? 'cassettes' : segments.length >= 2 ? segments[segments.length - 2]! : folder;
  return { testId: `${folder}::${stem}`, parts: { suite, file: folder, test, params } };
}

function headers(entries: HeaderEntry[]): HttpHeader[] {
  return entries.map((entry) => ({ name: entry.name, value: entry.value, redacted: isRedactedValue(entry.value) }));
}

function requestStyle(api: CassetteApi): RequestStyle {
  if (api === 'embeddings') return 'embeddings';
  if (api === 'responses') return 'interactions';
  return 'default';
}

export function interactionRecording(interaction: CassetteInteraction, cassettePath: string): Recording {
  const url = interaction.url;
  const urlPath = url === null ? '' : splitUrl(url).path;
  const endpoint = urlPath || url || '';
  const requestBody = interaction.requestJson !== undefined ? interaction.requestJson : interaction.requestText;
  const ctx: RecordingContext = {
    path: cassettePath,
    request: interaction.method === null ? {} : { method: interaction.method },
    response: {},
    endpoint,
    route: urlPath.toLowerCase(),
    requestBody,
    body: undefined,
    isStreaming: interaction.streaming,
    typeName: '',
  };
  if (url !== null) ctx.url = url;
  const request = readRequestView(ctx, requestStyle(interaction.api));
  if (interaction.method !== null) request.method = interaction.method;
  if (url !== null) request.url = url;

  const response: ResponseView = {
    text: interaction.text ?? '',
    reasoning: interaction.reasoning ?? '',
    toolCalls: interaction.toolCalls ?? [],
    body: interaction.responseJson !== undefined ? interaction.responseJson : interaction.responseText,
  };
  if (interaction.status !== null) response.status = interaction.status;
  if (interaction.usage) response.usage = interaction.usage;
  if (interaction.finishReason) response.finishReason = interaction.finishReason;

  const http: HttpExchange = {
    method: interaction.method,
    url,
    status: interaction.status,
    provider: interaction.provider,
    api: interaction.api,
    requestHeaders: headers(interaction.requestHeaders),
    responseHeaders: headers(interaction.responseHeaders),
  };
  if (interaction.unreadable !== null) http.unreadable = interaction.unreadable;
  if (interaction.responseByteLength !== null) http.bodyBytes = interaction.responseByteLength;
  if (interaction.streamFormat !== null) http.streamFormat = interaction.streamFormat;

  const kind = KIND_OF_API[interaction.api];
  let kindLabel = `${interaction.api === 'other' ? 'HTTP' : interaction.api}${interaction.streaming ? ' stream' : ''}`;
  if (interaction.unreadable !== null) kindLabel += ' (unreadable body)';
  if (interaction.error !== null) kindLabel += interaction.status !== null && interaction.status >= 400 ? ` (HTTP ${interaction.status})` : ' (error)';

  const { testId, parts } = cassetteTestParts(cassettePath);
  const recording: Recording = {
    path: interactionPath(cassettePath, interaction.index),
    kind,
    kindLabel,
    endpoint,
    testId,
    testIdParts: parts,
    streaming: interaction.streaming,
    chunkCount: interaction.track ? interaction.track.chunks.length : interaction.streaming ? 0 : 1,
    request,
    response,
    error:
      interaction.error === null
        ? null
        : interaction.status !== null
          ? { message: interaction.error, source: 'http', status: interaction.status }
          : { message: interaction.error, source: 'http' },
    stream: interaction.track,
    http,
    cassette: { file: cassettePath, index: interaction.index },
  };
  if (interaction.provider !== 'other') recording.provider = interaction.provider;
  if (interaction.model !== null) recording.model = interaction.model;
  return recording;
}
