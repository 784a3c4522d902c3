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

  it('reads VCR cassettes too: *.yaml, *.yml, gzipped or not, any case', () => {
    for (const name of ['c/test_a.yaml', 'c/test_a.YML', 'c/test_a.yaml.gz', 'c/test_a.yml.GZ']) expect(isCandidatePath(name)).toBe(true);
    expect(isCandidatePath('c/test_a.yaml.bz2')).toBe(false);
    expect(isCandidatePath('node_modules/x/c.yaml')).toBe(false);
  });
});
