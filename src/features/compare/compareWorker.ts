/// <reference lib="webworker" />
/**
 * Reads both snapshots, classifies them and answers per-pair diff requests,
 * all off the main thread. Texts are dropped once classified (two 100 MB
 * snapshots would otherwise stay resident); a pair's diff re-reads its two
 * files, which costs milliseconds.
 */
import { compareNoise, diffRecordings, findLeftBehind, limitDepth, reviewSnapshots, structuralDiff, wordDiff, NOISE_KEYS, type SnapshotFile } from '../../core/diff';
import { parseRecordingValue } from '../../core/recording/parseRecording';
import { isCassettePath, readCassetteForCompare, splitInteractionPath, type CassetteCompareReading } from '../../core/cassette';
import { decodeJsonText } from '../../core/recording/decode';
import { readSourceBytes, readSourceFile, UndecodableFileError, type SourceFile } from '../../sources/types';
import { bytesToText } from '../../core/recording/fileBytes';
import { servedBundleUrl, servedSideOf, type ServedSide } from '../../core/served-folder/protocol';
import { BundleReader, type BundleFrame } from '../../core/served-folder/bundle';
import type { CompareRequest, CompareResponse, PairDiff, ReadProblem, Side } from './protocol';

/** Reads in flight: file reads, not parsing, bound the time, and a few dozen keep the browser's file thread busy. */
const READ_CONCURRENCY = 24;
const PROGRESS_EVERY_MS = 60;

interface Snapshot extends SnapshotFile {
  /** As read, BOM included; equality uses it so a BOM-only change still counts as a change. */
  raw: string;
}

let files: Record<Side, Map<string, SourceFile>> = { base: new Map(), head: new Map() };

const post = (message: CompareResponse) => self.postMessage(message);

/**
 * Structured clone recurses: a value nested a few thousand levels deep makes
 * postMessage throw "Maximum call stack size exceeded", and a reply that never
 * leaves would leave the page waiting forever. Deep values are cut to a note
 * first; should posting still fail, the failure itself is the reply.
 */
const MAX_POSTED_DEPTH = 100;

function postDiffReply(requestId: number, result: PairDiff): void {
  try {
    post({ type: 'diff', requestId, result: limitDepth(result, MAX_POSTED_DEPTH) as PairDiff });
  } catch (error) {
    post({ type: 'diff', requestId, error: `the diff could not be sent to the page (${describe(error)})` });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readAll(
  sides: { side: Side; list: SourceFile[] }[],
  onRead: () => void,
): Promise<{ snapshots: Record<Side, Snapshot[]>; problems: ReadProblem[] }> {
  const snapshots: Record<Side, Snapshot[]> = { base: [], head: [] };
  const problems: ReadProblem[] = [];
  const queue: { side: Side; file: SourceFile }[] = [];
  await Promise.all(
    sides.map(async ({ side, list }) => {
      const served = servedSideOfAll(list);
      const rest = served ? await readBundle(side, served, list, snapshots[side], problems, onRead) : list;
      for (const file of rest) queue.push({ side, file });
    }),
  );
  let next = 0;
  const lane = async () => {
    while (next < queue.length) {
      const { side, file } = queue[next++]!;
      if (isCassettePath(file.path)) {
        await readCassetteSnapshots(side, file, snapshots[side], problems);
        onRead();
        continue;
      }
      let raw: string;
      try {
        raw = await readSourceFile(file, { keepBom: true });
      } catch (error) {
        const message = describe(error);
        problems.push({ side, path: file.path, message });
        // Unreadable on one side must not look identical to unreadable on the other; keep it as a distinct non-JSON text.
        raw = `\u0000unreadable: ${message}`;
      }
      snapshots[side].push({ path: file.path, raw, text: stripBom(raw) });
      onRead();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, Math.max(1, queue.length)) }, lane));
  return { snapshots, problems };
}

/** The served side every file of a list comes from (`recording-inspector DIR`), or null. */
function servedSideOfAll(list: readonly SourceFile[]): ServedSide | null {
  const side = list[0]?.url ? servedSideOf(list[0].url) : null;
  return side && list.every((file) => file.url !== undefined && servedSideOf(file.url) === side) ? side : null;
}

/**
 * A served folder in one response (see core/served-folder/bundle.ts) instead of a
 * request per file: the browser runs six at a time per host, which took about 9 s
 * for two 1,600-file folders. Returns the files it did not deliver, read one by one after.
 */
async function readBundle(
  side: Side,
  served: ServedSide,
  list: readonly SourceFile[],
  out: Snapshot[],
  problems: ReadProblem[],
  onRead: () => void,
): Promise<SourceFile[]> {
  const wanted = new Map(list.map((file) => [file.path, file]));
  try {
    const response = await fetch(servedBundleUrl(served));
    if (!response.ok || !response.body) return [...wanted.values()];
    const reader = response.body.getReader();
    const bundle = new BundleReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const frame of bundle.push(value)) {
        const file = wanted.get(frame.path);
        if (!file) continue;
        wanted.delete(frame.path);
        await snapshotFromFrame(side, file, frame, out, problems);
        onRead();
      }
    }
  } catch {
    // The server went away mid-stream: what is missing is read file by file (and reported there).
  }
  return [...wanted.values()];
}

async function snapshotFromFrame(side: Side, file: SourceFile, frame: BundleFrame, out: Snapshot[], problems: ReadProblem[]): Promise<void> {
  if (isCassettePath(file.path)) {
    await readCassetteSnapshots(side, file, out, problems, frame.bytes ?? new Error(frame.error ?? 'unreadable'));
    return;
  }
  let raw: string;
  if (frame.bytes) {
    const decoded = bytesToText(frame.bytes, { keepBom: true });
    if (decoded.ok) raw = decoded.text;
    else {
      const message = new UndecodableFileError(file.path, decoded.reason).message;
      problems.push({ side, path: file.path, message });
      raw = `\u0000unreadable: ${message}`;
    }
  } else {
    const message = frame.error ?? 'unreadable';
    problems.push({ side, path: file.path, message });
    raw = `\u0000unreadable: ${message}`;
  }
  out.push({ path: file.path, raw, text: stripBom(raw) });
}

/** A cassette is compared interaction by interaction (`<path>#<n>`), in order; an invalid one as one file. */
async function readCassetteSnapshots(side: Side, file: SourceFile, out: Snapshot[], problems: ReadProblem[], given?: Uint8Array | Error): Promise<void> {
  let reading: CassetteCompareReading;
  try {
    if (given instanceof Error) throw given;
    reading = await readCassetteForCompare(given ?? new Uint8Array(await readSourceBytes(file)), file.path);
  } catch (error) {
    reading = { ok: false, reason: `could not read the file: ${describe(error)}` };
    problems.push({ side, path: file.path, message: describe(error) });
  }
  if (!reading.ok) {
    const raw = `\u0000not a cassette: ${reading.reason}`;
    out.push({ path: file.path, raw, text: raw });
    return;
  }
  for (const item of reading.items) out.push({ path: item.path, raw: item.raw, text: JSON.stringify(item.document) });
}

async function cassetteItem(side: Side, path: string) {
  const split = splitInteractionPath(path);
  const file = split ? files[side].get(split.file) : undefined;
  if (!split || !file) throw new Error(`${path} is not in the ${side} snapshot`);
  const reading = await readCassetteForCompare(new Uint8Array(await readSourceBytes(file)), file.path);
  if (!reading.ok) throw new Error(`${split.file} is not a cassette any more: ${reading.reason}`);
  const item = reading.items[split.index - 1];
  if (!item) throw new Error(`${split.file} has no interaction ${split.index} any more`);
  return item;
}

async function diffInteractions(basePath: string, headPath: string): Promise<PairDiff> {
  const [b, h] = await Promise.all([cassetteItem('base', basePath), cassetteItem('head', headPath)]);
  return { kind: 'recordings', diff: diffRecordings(b.recording, h.recording, { baseDocument: b.document, headDocument: h.document }) };
}

async function compare(base: SourceFile[], head: SourceFile[], wantLeftBehind: boolean): Promise<void> {
  files = { base: new Map(base.map((f) => [f.path, f])), head: new Map(head.map((f) => [f.path, f])) };
  const total = base.length + head.length;
  let read = 0;
  let lastPost = 0;
  post({ type: 'progress', read, total });
  const { snapshots, problems } = await readAll(
    [
      { side: 'base', list: base },
      { side: 'head', list: head },
    ],
    () => {
      read++;
      const now = performance.now();
      if (now - lastPost >= PROGRESS_EVERY_MS) {
        lastPost = now;
        post({ type: 'progress', read, total });
      }
    },
  );
  post({ type: 'progress', read, total });
  const review = reviewSnapshots(snapshots.base, snapshots.head, {
    equal: (a, b) => (a as Snapshot).raw === (b as Snapshot).raw,
  });
  const entries = review.entries.filter((e) => e.status !== 'unchanged');
  post({ type: 'done', entries, summary: review.summary, readProblems: problems });
  if (!wantLeftBehind) {
    post({ type: 'left-behind', files: null, reason: 'A pull request loaded by its URL brings only the files it changed: open the two folders to count the files it left behind.' });
    return;
  }
  try {
    post({ type: 'left-behind', files: await findLeftBehind(review.entries, snapshots.head) });
  } catch (error) {
    post({ type: 'left-behind', files: null, reason: `replay keys could not be computed: ${describe(error)}` });
  }
}

interface Parsed {
  text: string;
  json: { ok: true; value: unknown } | { ok: false; reason: string };
}

async function readParsed(side: Side, path: string): Promise<Parsed> {
  const file = files[side].get(path);
  if (!file) throw new Error(`${path} is not in the ${side} snapshot`);
  const text = stripBom(await readSourceFile(file));
  // The index worker's decoding, so a bad file gets the same reason here as in the list.
  return { text, json: decodeJsonText(text) };
}

async function diffPair(basePath: string, headPath: string): Promise<PairDiff> {
  if (splitInteractionPath(basePath) && splitInteractionPath(headPath)) return diffInteractions(basePath, headPath);
  const [b, h] = await Promise.all([readParsed('base', basePath), readParsed('head', headPath)]);
  if (!b.json.ok || !h.json.ok) {
    return {
      kind: 'text',
      diff: wordDiff(b.text, h.text),
      baseProblem: b.json.ok ? null : b.json.reason,
      headProblem: h.json.ok ? null : h.json.reason,
    };
  }
  const br = parseRecordingValue(b.json.value, basePath);
  const hr = parseRecordingValue(h.json.value, headPath);
  if (br.ok && hr.ok) {
    return { kind: 'recordings', diff: diffRecordings(br.recording, hr.recording, { baseDocument: b.json.value, headDocument: h.json.value }) };
  }
  return {
    kind: 'json',
    diff: structuralDiff(b.json.value, h.json.value, { ignoreKeys: NOISE_KEYS }),
    noiseFieldsChanged: compareNoise(b.json.value, h.json.value).noiseFieldCount,
    baseProblem: br.ok ? null : br.error.reason,
    headProblem: hr.ok ? null : hr.error.reason,
  };
}

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const request = event.data;
  if (request.type === 'compare') {
    compare(request.base, request.head, request.leftBehind).catch((error: unknown) => post({ type: 'failed', message: describe(error) }));
    return;
  }
  const { requestId, basePath, headPath } = request;
  diffPair(basePath, headPath).then(
    (result) => postDiffReply(requestId, result),
    (error: unknown) => post({ type: 'diff', requestId, error: describe(error) }),
  );
};
