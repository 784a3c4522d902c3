import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../recording/types';
import { parseRecording } from '../recording/parseRecording';
import { toIndexEntry, type IndexEntry } from './indexEntry';
import { highlightParts, matchedFields, SearchIndex } from './searchIndex';

/** Real entries, made by the real parser from recordings written here. */
function entryFor(path: string, testId: string, model: string, answer: string): IndexEntry {
  const text = JSON.stringify({
    test_id: testId,
    request: { method: 'POST', url: 'http://localhost:11434/v1/chat/completions', endpoint: '/v1/chat/completions', model, body: { model, messages: [{ role: 'user', content: 'q' }] } },
    response: {
      body: {
        __type__: 'openai.types.chat.chat_completion.ChatCompletion',
        __data__: { id: 'x', object: 'chat.completion', created: 0, model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }] },
      },
      is_streaming: false,
    },
  });
  const result = parseRecording(text, path);
  if (!result.ok) throw new Error(result.error.reason);
  return toIndexEntry(result.recording as Recording, text.length, 1);
}

const entries = [
  entryFor('inference/recordings/3f2a9c01deadbeef.json', 'tests/integration/inference/test_chat.py::test_weather[txt=ollama/llama3.2:3b]', 'llama3.2:3b', 'The weather in Paris is sunny.'),
  entryFor('inference/recordings/77aa00bb11cc22dd.json', 'tests/integration/inference/test_chat.py::test_math[txt=openai/gpt-4o]', 'gpt-4o', 'Two plus two is four.'),
  entryFor('agents/recordings/0123456789abcdef.json', 'tests/integration/agents/test_agents.py::test_tools', 'gpt-4o-mini', 'Calling the get_weather tool for Tokyo.'),
];

/** The filter's promise, written out as the plain scan it replaces. */
const scan = (query: string) => {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => terms.every((term) => entry.search.includes(term))).map((e) => e.path);
};

describe('search index', () => {
  const index = new SearchIndex();
  index.add(entries);
  const paths = (query: string) => index.filter(entries, query).map((e) => e.path);

  it('finds a file by part of its hash, a model, an endpoint and words of the answer', () => {
    expect(paths('9c01dead')).toEqual(['inference/recordings/3f2a9c01deadbeef.json']);
    expect(paths('gpt-4o')).toEqual(['inference/recordings/77aa00bb11cc22dd.json', 'agents/recordings/0123456789abcdef.json']);
    expect(paths('chat/completions')).toHaveLength(3);
    expect(paths('sunny')).toEqual(['inference/recordings/3f2a9c01deadbeef.json']);
    expect(paths('eathe')).toEqual(['inference/recordings/3f2a9c01deadbeef.json', 'agents/recordings/0123456789abcdef.json']);
  });

  it('requires every term, and spans punctuation only where the text does', () => {
    expect(paths('weather tokyo')).toEqual(['agents/recordings/0123456789abcdef.json']);
    expect(paths('test_chat.py::test_math')).toEqual(['inference/recordings/77aa00bb11cc22dd.json']);
    expect(paths('paris.tokyo')).toEqual([]);
    expect(paths('nothing-like-this')).toEqual([]);
    expect(paths('   ')).toHaveLength(3);
  });

  it('answers exactly as scanning every entry would, for any query made of pieces of the entries', () => {
    const pieces = entries.flatMap((e) => e.search.split(/\s+/)).filter(Boolean);
    const term = fc.tuple(fc.constantFrom(...pieces), fc.nat(), fc.nat()).map(([piece, a, b]) => {
      const start = a % piece.length;
      return piece.slice(start, start + 1 + (b % (piece.length - start)));
    });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 3 }), (terms) => {
        const query = terms.join(' ');
        expect(paths(query)).toEqual(scan(query));
      }),
      { numRuns: 300 },
    );
  });

  it('hands back the same array when a longer query matches the same entries', () => {
    const first = index.filter(entries, 'gpt');
    const second = index.filter(entries, 'gpt-4');
    expect(second).toBe(first);
    expect(index.filter(entries, 'gpt-4o-mini')).not.toBe(first);
  });

  it('still finds entries listed before they were indexed, and keeps the list order given', () => {
    const partial = new SearchIndex();
    partial.add(entries.slice(0, 1));
    const reversed = [...entries].reverse();
    expect(partial.filter(reversed, 'gpt').map((e) => e.path)).toEqual(['agents/recordings/0123456789abcdef.json', 'inference/recordings/77aa00bb11cc22dd.json']);
  });

  it('names the field each term matched in, and marks the matches in a row text', () => {
    expect(matchedFields(entries[0]!, 'sunny')).toEqual(['text']);
    expect(matchedFields(entries[0]!, 'deadbeef')).toEqual(['file']);
    expect(matchedFields(entries[2]!, 'MINI tools')).toEqual(['model', 'test id']);
    expect(highlightParts('The Weather is fine, weather!', 'weather')).toEqual([
      { text: 'The ', match: false },
      { text: 'Weather', match: true },
      { text: ' is fine, ', match: false },
      { text: 'weather', match: true },
      { text: '!', match: false },
    ]);
  });
});
