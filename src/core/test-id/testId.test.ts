import { describe, expect, it } from 'vitest';
import { parseTestId, testKeyOf } from './testId';

describe('parseTestId', () => {
  it('splits suite, file, class::function and params', () => {
    const parts = parseTestId('tests/integration/inference/test_openai.py::TestX::test_y[txt=ollama/llama3.2:3b-instruct-fp16-inference:completion:sanity]');
    expect(parts).toEqual({
      suite: 'inference',
      file: 'tests/integration/inference/test_openai.py',
      test: 'TestX::test_y',
      params: 'txt=ollama/llama3.2:3b-instruct-fp16-inference:completion:sanity',
    });
    expect(testKeyOf(parts)).toBe('tests/integration/inference/test_openai.py::TestX::test_y');
  });

  it('keeps brackets and :: inside params in the params', () => {
    expect(parseTestId('tests/integration/x/test_a.py::test_b[a[1]::c]').params).toBe('a[1]::c');
  });

  it('handles ids without params, without a function, and outside tests/integration', () => {
    expect(parseTestId('tests/integration/tools/test_t.py::test_plain')).toMatchObject({ suite: 'tools', test: 'test_plain', params: '' });
    expect(parseTestId('tests/unit/test_u.py')).toMatchObject({ file: 'tests/unit/test_u.py', test: '', suite: 'unit' });
    expect(parseTestId('test_root.py::t').suite).toBe('(root)');
  });
});
