/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem with what the user typed or pointed at: printed with the command's usage hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Progress {
  /** Shows `done / total` for a phase: a bar on a terminal, nothing in between on a pipe. */
  update(label: string, done: number, total: number): void;
  /** A line of information (not the command's result, which goes to stdout). */
  note(message: string): void;
  /** Ends the current bar. */
  end(): void;
}

const BAR_WIDTH = 28;
const REDRAW_MS = 80;

/**
 * Progress and notes go to stderr, so stdout stays the command's result
 * (JSON, Markdown) and can be piped. `--quiet` silences all of it.
 */
export function createProgress({ quiet, stream = process.stderr }: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const tty = Boolean(stream.isTTY);
  let barShown = false;
  let lastDraw = 0;
  let announced = '';
  const clearBar = () => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  };
  return {
    update(label, done, total) {
      if (quiet) return;
      if (!tty) {
        // A pipe or a CI log gets one line per phase, not a redraw per file.
        if (announced !== label) {
          announced = label;
          stream.write(`${label}: ${total.toLocaleString('en')} files…\n`);
        }
        return;
      }
      const now = Date.now();
      if (done < total && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const filled = total ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      stream.write(`\r\x1b[2K${label} ${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
      barShown = true;
    },
    note(message) {
      if (quiet) return;
      clearBar();
      stream.write(`${message}\n`);
    },
    end() {
      if (!quiet) clearBar();
    },
  };
}
