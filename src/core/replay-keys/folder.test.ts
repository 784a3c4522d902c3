import { describe, expect, it } from 'vitest';
import { newerRecorderWarnings, resolveSuperseded, summarizeKeys, type KeyedFile } from './folder';
import type { FileKey, Verdict } from './fileKey';

function keyed(path: string, verdict: Verdict | null, body: Record<string, string>, group = 'g', explainedBy?: string): KeyedFile {
  const key: FileKey = {
    family: 'inference',
    nameHash: null,
    matches: [],
    newest: verdict === 'current' ? 'v6-file-search' : null,
    verdict,
    sibling: { group, body },
    ...(explainedBy ? { explainedBy } : {}),
  };
  return { path, testId: 't', key };
}

describe('superseded siblings', () => {
  it('a current sibling with more top-level keys and equal shared values supersedes; fewest extra keys, then smallest path', () => {
    const files = [
      keyed('d/a.json', 'current', { model: 'm', messages: 'x' }),
      keyed('d/z.json', 'current', { model: 'm', messages: 'x', stream: 's', temperature: 't' }),
      keyed('d/y.json', 'current', { model: 'm', messages: 'x', stream: 's' }),
      keyed('d/x.json', 'current', { model: 'm', messages: 'x', stream: 'S' }),
      // Different values: not superseded by anything.
      keyed('d/b.json', 'stale', { model: 'm', messages: 'other' }),
      // Another group: never compared.
      keyed('d/c.json', 'none', { model: 'm' }, 'other-group'),
      // A dead file with fewer keys is superseded too; a stale "superseder" does not count.
      keyed('d/e.json', 'none', { model: 'm', messages: 'x' }),
      keyed('d/f.json', 'stale', { model: 'm', messages: 'x', service_tier: 'auto', a: '1', b: '2' }),
    ];
    const superseded = resolveSuperseded(files);
    expect(Object.fromEntries(superseded)).toEqual({
      'd/a.json': { by: 'd/x.json', extraKeys: ['stream'] },
      'd/e.json': { by: 'd/x.json', extraKeys: ['stream'] },
      // A current file can be superseded as well: the test now sends z's request.
      'd/y.json': { by: 'd/z.json', extraKeys: ['temperature'] },
    });
    expect(summarizeKeys(files, superseded)).toEqual({ current: 4, stale: 2, none: 2, superseded: 3 });
  });
});

describe('a recorder newer than the rules', () => {
  it('is suspected where most of one family in one folder matches nothing for no known reason', () => {
    const many = Array.from({ length: 6 }, (_, i) => keyed(`new/recordings/${i}.json`, 'none', {}, 'g', 'unexplained'));
    const explained = Array.from({ length: 6 }, (_, i) => keyed(`old/recordings/${i}.json`, 'none', {}, 'g', 'rename-379d0720c'));
    const few = [keyed('mixed/r/1.json', 'none', {}, 'g', 'unexplained'), ...Array.from({ length: 9 }, (_, i) => keyed(`mixed/r/c${i}.json`, 'current', {}))];
    expect(newerRecorderWarnings([...many, ...explained, ...few])).toEqual([{ folder: 'new/recordings', family: 'inference', unmatched: 6, keyed: 6 }]);
  });
});
