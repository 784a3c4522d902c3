import { describe, expect, it } from 'vitest';
import { isCandidatePath } from './candidates';

describe('which files of a folder are read', () => {
  it('reads *.json outside tool and VCS folders, whatever the separator', () => {
    expect(isCandidatePath('tests/x/recordings/a.json')).toBe(true);
    expect(isCandidatePath('tests/x/recordings/A.JSON')).toBe(true);
    expect(isCandidatePath('node_modules/x/a.json')).toBe(false);
    expect(isCandidatePath('repo/.venv/a.json')).toBe(false);
    expect(isCandidatePath('repo\\.git\\a.json')).toBe(false);
    expect(isCandidatePath('index.sqlite')).toBe(false);
  });
});
