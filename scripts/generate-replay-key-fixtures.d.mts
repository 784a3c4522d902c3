/** Types for the e2e spec that imports the generator. */
export declare const FIXTURE: {
  live: string;
  superseded: string;
  stale: string;
  unmatched: string;
  notHashNamed: string;
  missingUrl: string;
  testId: string;
  summary: { current: number; stale: number; none: number; superseded: number };
};
export declare function replayKeyFixtureFiles(): { path: string; data: string }[];
export declare function writeReplayKeyFixtures(dir: string): { path: string; size: number }[];
export declare const NEWER: { folder: string; paths: string[] };
export declare function newerRecorderFixtureFiles(): { path: string; data: string }[];
export declare function writeNewerRecorderFixtures(dir: string): { path: string; size: number }[];
