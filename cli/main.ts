/**
 * `recording-inspector`: the command line. Serves a folder to the app, checks
 * replay keys (verify) and summarises the recordings a change touched (diff),
 * all with the same pure core the app runs in the browser.
 */
import { serveCommand, SERVE_HELP } from './commands/serve';
import { diffCommand, DIFF_HELP } from './commands/diff';
import { verifyCommand, VERIFY_HELP } from './commands/verify';
import { EXIT_USAGE, UsageError } from './output';

const MAIN_HELP = `Usage: recording-inspector <command> [options]

Commands:
  [serve] DIR          serve DIR to the app in your browser (the default command)
  verify DIR           replay-key verdicts for every recording; exit 1 if any is dead
  diff BASE HEAD       review what changed between two recordings folders
  diff --git REPO A..B the same between two commits of a git repository

Run "recording-inspector <command> --help" for a command's options.

${SERVE_HELP}`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  verify: { run: verifyCommand, help: VERIFY_HELP },
  diff: { run: diffCommand, help: DIFF_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(`${topic ? topic.help : MAIN_HELP}\n`);
    return first === undefined ? EXIT_USAGE : 0;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`${__RECORDING_INSPECTOR_VERSION__}\n`);
    return 0;
  }
  const named = COMMANDS[first];
  const command = named ? first : 'serve';
  try {
    return await (named ? named.run(rest) : serveCommand(argv));
  } catch (error) {
    // A command that failed may leave work under way (indexing workers, watchers, timers):
    // the error is the answer, so the process ends once it is written.
    failed = true;
    if (error instanceof UsageError || isParseArgsError(error)) {
      const name = error instanceof UsageError ? (error.command ?? command) : command;
      process.stderr.write(`recording-inspector ${name}: ${(error as Error).message}\nRun "recording-inspector ${name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`recording-inspector ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

declare const __RECORDING_INSPECTOR_VERSION__: string;

let failed = false;

// `… | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (failed) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`recording-inspector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
