import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FROM_CACHE_HEADER, SERVER_API_PREFIX, type FolderChangeEvent, type ServedSession, type ServedSide } from '../../src/core/served-folder/protocol';
import { encodeBundleFrame } from '../../src/core/served-folder/bundle';
import { compress, type AcceptedEncodings, type BodyEncoding } from '../encoding';
import { MAX_TEXT_BYTES, tooLargeReason } from '../../src/core/recording/fileBytes';
import { isInside } from '../folder/walk';
import { UsageError } from '../output';
import type { FolderIndex } from '../folder/folderIndex';
import { cookieToken, isLoopbackHost, newToken, safeRelativePath, sameToken, tokenCookie } from './security';
import { CONTENT_SECURITY_POLICY } from '../../src/config/contentSecurityPolicy';

/**
 * Used only when the built app carries no policy of its own (it always does
 * when built by `npm run build`; this mirrors vite.config.ts).
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const ASSET_EXTENSIONS = /\.(m?js|css|map|svg|png|ico|woff2?|txt)$/i;

/** Text assets worth compressing; source maps are left on disk (only devtools asks for them). */
const COMPRESSIBLE = /\.(m?js|css|svg|html|json|txt)$/i;

interface MemoryAsset {
  type: string;
  /** The file as built, and compressed where that makes it smaller. */
  bodies: Partial<Record<BodyEncoding, Buffer>>;
}

/**
 * The app's script and style chunks, read and compressed once at start-up
 * (while the folder is indexed): the page's first requests are answered from
 * memory, a third of the bytes, without touching the disk. Vite names every
 * asset by its content hash, so they never change while the server runs.
 */
async function loadMemoryAssets(appRoot: string): Promise<Map<string, MemoryAsset>> {
  const assets = new Map<string, MemoryAsset>();
  const directory = path.join(appRoot, 'assets');
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => COMPRESSIBLE.test(name))
      .map(async (name) => {
        const identity = await fs.readFile(path.join(directory, name)).catch(() => null);
        if (!identity) return;
        const bodies: MemoryAsset['bodies'] = { identity };
        await Promise.all(
          (['br', 'gzip'] as const).map(async (encoding) => {
            const compressed = await compress(identity, encoding, 'smaller').catch(() => null);
            if (compressed && compressed.length < identity.length) bodies[encoding] = compressed;
          }),
        );
        const type = CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
        assets.set(`assets/${name}`, { type, bodies });
      }),
  );
  return assets;
}

export interface ServeOptions {
  /** The built app (`dist/`). */
  appDir: string;
  folders: { head: FolderIndex; base: FolderIndex | null };
  /** Resolves once both folders are indexed; index requests wait for it. */
  ready: Promise<void>;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** Sends a change to every open page. */
  broadcast(event: FolderChangeEvent): void;
  close(): Promise<void>;
}

/**
 * The local server behind `recording-inspector DIR`: the built app, the
 * folder's index in one compressed response, and each file's bytes on demand.
 * Bound to 127.0.0.1; read-only; every request needs the token (see security.ts).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const indexHtml = await fs.readFile(path.join(options.appDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`the built app was not found in ${options.appDir}: run \`npm run build\` first`);
  });
  const appRoot = await fs.realpath(options.appDir);
  const memoryAssets = await loadMemoryAssets(appRoot);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(indexHtml)?.[1] ?? CONTENT_SECURITY_POLICY;
  const eventClients = new Set<ServerResponse>();
  let port = 0;

  const session: ServedSession = {
    head: { name: options.folders.head.name },
    base: options.folders.base ? { name: options.folders.base.name } : null,
  };
  // No inline script is allowed (CSP), so the page learns it is served by the
  // command line from a meta tag, and the index download starts with the HTML.
  const servedHtml = indexHtml.replace(
    '</head>',
    `  <meta name="recording-inspector-session" content="${escapeAttribute(JSON.stringify(session))}" />\n` +
      `    <link rel="preload" href="${SERVER_API_PREFIX}index/head" as="fetch" crossorigin />\n  </head>`,
  );

  const securityHeaders = (response: ServerResponse) => {
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  };

  const fail = (response: ServerResponse, status: number, message: string) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(`${message}\n`);
  };

  const folderFor = (side: string): FolderIndex | null =>
    side === 'head' ? options.folders.head : side === 'base' ? options.folders.base : null;

  /** A body already in one of the encodings the request accepts. */
  const sendEncoded = (
    request: IncomingMessage,
    response: ServerResponse,
    { encoding, body }: { encoding: BodyEncoding; body: Buffer },
    headers: Record<string, string>,
  ) => {
    response.writeHead(200, {
      ...headers,
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const sendIndex = async (request: IncomingMessage, response: ServerResponse, side: ServedSide) => {
    const folder = folderFor(side);
    if (!folder) return fail(response, 404, `no ${side} folder is served`);
    await options.ready;
    sendEncoded(request, response, await folder.indexBody(acceptedEncodings(request)), {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      [FROM_CACHE_HEADER]: String(folder.fromCacheCount()),
    });
  };

  const sendKeys = async (request: IncomingMessage, response: ServerResponse, side: ServedSide) => {
    const folder = folderFor(side);
    if (!folder) return fail(response, 404, `no ${side} folder is served`);
    await options.ready;
    sendEncoded(request, response, await folder.keysBody(acceptedEncodings(request)), { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  };

  const sendFolderFile = async (request: IncomingMessage, response: ServerResponse, side: string, encodedPath: string) => {
    const folder = folderFor(side);
    const relative = safeRelativePath(encodedPath);
    if (!folder || !relative) return fail(response, 404, 'not found');
    await options.ready;
    // Only files the index knows are served, and only when their real path is still inside the folder.
    const known = folder.fileFor(relative);
    if (!known) return fail(response, 404, `${relative} is not a recording file of this folder`);
    const real = await fs.realpath(known.absolute).catch(() => null);
    if (!real || !isInside(folder.root, real)) return fail(response, 404, `${relative} is no longer inside the served folder`);
    const stat = await fs.stat(real).catch(() => null);
    if (!stat?.isFile()) return fail(response, 404, `${relative} was deleted`);
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
      'Last-Modified': stat.mtime.toUTCString(),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(real).on('error', () => response.destroy()).pipe(response);
  };

  /**
   * Every listed file of a side as one stream of frames (see core/served-folder/bundle.ts),
   * under the same rules as a single file: only files the index knows, only while their
   * real path is inside the folder. A file that cannot be read is a frame saying why.
   */
  const sendBundle = async (request: IncomingMessage, response: ServerResponse, side: ServedSide) => {
    const folder = folderFor(side);
    if (!folder) return fail(response, 404, `no ${side} folder is served`);
    await options.ready;
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
    if (request.method === 'HEAD') return response.end();
    let closed = false;
    response.on('close', () => (closed = true));
    for (const file of folder.listedFiles()) {
      if (closed) return;
      let content: { bytes: Uint8Array } | { error: string };
      const real = await fs.realpath(file.absolute).catch(() => null);
      const size = real ? (await fs.stat(real).catch(() => null))?.size : undefined;
      if (!real || !isInside(folder.root, real)) content = { error: 'no longer inside the served folder' };
      // The page could not decode it anyway; it would only cost the memory of a copy on both ends.
      else if (size !== undefined && size > MAX_TEXT_BYTES) content = { error: tooLargeReason(size) };
      else {
        try {
          content = { bytes: await fs.readFile(real) };
        } catch (error) {
          content = { error: `could not read the file: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
      let writable = true;
      for (const part of encodeBundleFrame(file.path, content)) writable = response.write(part) && writable;
      // Back-pressure: a slow page must not make the server hold a whole folder in memory.
      if (!writable && !closed) await new Promise<void>((resolve) => response.once('drain', resolve).once('close', resolve));
    }
    response.end();
  };

  const openEvents = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventClients.add(response);
    request.on('close', () => eventClients.delete(response));
  };

  const sendMemoryAsset = (request: IncomingMessage, response: ServerResponse, asset: MemoryAsset) => {
    const accepts = acceptedEncodings(request);
    const encoding = accepts.br && asset.bodies.br ? 'br' : accepts.gzip && asset.bodies.gzip ? 'gzip' : 'identity';
    sendEncoded(request, response, { encoding, body: asset.bodies[encoding]! }, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  };

  const sendAppFile = async (request: IncomingMessage, response: ServerResponse, pathname: string) => {
    const relative = pathname === '/' ? null : safeRelativePath(pathname.slice(1));
    const inMemory = relative ? memoryAssets.get(relative) : undefined;
    if (inMemory) return sendMemoryAsset(request, response, inMemory);
    if (relative) {
      const candidate = path.join(appRoot, relative);
      const real = await fs.realpath(candidate).catch(() => null);
      const stat = real && isInside(appRoot, real) ? await fs.stat(real).catch(() => null) : null;
      if (real && stat?.isFile() && relative !== 'index.html') {
        const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
        // Vite puts a content hash in every asset name, so those never change.
        const immutable = relative.startsWith('assets/');
        response.writeHead(200, {
          'Content-Type': type,
          'Content-Length': stat.size,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        if (request.method === 'HEAD') return response.end();
        createReadStream(real).on('error', () => response.destroy()).pipe(response);
        return;
      }
      // A missing script or asset is an error, not the app (the browser would try to run HTML as
      // script); a recording's route (/r/….json) is the app.
      if (relative.startsWith('assets/') || ASSET_EXTENSIONS.test(relative)) return fail(response, 404, 'not found');
    }
    // Every app route (/, /browse, /r/…, /compare) is the single-page app.
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : servedHtml);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    securityHeaders(response);
    if (!isLoopbackHost(request.headers.host, port)) {
      return fail(response, 421, `This server answers only to 127.0.0.1:${port}.`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return fail(response, 405, 'This server is read-only.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!sameToken(queryToken, token)) return fail(response, 403, 'Wrong token: open the URL that recording-inspector printed.');
      // The token moves to a cookie and out of the address bar (and history).
      url.searchParams.delete('token');
      const target = (url.pathname === '/' ? '/browse' : url.pathname) + url.search;
      response.writeHead(303, { Location: target, 'Set-Cookie': tokenCookie(port, token), 'Cache-Control': 'no-store' });
      return response.end();
    }
    if (!sameToken(cookieToken(request, port), token)) {
      return fail(response, 403, 'Missing token: open the URL that recording-inspector printed (it carries the access token).');
    }
    const pathname = url.pathname;
    if (pathname.startsWith(SERVER_API_PREFIX)) {
      const route = pathname.slice(SERVER_API_PREFIX.length);
      if (route === 'session') {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return response.end(JSON.stringify(session));
      }
      if (route === 'events') return openEvents(request, response);
      const index = /^index\/(head|base)$/.exec(route);
      if (index) return sendIndex(request, response, index[1] as ServedSide);
      const keys = /^keys\/(head|base)$/.exec(route);
      if (keys) return sendKeys(request, response, keys[1] as ServedSide);
      const bundle = /^bundle\/(head|base)$/.exec(route);
      if (bundle) return sendBundle(request, response, bundle[1] as ServedSide);
      const file = /^file\/([^/]+)\/(.+)$/.exec(route);
      if (file) return sendFolderFile(request, response, file[1]!, file[2]!);
      return fail(response, 404, 'not found');
    }
    return sendAppFile(request, response, pathname);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) fail(response, 500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${options.port} is already in use: choose another with --port, or leave --port out for any free one`, 'serve'));
      else if (error.code === 'EACCES') reject(new UsageError(`port ${options.port} needs privileges: choose one above 1023`, 'serve'));
      else reject(error);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => {
    for (const client of eventClients) client.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    broadcast(event) {
      const message = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
      for (const client of eventClients) client.write(message);
    },
    async close() {
      clearInterval(keepAlive);
      for (const client of eventClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function acceptedEncodings(request: IncomingMessage): AcceptedEncodings {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  return { br: /\bbr\b/.test(accepted), gzip: /\bgzip\b/.test(accepted) };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
