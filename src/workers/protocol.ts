import type { IndexEntry, IndexError } from '../core/index/indexEntry';

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
  /** Compute each file's replay key too (off only to measure the load without them). */
  replayKeys?: boolean;
}

export interface IndexResponse {
  batchId: number;
  entries: IndexEntry[];
  errors: IndexError[];
  /** Files the batch held: a cassette gives many entries, an empty one none. */
  fileCount?: number;
}
