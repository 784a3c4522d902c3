import type { Recording } from '../recording/types';
import { isBytes } from './bytes';
import { readCassette } from './readCassette';
import { interactionRecording } from './toRecording';

/**
 * One cassette file as the recordings it holds, each with its interaction as
 * stored (bytes shown by size, so it can be displayed and compared as JSON).
 * The index worker, the recording page and the compare worker all read
 * cassettes through this, so they always agree on paths and content.
 */
export interface CassetteRecordingItem {
  recording: Recording;
  /** The interaction's mapping, JSON-safe. */
  value: unknown;
}

export type CassetteRecordings = { ok: true; items: CassetteRecordingItem[] } | { ok: false; reason: string };

export async function readCassetteRecordings(bytes: Uint8Array, cassettePath: string): Promise<CassetteRecordings> {
  const reading = await readCassette(bytes, cassettePath);
  if (!reading.ok) return reading;
  return {
    ok: true,
    items: reading.interactions.map((interaction) => ({
      recording: interactionRecording(interaction, cassettePath),
      value: jsonSafe(interaction.raw),
    })),
  };
}

/** Bytes (`!!binary`) become a short note with their size; everything else is already JSON-like. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (isBytes(value)) return `<binary, ${value.length.toLocaleString('en-US')} bytes>`;
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => jsonSafe(item, depth + 1));
  if (value instanceof Set) return [...value].map((item) => jsonSafe(item, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), jsonSafe(v, depth + 1)]));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = jsonSafe(item, depth + 1);
  return out;
}
