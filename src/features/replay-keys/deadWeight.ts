import type { IndexEntry } from '../../core/index/indexEntry';
import { describeExplanation, type NewerRecorderWarning, type Superseded } from '../../core/replay-keys';
import { testKeyOf } from '../../core/test-id/testId';

export type DeadReason = 'stale' | 'none' | 'superseded';

export interface DeadFile {
  path: string;
  size: number;
  reason: DeadReason;
  /** One short line a user can act on. */
  detail: string;
  /** The longer explanation, for a tooltip. */
  explanation?: string;
}

export interface DeadTest {
  test: string;
  files: DeadFile[];
  size: number;
}

export interface DeadSuite {
  suite: string;
  tests: DeadTest[];
  count: number;
  size: number;
}

export interface DeadWeight {
  suites: DeadSuite[];
  files: DeadFile[];
  totalSize: number;
  /** Unmatched files set aside because a newer recorder probably wrote them. */
  newerRecorder: { warning: NewerRecorderWarning; paths: string[] }[];
}

export const NO_TEST_ID = '(no stored test id)';

const SHORT_EXPLANATION: Record<string, string> = {
  'rename-379d0720c': 'hand-edited by the OGX rename (379d0720c)',
  'test-id-not-stored': 'its test id was never stored',
  'toolcall-ids-rewritten-6f1afabcd': 'tool-call ids rewritten after recording (6f1afabcd)',
  unexplained: 'no known reason',
};

/** A file without a test id is still grouped by the suite folder it sits in. */
function suiteOfPath(path: string): string {
  const segments = path.split('/');
  const integration = segments.indexOf('integration');
  if (integration >= 0 && segments.length > integration + 2) return segments[integration + 1]!;
  return segments.length >= 3 ? segments[segments.length - 3]! : '(top folder)';
}

function folderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * Every stale, unmatched and superseded file, grouped by suite and test.
 * Unexplained misses in a folder the warnings flag are left out: calling a
 * newer recorder's files dead would be wrong.
 */
export function buildDeadWeight(
  entries: readonly IndexEntry[],
  superseded: ReadonlyMap<string, Superseded>,
  warnings: readonly NewerRecorderWarning[],
): DeadWeight {
  const flagged = new Set(warnings.map((w) => JSON.stringify([w.folder, w.family])));
  const setAside = new Map<string, string[]>();
  const files: (DeadFile & { suite: string; test: string })[] = [];
  for (const entry of entries) {
    const key = entry.replayKey;
    if (!key) continue;
    const by = superseded.get(entry.path);
    let reason: DeadReason | null = null;
    let detail = '';
    let explanation: string | undefined;
    if (key.verdict === 'stale') {
      reason = 'stale';
      detail = `stale: only ${key.newest} reproduces the name`;
    } else if (key.verdict === 'none') {
      const unexplained = !key.explainedBy || key.explainedBy === 'unexplained';
      const group = JSON.stringify([folderOf(entry.path), key.family]);
      if (unexplained && flagged.has(group)) {
        setAside.set(group, [...(setAside.get(group) ?? []), entry.path]);
        continue;
      }
      reason = 'none';
      detail = `matches no rule version: ${SHORT_EXPLANATION[key.explainedBy ?? 'unexplained'] ?? key.explainedBy}`;
      explanation = describeExplanation(key.explainedBy);
    } else if (by) {
      reason = 'superseded';
      detail = `superseded by ${by.by.slice(by.by.lastIndexOf('/') + 1)} (adds ${by.extraKeys.join(', ')})`;
    }
    if (!reason) continue;
    // A stale or unmatched file that is also superseded says both.
    if (by && reason !== 'superseded') detail += `; also superseded by ${by.by.slice(by.by.lastIndexOf('/') + 1)}`;
    const parts = entry.parts;
    files.push({
      path: entry.path,
      size: entry.size,
      reason,
      detail,
      ...(explanation ? { explanation } : {}),
      suite: parts?.suite ?? suiteOfPath(entry.path),
      test: parts ? testKeyOf(parts) : NO_TEST_ID,
    });
  }
  const suites = new Map<string, Map<string, DeadFile[]>>();
  for (const { suite, test, ...file } of files) {
    let tests = suites.get(suite);
    if (!tests) suites.set(suite, (tests = new Map()));
    tests.set(test, [...(tests.get(test) ?? []), file]);
  }
  const sum = (list: { size: number }[]) => list.reduce((total, item) => total + item.size, 0);
  const suiteList: DeadSuite[] = [...suites.entries()]
    .map(([suite, tests]) => {
      const testList = [...tests.entries()]
        .map(([test, list]) => ({ test, files: list.sort((a, b) => (a.path < b.path ? -1 : 1)), size: sum(list) }))
        .sort((a, b) => b.files.length - a.files.length || (a.test < b.test ? -1 : 1));
      return { suite, tests: testList, count: testList.reduce((n, t) => n + t.files.length, 0), size: sum(testList) };
    })
    .sort((a, b) => (a.suite < b.suite ? -1 : 1));
  return {
    suites: suiteList,
    files: files.map(({ suite: _suite, test: _test, ...file }) => file),
    totalSize: sum(files),
    newerRecorder: warnings.map((warning) => ({
      warning,
      paths: setAside.get(JSON.stringify([warning.folder, warning.family])) ?? [],
    })),
  };
}

/** POSIX single-quoting, so any path is safe to paste into a shell. */
export function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export function gitRmCommand(paths: readonly string[]): string {
  return paths.length === 0 ? '' : `git rm ${paths.map(shellQuote).join(' \\\n  ')}`;
}

/** The downloadable list: one tab-separated line per file. */
export function deadWeightTsv(files: readonly DeadFile[]): string {
  const clean = (text: string) => text.replace(/[\t\r\n]/g, ' ');
  return ['path\tsize\treason\tdetail', ...files.map((f) => [clean(f.path), f.size, f.reason, clean(f.detail)].join('\t'))].join('\n') + '\n';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
