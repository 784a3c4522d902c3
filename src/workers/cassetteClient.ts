import type { Recording } from '../core/recording/types';
import type { CassetteRequest, CassetteResponse } from './cassetteProtocol';

export type CassetteInteractions =
  | { ok: true; count: number; items: Map<number, { recording: Recording; value: unknown }> }
  | { ok: false; reason: string };

let worker: Worker | null = null;
let nextRequestId = 0;
const waiting = new Map<number, (response: CassetteResponse) => void>();

function cassetteWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./cassetteWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CassetteResponse>) => {
      const resolve = waiting.get(event.data.requestId);
      waiting.delete(event.data.requestId);
      resolve?.(event.data);
    };
    worker.onerror = (event) => {
      for (const [id, resolve] of waiting) resolve({ requestId: id, ok: false, reason: `cassette worker failed: ${event.message}` });
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/** Parses a cassette in a worker and returns the interactions at `indexes` (1-based). */
export function readCassetteInteractions(path: string, bytes: ArrayBuffer, indexes: number[]): Promise<CassetteInteractions> {
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    waiting.set(requestId, (response) => {
      if (!response.ok) resolve({ ok: false, reason: response.reason });
      else resolve({ ok: true, count: response.count, items: new Map(response.items.map((item) => [item.index, { recording: item.recording, value: item.value }])) });
    });
    const request: CassetteRequest = { requestId, path, bytes, indexes };
    cassetteWorker().postMessage(request, [bytes]);
  });
}
