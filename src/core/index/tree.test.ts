import { describe, expect, it } from 'vitest';
import { parseTestId } from '../test-id/testId';
import { buildTree, flattenTree } from './tree';
import type { IndexEntry } from './indexEntry';

function entry(path: string, testId: string | null): IndexEntry {
  return {
    path,
    size: 1,
    lastModified: 1,
    testId,
    parts: testId ? parseTestId(testId) : null,
    kind: 'chat.completions',
    kindLabel: 'chat.completions',
    endpoint: '/v1/chat/completions',
    streaming: false,
    chunkCount: 1,
    hasError: false,
    toolNames: [],
    preview: '',
    search: '',
  };
}

describe('test tree', () => {
  const entries = [
    entry('a/recordings/1.json', 'tests/integration/inference/test_chat.py::TestChat::test_basic[txt=ollama/llama3.2:3b]'),
    entry('a/recordings/2.json', 'tests/integration/inference/test_chat.py::TestChat::test_basic[txt=openai/gpt-4o]'),
    entry('a/recordings/3.json', 'tests/integration/inference/test_chat.py::TestChat::test_basic[txt=openai/gpt-4o]'),
    entry('b/recordings/4.json', 'tests/integration/agents/test_agents.py::test_tools'),
    entry('common/recordings/models-5.json', null),
  ];

  it('groups suite → file → test → variant with counts, calls outside tests last', () => {
    const rows = flattenTree(buildTree(entries), new Set(), false);
    expect(rows.map((r) => [r.kind, r.label, r.depth, r.count])).toEqual([
      ['suite', 'agents', 0, 1],
      ['file', 'tests/integration/agents/test_agents.py', 1, 1],
      ['test', 'test_tools', 2, 1],
      ['recording', 'b/recordings/4.json', 3, 1],
      ['suite', 'inference', 0, 3],
      ['file', 'tests/integration/inference/test_chat.py', 1, 3],
      ['test', 'TestChat::test_basic', 2, 3],
      ['variant', 'txt=ollama/llama3.2:3b', 3, 1],
      ['recording', 'a/recordings/1.json', 4, 1],
      ['variant', 'txt=openai/gpt-4o', 3, 2],
      ['recording', 'a/recordings/2.json', 4, 1],
      ['recording', 'a/recordings/3.json', 4, 1],
      ['suite', '(no test id)', 0, 1],
      ['file', 'common/recordings', 1, 1],
      ['recording', 'common/recordings/models-5.json', 2, 1],
    ]);
  });

  it('hides the children of a collapsed node unless everything is expanded for a search', () => {
    const collapsed = new Set(['s:inference']);
    const rows = flattenTree(buildTree(entries), collapsed, false);
    expect(rows.filter((r) => r.kind === 'recording').map((r) => r.label)).toEqual(['b/recordings/4.json', 'common/recordings/models-5.json']);
    expect(flattenTree(buildTree(entries), collapsed, true).filter((r) => r.kind === 'recording')).toHaveLength(5);
  });
});

describe('calls inside a variant', () => {
  it('are listed in call order (shorter conversations first), not by file hash', () => {
    const id = 'tests/integration/agents/test_agents.py::test_round_trip[txt=m]';
    const answer = { ...entry('r/aaaa.json', id), requestMessages: 3 };
    const toolCall = { ...entry('r/ffff.json', id), requestMessages: 1 };
    const rows = flattenTree(buildTree([answer, toolCall]), new Set(), false).filter((r) => r.kind === 'recording');
    expect(rows.map((r) => r.label)).toEqual(['r/ffff.json', 'r/aaaa.json']);
  });
});
