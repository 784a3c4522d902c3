import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FolderIndex } from '../folder/folderIndex';
import { createIndexing, requireFolder } from '../folder/openFolder';
import { createProgress, EXIT_OK, UsageError } from '../output';
import { openBrowser } from '../serve/openBrowser';
import { startServer } from '../serve/server';
import { watchFolder } from '../serve/watch';

export const SERVE_HELP = `Usage: recording-inspector [serve] DIR [--port N] [--no-open] [--compare BASE] [--quiet]

Indexes DIR (progress on stderr), then serves the app and DIR on
http://127.0.0.1, prints the URL and opens it in your browser: the page lists
DIR at once, in any browser, and follows changes on disk.

Options:
  --port N          listen on port N (default: any free port)
  --no-open         print the URL but do not open a browser
  --compare BASE    also serve BASE, so Compare shows BASE (before) vs DIR (after)
  --no-cache        read every file again instead of using the on-disk index cache
  --quiet           no progress or notes on stderr (the URL is still printed)
  -h, --help        this help

Only this machine can connect (127.0.0.1), and only with the random token in
the printed URL; the server never writes to DIR. Press Ctrl+C to stop.`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      compare: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`one folder expected, got ${positionals.length}`, 'serve');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`, 'serve');
  const headDir = await requireFolder(positionals[0], 'DIR', 'serve');
  const baseDir = values.compare === undefined ? null : await requireFolder(values.compare, 'BASE (--compare)', 'serve');

  const progress = createProgress({ quiet: values.quiet });
  const { pool, openCache } = createIndexing({ useCache: !values['no-cache'] });
  const head = new FolderIndex('head', headDir, pool, openCache);
  const base = baseDir ? new FolderIndex('base', baseDir, pool, openCache) : null;
  const startedAt = performance.now();
  // Indexing starts before the server listens, so the page finds it under way or done.
  const ready = (async () => {
    await head.load(({ done, total }) => progress.update(`indexing ${head.name}`, done, total));
    if (base) await base.load(({ done, total }) => progress.update(`indexing ${base.name} (base)`, done, total));
  })();
  ready.catch(() => undefined);

  const appDir = process.env.RECORDING_INSPECTOR_APP_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  let server;
  try {
    server = await startServer({ appDir, folders: { head, base }, ready, port });
  } catch (error) {
    // The indexing under way must not keep the process alive after the failure is reported.
    await pool.close();
    throw error;
  }
  const stopWatching: (() => void)[] = [];
  try {
    await ready;
  } catch (error) {
    await server.close();
    await pool.close();
    throw error;
  }
  progress.end();
  for (const folder of base ? [head, base] : [head]) {
    const counts = folder.counts();
    if (counts.files === 0) {
      progress.note(`note: ${folder.requestedRoot} holds no *.json files yet; the page will list them as they appear.`);
    }
    progress.note(
      `${folder.name}${folder.side === 'base' ? ' (base)' : ''}: ${counts.entries.toLocaleString('en')} recordings, ${counts.errors.toLocaleString('en')} not recordings` +
        (counts.fromCache ? `, ${counts.fromCache.toLocaleString('en')} from cache` : ''),
    );
    stopWatching.push(
      watchFolder(
        folder,
        (event) => {
          server.broadcast(event);
          progress.note(`changed in ${folder.name}: ${event.changed.length + event.removed.length} file(s)`);
        },
        (message) => progress.note(`warning: ${message}`),
      ),
    );
  }
  // The compressed index is made now, not on the page's first request.
  await Promise.all((base ? [head, base] : [head]).map((folder) => folder.indexBody({ br: true, gzip: true })));
  progress.note(`indexed in ${Math.round(performance.now() - startedAt).toLocaleString('en')} ms · serving until Ctrl+C`);
  // The URL is printed (and the browser opened) once the index is ready and the folder is
  // watched (setting up a recursive watch blocks for about 0.1 s per 3,000 files), so the
  // page lists the whole folder the moment it loads; the progress bar on stderr covers the wait.
  // stdout carries the URL alone, so scripts can read it.
  process.stdout.write(`${server.url}\n`);
  if (!values['no-open']) openBrowser(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const stop of stopWatching) stop();
  await server.close();
  await Promise.all((base ? [head, base] : [head]).map((folder) => folder.flushCache()));
  await pool.close();
  return EXIT_OK;
}
