import type { Recording } from '../recording/types';
import { jsonSafe } from './recordingFile';
import { visitCassetteBytes, type CassetteInteraction } from './readCassette';
import { interactionPath, interactionRecording } from './toRecording';

/**
 * Cassettes in a comparison: each interaction becomes one comparable
 * document at `<cassette>#<n>`, so a cassette's calls are compared in order.
 * The document holds what a reviewer cares about (request, status, bodies as
 * JSON, headers) without the headers that change on every re-record; ids and
 * `created` inside bodies are dropped by the compare's own noise keys.
 */

/** Response and request headers that differ on every recording of the same call. */
const NOISE_HEADERS = new Set([
  'date',
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'openai-processing-ms',
  'cf-ray',
  'set-cookie',
  'cf-cache-status',
  'x-envoy-upstream-service-time',
  'content-length',
]);
const NOISE_HEADER_PREFIXES = ['x-ratelimit-', 'anthropic-ratelimit-'];

export function isNoiseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return NOISE_HEADERS.has(lower) || NOISE_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function headerObject(headers: { name: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers) {
    if (isNoiseHeader(name)) continue;
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  }
  return out;
}

export function interactionDocument(interaction: CassetteInteraction, recording: Recording): Record<string, unknown> {
  const chunks = interaction.track?.chunks.map((chunk) => {
    const event = chunk as { data?: unknown; json?: unknown } | null;
    return event && typeof event === 'object' && 'data' in event ? (event.json ?? event.data) : chunk;
  });
  const response: Record<string, unknown> = {
    status: interaction.status,
    headers: headerObject(interaction.responseHeaders),
    body: interaction.unreadable !== null ? `unreadable: ${interaction.unreadable}` : chunks ?? (interaction.responseJson !== undefined ? jsonSafe(interaction.responseJson) : interaction.responseText),
  };
  return {
    test_id: recording.testId,
    request: {
      method: interaction.method,
      url: interaction.url,
      headers: headerObject(interaction.requestHeaders),
      body: interaction.requestJson !== undefined ? jsonSafe(interaction.requestJson) : interaction.requestText,
    },
    response,
  };
}

export interface CassetteCompareItem {
  path: string;
  recording: Recording;
  /** The comparable document (see interactionDocument). */
  document: Record<string, unknown>;
  /** The interaction exactly as stored, for byte-level equality. */
  raw: string;
}

export type CassetteCompareReading = { ok: true; items: CassetteCompareItem[] } | { ok: false; reason: string };

export async function readCassetteForCompare(bytes: Uint8Array, cassettePath: string): Promise<CassetteCompareReading> {
  const items: CassetteCompareItem[] = [];
  const result = await visitCassetteBytes(bytes, cassettePath, (interaction) => {
    const recording = interactionRecording(interaction, cassettePath);
    items.push({
      path: interactionPath(cassettePath, interaction.index),
      recording,
      document: interactionDocument(interaction, recording),
      raw: JSON.stringify(jsonSafe(interaction.raw)),
    });
  });
  return result.ok ? { ok: true, items } : result;
}
