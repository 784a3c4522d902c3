import type { Recording } from '../core/recording/types';

export interface CassetteRequest {
  requestId: number;
  path: string;
  /** The cassette file's bytes, transferred. */
  bytes: ArrayBuffer;
  /** 1-based interaction positions wanted. */
  indexes: number[];
}

export type CassetteResponse =
  | { requestId: number; ok: true; count: number; items: { index: number; recording: Recording; value: unknown }[] }
  | { requestId: number; ok: false; reason: string };
