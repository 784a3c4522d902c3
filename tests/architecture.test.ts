import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The architecture rules are lint rules; these probes prove the rules bite.
 * Each probe is linted as if it lived at a path inside src/ (the imports it
 * names are real files, resolved as the app's own imports are).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('architecture lint', () => {
  it('fails a core module importing a feature, with either relative depth', async () => {
    const deep = await ruleIdsFor('src/core/recording/probe.ts', "export { RecordingList } from '../../features/browse/RecordingList';\n");
    expect(deep).toContain('import-x/no-restricted-paths');
    const state = await ruleIdsFor('src/core/probe.ts', "export { useFolderState } from '../state/folderStore';\n");
    expect(state).toContain('import-x/no-restricted-paths');
    const shallow = await ruleIdsFor('src/core/probe.ts', "export { Player } from '../features/playback';\n");
    expect(shallow).toContain('import-x/no-restricted-paths');
  });

  it('fails a core module importing React', async () => {
    expect(await ruleIdsFor('src/core/probe.ts', "export { useState } from 'react';\n")).toContain('no-restricted-imports');
  });

  it("fails a feature importing another feature's internals, and passes it through the public index", async () => {
    const internal = await ruleIdsFor('src/features/compare/probe.ts', "export { RecordingView } from '../recording/RecordingView';\n");
    expect(internal).toContain('import-x/no-restricted-paths');
    const publicFace = await ruleIdsFor('src/features/compare/probe.ts', "export { RecordingView } from '../recording';\n");
    expect(publicFace).toEqual([]);
    const ownInternals = await ruleIdsFor('src/features/recording/probe.ts', "export { RecordingView } from './RecordingView';\n");
    expect(ownInternals).toEqual([]);
  });

  it('fails shared UI or state importing a feature or the app', async () => {
    expect(await ruleIdsFor('src/shared/ui/probe.ts', "export { NoFolder } from '../../features/open-folder';\n")).toContain('import-x/no-restricted-paths');
    expect(await ruleIdsFor('src/state/probe.ts', "export { App } from '../app/App';\n")).toContain('import-x/no-restricted-paths');
  });

  describe('cycles', () => {
    // A cycle needs two files on disk that import each other: written for the test, removed after.
    const dir = path.join(root, 'src', 'core', `__cycle_probe_${process.pid}`);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails an import cycle', async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
      expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    });
  });
});
