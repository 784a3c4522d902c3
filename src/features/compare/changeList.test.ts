import { describe, expect, it } from 'vitest';
import type { CompareEntry } from '../../core/diff';
import { CHANGE_STATUSES, filterChanges, readCompareParams, rowKey, writeCompareParams, type ChangeStatus } from './changeList';

function entry(status: CompareEntry['status'], path: string, extra: Partial<CompareEntry> = {}): CompareEntry {
  const paths =
    status === 'added' ? { headPath: path } : status === 'removed' ? { basePath: path } : { basePath: extra.basePath ?? path, headPath: path };
  return { status, ...paths, testId: 't::a', endpoint: '/v1/chat/completions', groupKey: null, noiseOnly: false, noiseFieldCount: 0, ...extra };
}

const all = new Set<ChangeStatus>(CHANGE_STATUSES);

describe('filterChanges', () => {
  const entries = [
    entry('modified', 'r/m.json'),
    entry('modified', 'r/noise.json', { noiseOnly: true, noiseFieldCount: 3 }),
    entry('added', 'r/a.json', { testId: 't::b' }),
    entry('removed', 'r/gone.json', { testId: null }),
    entry('rekeyed', 'r/new.json', { basePath: 'r/old.json' }),
    entry('unchanged', 'r/same.json'),
  ];

  it('hides noise-only rows by default and counts them', () => {
    const r = filterChanges(entries, { statuses: all, showNoise: false, query: '' });
    expect(r.rows.map(rowKey)).toEqual(['r/m.json', 'r/new.json', 'r/a.json', 'r/gone.json']);
    expect(r.hiddenNoise).toBe(1);
    expect(r.counts).toEqual({ added: 1, removed: 1, modified: 2, rekeyed: 1 });
  });

  it('groups by test id with calls outside tests last', () => {
    const r = filterChanges(entries, { statuses: all, showNoise: true, query: '' });
    expect(r.groups.map((g) => g.testId)).toEqual(['t::a', 't::b', null]);
    expect(r.groups[0]!.rows).toHaveLength(3);
    expect(r.hiddenNoise).toBe(0);
  });

  it('filters by status and text', () => {
    const r = filterChanges(entries, { statuses: new Set(['added', 'rekeyed']), showNoise: false, query: 'OLD' });
    expect(r.rows.map(rowKey)).toEqual(['r/new.json']);
  });
});

describe('categories', () => {
  const reviewed = [
    entry('modified', 'r/meta.json', { testId: 't::a', categories: ['metadata-only'] }),
    entry('modified', 'r/req.json', { testId: 't::b', categories: ['request'] }),
    entry('modified', 'r/answer.json', { testId: 't::c', categories: ['request', 'answer'] }),
    entry('modified', 'r/tools.json', { testId: 't::d', categories: ['tools'] }),
    entry('added', 'r/new.json', { testId: 't::a' }),
  ];

  it('leads with answer and tool changes, then requests and one-sided files, then metadata', () => {
    const r = filterChanges(reviewed, { statuses: all, showNoise: false, query: '' });
    expect(r.groups.map((g) => g.testId)).toEqual(['t::c', 't::d', 't::a', 't::b']);
    // Within a test too: the added file (rank 1) before the metadata-only pair (rank 2).
    expect(r.groups[2]!.rows.map(rowKey)).toEqual(['r/new.json', 'r/meta.json']);
    expect(r.categoryCounts).toEqual({ answer: 1, tools: 1, request: 2, 'metadata-only': 1 });
  });

  it('filters to rows having any chosen category', () => {
    const r = filterChanges(reviewed, { statuses: all, showNoise: false, query: '', categories: new Set(['answer', 'tools']) });
    expect(r.rows.map(rowKey)).toEqual(['r/answer.json', 'r/tools.json']);
  });

  it('keeps the category filter in the URL', () => {
    const written = writeCompareParams(new URLSearchParams(), { categories: new Set(['tools', 'answer']) });
    expect(written.toString()).toBe('cat=answer%2Ctools');
    expect([...readCompareParams(written).categories]).toEqual(['answer', 'tools']);
    expect(writeCompareParams(written, { categories: new Set() }).toString()).toBe('');
  });
});

describe('compare URL params', () => {
  it('round-trips and keeps defaults out of the URL', () => {
    const base = new URLSearchParams('pr=o/r/1');
    const written = writeCompareParams(base, { sel: 'a/b.json', statuses: new Set(['added']), showNoise: true, query: 'x', view: 'head' });
    expect(written.toString()).toBe('pr=o%2Fr%2F1&sel=a%2Fb.json&status=added&noise=show&q=x&view=head');
    const read = readCompareParams(written);
    expect(read).toMatchObject({ sel: 'a/b.json', showNoise: true, query: 'x', pr: 'o/r/1', view: 'head' });
    expect([...read.statuses]).toEqual(['added']);
    const reset = writeCompareParams(written, { statuses: all, showNoise: false, query: '', view: 'diff', sel: null });
    expect(reset.toString()).toBe('pr=o%2Fr%2F1');
  });

  it('defaults to every status and ignores unknown ones', () => {
    expect([...readCompareParams(new URLSearchParams('')).statuses]).toEqual([...CHANGE_STATUSES]);
    expect([...readCompareParams(new URLSearchParams('status=bogus,removed')).statuses]).toEqual(['removed']);
  });
});
