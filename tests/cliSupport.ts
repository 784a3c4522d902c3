/**
 * Helpers for the command-line tests: they build the real bundle once and run
 * it as a child process, on folders the tests write themselves.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatRecording as sharedChatRecording } from '../testing/recordings';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = path.join(repoRoot, 'bin', 'recording-inspector.mjs');

let built = false;
/** Bundles cli/ into dist-cli/ (esbuild, well under a second), so the tests run the code as it is now. */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `ri-${prefix}-`));
}

export function writeJson(root: string, relative: string, value: unknown): string {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return full;
}

/** A small non-streamed chat recording of our own (the builder the e2e tests use too). */
export function chatRecording(testId: string, question: string, answer: string) {
  return sharedChatRecording({ testId, question, answer, id: 'rec-1', created: 0 });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServedProcess {
  url: URL;
  port: number;
  token: string;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  stop(): Promise<void>;
}

/** Starts `serve` and waits for the URL it prints on stdout. */
export function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<ServedProcess> {
  const child = spawn(process.execPath, [bin, 'serve', ...args, '--no-open'], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('http://'));
      if (!line) return;
      const url = new URL(line.trim());
      resolve({
        url,
        port: Number(url.port),
        token: url.searchParams.get('token') ?? '',
        child,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('close', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code} before printing a URL: ${stderr}`)));
  });
}

/** Exchanges the printed URL's token for the session cookie, as the browser does; returns `name=value`. */
export async function loginCookie(served: ServedProcess): Promise<string> {
  const login = await http(served.port, `/?token=${served.token}`);
  return String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP request, so tests control every header (Host, Cookie, Accept-Encoding) and the method. */
export function http(
  port: number,
  pathAndQuery: string,
  { method = 'GET', headers = {}, host = `127.0.0.1:${port}` }: { method?: string; headers?: Record<string, string>; host?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathAndQuery, method, headers: { Host: host, ...headers }, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A stand-in for the built app: an index.html with a CSP meta tag, like `vite build` writes, and one asset. */
export function fakeAppDir(): { dir: string; csp: string } {
  const dir = tempDir('app');
  const csp = "default-src 'self'; script-src 'self'; object-src 'none'";
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n  </head>\n  <body><div id="root"></div></body>\n</html>\n`,
  );
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("app");\n');
  return { dir, csp };
}
