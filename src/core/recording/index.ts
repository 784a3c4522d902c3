/** Public surface of the recording parser: workers and views import from here. */
export { parseRecording, parseRecordingValue } from './parseRecording';
export { KIND_REGISTRY, classify } from './kinds/registry';
export type { KindModule, KindReading, RecordingContext } from './kinds/kind';
export * from './types';
