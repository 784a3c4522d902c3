import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCassettePath, readCassetteForCompare } from '../../src/core/cassette';
import { findLeftBehind, reviewFolders, reviewMarkdown, reviewToJson, type SnapshotFile } from '../../src/core/diff';
import { DEFAULT_RECORDINGS_GLOB, globMatcher } from '../../src/sources/github/glob';
import { isCandidatePath } from '../../src/sources/types';
import { requireFolder } from '../folder/openFolder';
import { listRecordingFiles } from '../folder/readFolder';
import { listTree, readBlobs, resolveRange } from '../git';
import { createProgress, EXIT_OK, UsageError, type Progress } from '../output';

export const DIFF_HELP = `Usage: recording-inspector diff BASE HEAD [--format markdown|json] [--quiet]
       recording-inspector diff --git REPO A..B [--glob PATTERN] [--format markdown|json] [--quiet]

Reviews what changed between two snapshots of the same recordings, as the
Compare page does: every recording added, removed, modified, re-keyed or
unchanged; noise-only re-records; per modified pair whether the request, the
answer or the tool calls changed (else metadata only); and the files the
change left behind (dead replay keys in the tests it touched). VCR cassettes
are compared interaction by interaction (<cassette>#<n>), as on the page.

  BASE HEAD        two folders (before and after)
  --git REPO A..B  two commits of a git repository, read with git itself (no
                   checkout): A..B compares B with A, A...B compares B with
                   where it branched from A
  --glob PATTERN   with --git, which files count (default: ${DEFAULT_RECORDINGS_GLOB})
  --format F       markdown (default: the review summary, ready for a PR
                   comment) or json: {"added","removed","modified","rekeyed",
                   "unchanged","noise_only","request","answer","tools",
                   "metadata_only","left_behind",…}
  --quiet          no progress on stderr
  -h, --help       this help

Exit status: 0 once the review is printed, 2 on a usage error (missing or
empty folder, not a repository, bad range).`;

interface Snapshot extends SnapshotFile {
  /** As read, BOM included: a BOM-only change is still a change (as on the page). */
  raw: string;
}

const decoder = new TextDecoder('utf-8');

/**
 * One file's snapshots, as the Compare page reads them: a recording is one; a
 * VCR cassette is one per interaction (`<path>#<n>`, in order), or one
 * standing for the whole file when it is not a cassette that can be read.
 */
async function snapshots(filePath: string, bytes: Uint8Array): Promise<Snapshot[]> {
  if (isCassettePath(filePath)) {
    const reading = await readCassetteForCompare(bytes, filePath);
    if (!reading.ok) {
      const raw = `\u0000not a cassette: ${reading.reason}`;
      return [{ path: filePath, raw, text: raw }];
    }
    return reading.items.map((item) => ({ path: item.path, raw: item.raw, text: JSON.stringify(item.document) }));
  }
  const raw = decoder.decode(bytes);
  return [{ path: filePath, raw, text: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw }];
}

async function readFolderSnapshot(root: string, argument: string, progress: Progress, label: string): Promise<Snapshot[]> {
  const walked = listRecordingFiles(root, argument, 'diff', { cassettes: true });
  const out: Snapshot[] = [];
  let done = 0;
  for (const file of walked.files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file.absolute);
    } catch (error) {
      // Unreadable must not look equal to unreadable on the other side (the page does the same).
      bytes = Buffer.from(`\u0000unreadable: ${error instanceof Error ? error.message : String(error)}`);
    }
    out.push(...(await snapshots(file.path, bytes)));
    progress.update(label, ++done, walked.files.length);
  }
  progress.end();
  return out;
}

async function readGitSnapshots(repo: string, range: string, glob: string, progress: Progress) {
  const { base, head, label } = await resolveRange(repo, range);
  const matches = globMatcher(glob);
  const wanted = (file: { path: string }) => isCandidatePath(file.path) && matches(file.path);
  const [baseTree, headTree] = await Promise.all([listTree(repo, base), listTree(repo, head)]);
  const baseFiles = baseTree.filter(wanted);
  const headFiles = headTree.filter(wanted);
  if (baseFiles.length + headFiles.length === 0) {
    throw new UsageError(`no files match ${glob} in either commit of ${range}; choose the files with --glob`, 'diff');
  }
  const oids = [...baseFiles, ...headFiles].map((file) => file.oid);
  const distinct = new Set(oids).size;
  let read = 0;
  const blobs = await readBlobs(repo, oids, () => progress.update('reading git objects', ++read, distinct));
  progress.end();
  const toSnapshots = async (files: typeof baseFiles) =>
    (await Promise.all(files.map((file) => snapshots(file.path, blobs.get(file.oid) ?? Buffer.alloc(0))))).flat();
  return { base: await toSnapshots(baseFiles), head: await toSnapshots(headFiles), title: `Recording review: ${label}` };
}

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      git: { type: 'string' },
      glob: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json, got "${format}"`, 'diff');
  const progress = createProgress({ quiet: values.quiet });

  let base: Snapshot[];
  let head: Snapshot[];
  let title: string;
  if (values.git !== undefined) {
    if (positionals.length !== 1) throw new UsageError('--git REPO needs one range, e.g. diff --git . main..my-branch', 'diff');
    const repo = await requireFolder(values.git, 'REPO', 'diff');
    ({ base, head, title } = await readGitSnapshots(repo, positionals[0]!, values.glob ?? DEFAULT_RECORDINGS_GLOB, progress));
  } else {
    if (values.glob !== undefined) throw new UsageError('--glob applies to --git only (a folder is compared whole)', 'diff');
    if (positionals.length !== 2) throw new UsageError(`two folders expected (BASE HEAD), got ${positionals.length}`, 'diff');
    const [baseArg, headArg] = positionals as [string, string];
    const baseRoot = await requireFolder(baseArg, 'BASE', 'diff');
    const headRoot = await requireFolder(headArg, 'HEAD', 'diff');
    base = await readFolderSnapshot(baseRoot, baseArg, progress, `reading ${path.basename(baseRoot)} (base)`);
    head = await readFolderSnapshot(headRoot, headArg, progress, `reading ${path.basename(headRoot)} (head)`);
    title = `Recording review: ${baseArg} → ${headArg}`;
  }

  // The same review as the Compare page: classification, categories, and the left-behind
  // files (replay keys of the touched tests' head files only, so the cost follows the change).
  progress.note(`reviewing ${base.length.toLocaleString('en')} → ${head.length.toLocaleString('en')} files…`);
  const review = await reviewFolders(base, head, {
    equal: (a, b) => (a as Snapshot).raw === (b as Snapshot).raw,
    leftBehind: findLeftBehind,
  });
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(reviewToJson(review), null, 2)}\n`);
  } else {
    process.stdout.write(reviewMarkdown({ summary: review.summary, entries: review.entries, leftBehind: review.leftBehind, title }));
  }
  return EXIT_OK;
}
