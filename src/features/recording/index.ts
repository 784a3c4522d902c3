// The recording feature's public face: the app and other features import from here only.
export { RecordingPage } from './RecordingPage';
export { TestPage } from './TestPage';
export { RecordingView } from './RecordingView';
export { fileForRecordingPath, loadRecording, recordingKeys } from './recordingQueries';
