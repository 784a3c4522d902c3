import { spawn } from 'node:child_process';

/**
 * Opens the URL in the default browser. Never fails: on a machine without a
 * desktop (no xdg-open) the printed URL is all the user needs.
 */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser launcher: the URL is printed anyway */
  }
}
