import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { SourceFile } from '../sources/types';

export interface IndexRequest {
  batchId: number;
  files: SourceFile[];
}

export interface IndexResponse {
  batchId: number;
  entries: IndexEntry[];
  errors: IndexError[];
}
