import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  newerRecorderWarnings,
  resolveSuperseded,
  summarizeKeys,
  type KeyedFile,
} from '../../src/core/replay-keys';
import { createIndexing, requireFolder } from '../folder/openFolder';
import { deadReasons, type VerifiedFile } from '../replayReasons';
import { listRecordingFiles } from '../folder/readFolder';
import { createProgress, EXIT_FINDINGS, EXIT_OK, UsageError } from '../output';

export const VERIFY_HELP = `Usage: recording-inspector verify DIR [--json] [--quiet]

Computes the replay key of every recording under DIR, under every rule
version llama-stack's recorder has used, and says which files today's
recorder can never replay:
  stale       only an older (or branch-only) rule version reproduces its name
  none        no rule version reproduces its name (with the likely reason)
  superseded  a current sibling sends the same request plus more parameters

Exit status: 0 when nothing is stale, none or superseded; 1 otherwise;
2 on a usage error (missing or empty folder, unknown option).

Options:
  --json      print one JSON object: {"current","stale","none","superseded","files":[…]}
  --quiet     no progress on stderr
  -h, --help  this help`;

export interface VerifyReport {
  current: number;
  stale: number;
  none: number;
  superseded: number;
  /** Files with no replay key at all (not hash-named, not a recording, unreadable). */
  no_key: number;
  folder: string;
  files: VerifiedFile[];
  warnings: string[];
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${VERIFY_HELP}\n`);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`one folder expected, got ${positionals.length}`, 'verify');
  const root = await requireFolder(positionals[0], 'DIR', 'verify');
  const walked = listRecordingFiles(root, positionals[0]!, 'verify');
  const progress = createProgress({ quiet: values.quiet });
  const { pool } = createIndexing({ useCache: false });
  let done = 0;
  const label = `verifying ${path.basename(root)}`;
  progress.update(label, 0, walked.files.length);
  let keyed;
  try {
    keyed = await pool.keys(walked.files, (batch) => {
      done += batch.length;
      progress.update(label, done, walked.files.length);
    });
  } finally {
    progress.end();
    await pool.close();
  }
  const report = buildReport(path.basename(root), keyed);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.stale + report.none + report.superseded > 0 ? EXIT_FINDINGS : EXIT_OK;
}

type Keyed = Awaited<ReturnType<ReturnType<typeof createIndexing>['pool']['keys']>>[number];

export function buildReport(folder: string, values: Keyed[]): VerifyReport {
  const keyed: KeyedFile[] = [];
  const files: VerifiedFile[] = [];
  for (const value of values) {
    if ('readError' in value) {
      files.push({ path: value.path, test_id: null, family: null, name_hash: null, matches: [], newest: null, verdict: null, superseded_by: null, no_key_reason: value.readError });
      continue;
    }
    keyed.push({ path: value.path, testId: value.testId, key: value.key });
  }
  const superseded = resolveSuperseded(keyed);
  const summary = summarizeKeys(keyed, superseded);
  for (const file of keyed) {
    const by = superseded.get(file.path);
    const line: VerifiedFile = {
      path: file.path,
      test_id: file.testId,
      family: file.key.family,
      name_hash: file.key.nameHash,
      matches: file.key.matches,
      newest: file.key.newest,
      verdict: file.key.verdict,
      superseded_by: by?.by ?? null,
    };
    if (by) line.superseded_extra_keys = by.extraKeys;
    if (file.key.explainedBy) line.explained_by = file.key.explainedBy;
    if (file.key.noKeyReason) line.no_key_reason = file.key.noKeyReason;
    files.push(line);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const warnings = newerRecorderWarnings(keyed).map(
    (warning) =>
      `${warning.folder || '.'}: ${warning.unmatched} of ${warning.keyed} ${warning.family} files match no known rule version, with no known reason; the recorder is probably newer than these rules, so they may not be dead.`,
  );
  return { ...summary, no_key: files.filter((file) => file.verdict === null).length, folder, files, warnings };
}

const n = (value: number) => value.toLocaleString('en');

export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  const total = report.current + report.stale + report.none + report.no_key;
  lines.push(`${report.folder}: ${n(total)} files`);
  const width = 12;
  lines.push(`  ${'current'.padEnd(width)}${n(report.current).padStart(7)}`);
  lines.push(`  ${'stale'.padEnd(width)}${n(report.stale).padStart(7)}`);
  lines.push(`  ${'none'.padEnd(width)}${n(report.none).padStart(7)}`);
  lines.push(`  ${'superseded'.padEnd(width)}${n(report.superseded).padStart(7)}`);
  if (report.no_key) lines.push(`  ${'no key'.padEnd(width)}${n(report.no_key).padStart(7)}   (not hash-named, not a recording, or unreadable)`);
  const dead = report.files.filter((file) => file.verdict === 'stale' || file.verdict === 'none' || file.superseded_by);
  if (dead.length === 0) {
    lines.push('', 'Every recording is reachable by today’s recorder.');
  } else {
    const byTest = new Map<string, VerifiedFile[]>();
    for (const file of dead) {
      const test = file.test_id ?? '(no test id)';
      byTest.set(test, [...(byTest.get(test) ?? []), file]);
    }
    lines.push('', `Dead weight: ${n(dead.length)} files in ${n(byTest.size)} tests`);
    for (const [test, files] of [...byTest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push('', test);
      for (const file of files) {
        lines.push(`  ${file.path}`);
        for (const reason of deadReasons(file)) lines.push(`    ${reason}`);
      }
    }
  }
  for (const warning of report.warnings) lines.push('', `warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

