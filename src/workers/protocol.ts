import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { FileKey } from '../core/replay-keys';
import type { ReplayKeysMode } from './replayKeysSetting';

/** A file already read on the main thread: reads are I/O the browser does off-thread anyway; decoding and parsing are the CPU work. */
export interface TextFile {
  path: string;
  size: number;
  lastModified: number;
  /** Raw bytes, transferred (not copied) to the worker, which decodes them: UTF-8 decoding is CPU work too. */
  bytes: ArrayBuffer;
}

export interface IndexRequest {
  batchId: number;
  files: TextFile[];
  /** Hash each recording's replay key as it is parsed, keep its request for a ReplayKeysRequest, or neither (see ReplayKeysMode). */
  replayKeys?: ReplayKeysMode;
}

/** Sent once a load's batches are all in: compute the replay keys of every file indexed since the last one. */
export interface ReplayKeysRequest {
  type: 'replay-keys';
}

export interface ReplayKeysResponse {
  type: 'replay-keys';
  keys: [path: string, key: FileKey][];
}

export interface IndexResponse {
  batchId: number;
  entries: IndexEntry[];
  errors: IndexError[];
  /** Files the batch held: a cassette gives many entries, an empty one none. */
  fileCount?: number;
}
