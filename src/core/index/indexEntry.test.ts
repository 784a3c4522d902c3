import { describe, expect, it } from 'vitest';
import { inference, sdk, toJson } from '../../../testing/recordings';
import { parseRecording } from '../recording/parseRecording';
import { toIndexEntry } from './indexEntry';

function entryFor(message: Record<string, unknown>, messages = [{ role: 'user', content: 'Weather in Tokyo?' }]) {
  const envelope = inference(
    '/v1/chat/completions',
    { model: 'm', messages },
    {
      body: sdk('openai.types.chat.chat_completion.ChatCompletion', {
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'm',
        choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', ...message } }],
      }),
      is_streaming: false,
    },
  );
  const result = parseRecording(toJson(envelope), 'r/a.json');
  if (!result.ok) throw new Error(result.error.reason);
  return toIndexEntry(result.recording, 1, 1);
}

describe('list preview', () => {
  it('shows the call of an answer that only calls a tool', () => {
    const entry = entryFor({
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } }],
    });
    expect(entry.preview).toBe('→ get_weather({"city":"Tokyo"})');
  });

  it('shows the text when there is text, and counts request messages for call order', () => {
    const entry = entryFor({ content: 'Sunny.' }, [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: 'Checking' },
      { role: 'user', content: 'Well?' },
    ]);
    expect(entry.preview).toBe('Sunny.');
    expect(entry.requestMessages).toBe(3);
  });
});

describe('models list preview', () => {
  it('counts the models and names the first ones', () => {
    const envelope = inference('/v1/models', {}, {
      body: [sdk('openai.types.model.Model', { id: 'gpt-4o', created: 1_700_000_000, object: 'model', owned_by: 'openai' }), sdk('openai.types.model.Model', { id: 'o3', created: 1_700_000_000, object: 'model', owned_by: 'openai' })],
      is_streaming: false,
    });
    const result = parseRecording(toJson(envelope), 'r/models-abc.json');
    if (!result.ok) throw new Error(result.error.reason);
    expect(toIndexEntry(result.recording, 1, 1).preview).toBe('2 models: gpt-4o, o3');
  });
});
