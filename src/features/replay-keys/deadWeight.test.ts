import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../core/index/indexEntry';
import type { FileKey } from '../../core/replay-keys';
import { parseTestId } from '../../core/test-id/testId';
import { buildDeadWeight, deadWeightTsv, gitRmCommand, NO_TEST_ID } from './deadWeight';

function entry(path: string, testId: string | null, key: Partial<FileKey>, size = 100): IndexEntry {
  return {
    path,
    size,
    lastModified: 1,
    testId,
    parts: testId ? parseTestId(testId) : null,
    kind: 'chat.completions',
    kindLabel: 'chat',
    endpoint: '/v1/chat/completions',
    streaming: false,
    chunkCount: 0,
    hasError: false,
    toolNames: [],
    preview: '',
    search: '',
    replayKey: { family: 'inference', nameHash: 'x', matches: [], newest: null, verdict: 'current', ...key },
  };
}

const T = 'tests/integration/agents/test_a.py::test_one[p]';

describe('dead-weight report', () => {
  it('lists stale, unmatched and superseded files by suite and test, with sizes; live and keyless files stay out', () => {
    const entries = [
      entry('tests/integration/agents/recordings/live.json', T, { verdict: 'current' }, 10),
      entry('tests/integration/agents/recordings/old.json', T, { verdict: 'stale', newest: 'v5-project-id' }, 20),
      entry('tests/integration/agents/recordings/sup.json', T, { verdict: 'current' }, 30),
      entry('tests/integration/agents/recordings/gone.json', null, { verdict: 'none', explainedBy: 'test-id-not-stored' }, 40),
      entry('tests/integration/agents/recordings/nokey.json', T, { verdict: null, noKeyReason: 'the file name is not a request hash' }, 50),
    ];
    const superseded = new Map([['tests/integration/agents/recordings/sup.json', { by: 'tests/integration/agents/recordings/live.json', extraKeys: ['stream'] }]]);
    const report = buildDeadWeight(entries, superseded, []);
    expect(report.totalSize).toBe(90);
    expect(report.suites.map((s) => [s.suite, s.count, s.size])).toEqual([['agents', 3, 90]]);
    expect(report.suites[0]!.tests.map((t) => [t.test, t.files.map((f) => f.reason)])).toEqual([
      ['tests/integration/agents/test_a.py::test_one', ['stale', 'superseded']],
      [NO_TEST_ID, ['none']],
    ]);
    expect(report.files.find((f) => f.reason === 'superseded')!.detail).toBe('superseded by live.json (adds stream)');
    const tsv = deadWeightTsv(report.files).trim().split('\n');
    expect(tsv[0]).toBe('path\tsize\treason\tdetail');
    expect(tsv).toHaveLength(4);
  });

  it('sets aside unexplained misses where a newer recorder is suspected', () => {
    const entries = [
      entry('new/recordings/a.json', T, { verdict: 'none', explainedBy: 'unexplained' }),
      entry('new/recordings/b.json', T, { verdict: 'none', explainedBy: 'rename-379d0720c' }),
    ];
    const report = buildDeadWeight(entries, new Map(), [{ folder: 'new/recordings', family: 'inference', unmatched: 1, keyed: 2 }]);
    expect(report.files.map((f) => f.path)).toEqual(['new/recordings/b.json']);
    expect(report.newerRecorder[0]!.paths).toEqual(['new/recordings/a.json']);
  });

  it('quotes paths for the shell', () => {
    expect(gitRmCommand(['a/b.json', "it's here/x y.json"])).toBe("git rm a/b.json \\\n  'it'\\''s here/x y.json'");
  });
});
