/// <reference lib="webworker" />
/**
 * Reads one cassette off the main thread when a page opens its interactions:
 * a 100 MB cassette takes seconds to parse, and the page must stay usable.
 * Only the interactions asked for are sent back.
 */
import { interactionRecording, jsonSafe, visitCassetteBytes } from '../core/cassette';
import type { CassetteRequest, CassetteResponse } from './cassetteProtocol';

self.onmessage = (event: MessageEvent<CassetteRequest>) => {
  const { requestId, path, bytes, indexes } = event.data;
  const wanted = new Set(indexes);
  const items: Extract<CassetteResponse, { ok: true }>['items'] = [];
  visitCassetteBytes(new Uint8Array(bytes), path, (interaction) => {
    if (wanted.has(interaction.index)) items.push({ index: interaction.index, recording: interactionRecording(interaction, path), value: jsonSafe(interaction.raw) });
  }).then(
    (result) => {
      const response: CassetteResponse = result.ok ? { requestId, ok: true, count: result.count, items } : { requestId, ok: false, reason: result.reason };
      self.postMessage(response);
    },
    (error: unknown) => self.postMessage({ requestId, ok: false, reason: error instanceof Error ? error.message : String(error) } satisfies CassetteResponse),
  );
};
