import { UsageError } from '../output';
import { walkFolder, type WalkResult } from './walk';

/**
 * Lists a folder for a command that needs at least one recording in it (`*.json`, and
 * with `cassettes` VCR cassettes too); an empty folder is a usage error.
 */
export function listRecordingFiles(root: string, argument: string, command: string, { cassettes = false }: { cassettes?: boolean } = {}): WalkResult {
  const walked = walkFolder(root, { cassettes });
  if (walked.files.length === 0) {
    throw new UsageError(
      `no *.json files${cassettes ? ' or cassettes' : ''} in ${argument}${walked.skippedCount ? ` (${walked.skippedCount} other files)` : ''}: point it at a recordings folder, a suite, tests/integration or a checkout`,
      command,
    );
  }
  return walked;
}
