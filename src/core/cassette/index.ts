/** Public surface of the cassette reader: workers, the CLI and tests import from here. */
export { readCassette, readCassetteText, visitCassetteBytes, visitCassetteText, isCassettePath } from './readCassette';
export type { CassetteInteraction, CassetteReading, CassetteVisit, ReadOptions, StreamFormat } from './readCassette';
export { interactionRecording } from './toRecording';
export { isRedactedValue, type HeaderEntry, type CassetteApi, type CassetteProvider } from './http';
export { interactionPath, splitInteractionPath, cassetteTestParts } from './toRecording';
export { readCassetteRecordings, jsonSafe, type CassetteRecordings, type CassetteRecordingItem } from './recordingFile';
export { compareRecordingPaths, cassetteStory } from './order';
export { readCassetteForCompare, interactionDocument, isNoiseHeader, type CassetteCompareItem, type CassetteCompareReading } from './compare';
