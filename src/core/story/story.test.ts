import { describe, expect, it } from 'vitest';
import { parseRecordingValue } from '../recording/parseRecording';
import type { Recording } from '../recording/types';
import { orderStory } from './story';

const TEST = 'tests/integration/agents/test_agents.py::test_weather[txt=ollama/llama3.2:3b]';

function chat(path: string, messages: unknown[], toolCall?: string): Recording {
  const message = toolCall
    ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: toolCall, arguments: '{"city":"Paris"}' } }] }
    : { role: 'assistant', content: 'It is sunny in Paris.' };
  const value = {
    test_id: TEST,
    request: { method: 'POST', url: 'http://x/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'm', body: { model: 'm', messages } },
    response: {
      body: { __type__: 'openai.types.chat.chat_completion.ChatCompletion', __data__: { id: 'x', choices: [{ index: 0, finish_reason: 'stop', message }], model: 'm', object: 'chat.completion', created: 0 } },
      is_streaming: false,
    },
  };
  const result = parseRecordingValue(value, path);
  if (!result.ok) throw new Error(result.error.reason);
  return result.recording;
}

function tool(path: string, name: string): Recording {
  const value = {
    test_id: TEST,
    request: { test_id: TEST, provider: 'tavily', tool_name: name, kwargs: { query: 'weather Paris' } },
    response: { body: { __type__: 'llama_stack.apis.tools.tools.ToolInvocationResult', __data__: { content: '{"temp": 21}' } }, is_streaming: false },
  };
  const result = parseRecordingValue(value, path);
  if (!result.ok) throw new Error(result.error.reason);
  return result.recording;
}

describe('orderStory', () => {
  const user = { role: 'user', content: 'Weather in Paris?' };
  const assistantCall = { role: 'assistant', content: '', tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] };
  const toolResult = { role: 'tool', tool_call_id: 'call_9', content: '{"temp": 21}' };

  it('orders a tool round trip: ask, invoke, answer — whatever the file names say', () => {
    const second = chat('r/aaa.json', [user, assistantCall, toolResult]);
    const first = chat('r/zzz.json', [user], 'get_weather');
    const invocation = tool('r/mmm.json', 'get_weather');
    const steps = orderStory([second, invocation, first]);
    expect(steps.map((s) => s.recording.path)).toEqual(['r/zzz.json', 'r/mmm.json', 'r/aaa.json']);
    expect(steps[2]!.continues).toBe('r/zzz.json');
    expect(steps[2]!.newMessages.map((m) => m.role)).toEqual(['assistant', 'tool']);
    expect(steps[2]!.startIndex).toBe(1);
    expect(steps[0]!.newMessages.map((m) => m.role)).toEqual(['user']);
  });

  it('keeps unrelated conversations as separate threads', () => {
    const a = chat('r/a.json', [{ role: 'user', content: 'one' }]);
    const b = chat('r/b.json', [{ role: 'user', content: 'two' }]);
    const steps = orderStory([b, a]);
    expect(steps.map((s) => [s.recording.path, s.continues])).toEqual([
      ['r/a.json', undefined],
      ['r/b.json', undefined],
    ]);
  });

  it('shows the same call recorded twice as one step "recorded 2 times", on the copy replay reaches', () => {
    const stale = chat('r/111.json', [user], 'get_weather');
    const current = chat('r/222.json', [user], 'get_weather');
    const next = chat('r/333.json', [user, assistantCall, toolResult]);
    const unknown = orderStory([stale, current, next]);
    expect(unknown).toHaveLength(2);
    expect(unknown[0]!.copies.map((c) => c.path)).toEqual(['r/111.json', 'r/222.json']);
    expect(unknown[0]!.replayed).toBeUndefined();
    expect(unknown[1]).toMatchObject({ relation: 'continues', continues: 'r/111.json' });

    const keyed = orderStory([stale, current, next], { replayable: (path) => path === 'r/222.json' });
    expect(keyed[0]!.recording.path).toBe('r/222.json');
    expect(keyed[0]!.replayed).toBe('r/222.json');
    expect(keyed[1]).toMatchObject({ relation: 'continues', from: 'r/222.json' });

    // A request no copy of which replay reaches is left to the page's list of dead files.
    const live = orderStory([stale, current, next], { replayable: (path) => path === 'r/222.json', omitUnreachable: true });
    expect(live.map((s) => s.recording.path)).toEqual(['r/222.json']);
  });

  it('shows calls that share a start and then diverge as branches, not as a continuation', () => {
    const first = chat('r/a.json', [user], 'get_weather');
    const left = chat('r/b.json', [user, assistantCall, toolResult]);
    const right = chat('r/c.json', [user, assistantCall, { role: 'tool', tool_call_id: 'call_9', content: '{"temp": 5}' }]);
    const steps = orderStory([right, left, first]);
    expect(steps.map((s) => [s.recording.path, s.relation, s.from ?? null, s.startIndex])).toEqual([
      ['r/a.json', 'start', null, 0],
      ['r/b.json', 'branch', 'r/a.json', 1],
      ['r/c.json', 'branch', 'r/a.json', 1],
    ]);
    expect(steps[1]!.continues).toBeUndefined();
  });

  it('two calls with a common start but no recorded common call: the later is a branch after the shared messages', () => {
    const a = chat('r/a.json', [user, assistantCall, toolResult]);
    const b = chat('r/b.json', [user, assistantCall, { role: 'tool', tool_call_id: 'call_9', content: 'error' }]);
    const steps = orderStory([a, b]);
    expect(steps.map((s) => [s.recording.path, s.relation, s.startIndex])).toEqual([
      ['r/a.json', 'start', 0],
      ['r/b.json', 'branch', 2],
    ]);
    expect(steps[1]!.newMessages.map((m) => m.role)).toEqual(['tool']);
  });
});
