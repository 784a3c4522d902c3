/**
 * The command line's local server, started for real (the built bin, an
 * ephemeral port) on a folder written here: each guard of its security model,
 * the compressed index, on-demand file bytes, the watch, and the cache location.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderChangeEvent, ServedFolder, ServedKeys } from '../src/core/served-folder/protocol';
import { BundleReader } from '../src/core/served-folder/bundle';
import { buildCli, chatRecording, fakeAppDir, http, loginCookie, startServe, tempDir, writeJson, type ServedProcess } from './cliSupport';

const folder = tempDir('served');
const outside = tempDir('outside');
const cacheDir = tempDir('cache');
const app = fakeAppDir();
const env = { RECORDING_INSPECTOR_APP_DIR: app.dir, RECORDING_INSPECTOR_CACHE_DIR: cacheDir };
const RECORDING = 'tests/integration/demo/recordings/aaa.json';
// A script chunk big enough to be worth compressing, as Vite's are.
const BIG_ASSET = 'assets/chunk-def456.js';
const bigAssetText = Array.from({ length: 2000 }, (_, i) => `export const value${i} = "recording ${i}";`).join('\n');
writeFileSync(path.join(app.dir, BIG_ASSET), bigAssetText);
let served: ServedProcess;
let cookie = '';

beforeAll(async () => {
  buildCli();
  writeJson(folder, RECORDING, chatRecording('tests/integration/demo/test_demo.py::test_one', 'What is 2+2?', 'Four.'));
  writeJson(folder, 'tests/integration/demo/recordings/bbb.json', chatRecording('tests/integration/demo/test_demo.py::test_two', 'Capital of France?', 'Paris.'));
  writeJson(folder, 'notes.json', '{ not json');
  writeJson(outside, 'secret.json', chatRecording('outside::secret', 'secret question', 'SECRET ANSWER'));
  // A link inside the folder pointing out of it must be neither listed nor served.
  symlinkSync(path.join(outside, 'secret.json'), path.join(folder, 'escape.json'));
  symlinkSync(outside, path.join(folder, 'escape-dir'));
  served = await startServe([folder, '--quiet'], env);
  cookie = await loginCookie(served);
}, 60_000);

afterAll(async () => {
  await served?.stop();
});

const withCookie = () => ({ headers: { Cookie: cookie } });

describe('token', () => {
  it('the printed URL is on 127.0.0.1 with a long random token', () => {
    expect(served.url.hostname).toBe('127.0.0.1');
    expect(served.token.length).toBeGreaterThanOrEqual(32);
  });

  it('the token in the URL becomes an HttpOnly, SameSite=Strict cookie, and the address bar loses it', async () => {
    const login = await http(served.port, `/?token=${served.token}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/browse');
    const setCookie = String(login.headers['set-cookie']?.[0]);
    expect(setCookie).toContain(`=${served.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('a deep link keeps its path after the token is exchanged', async () => {
    const login = await http(served.port, `/r/x.json?chunk=2&token=${served.token}`);
    expect(login.headers.location).toBe('/r/x.json?chunk=2');
  });

  it('without the token nothing is served: not the page, not the index, not a file', async () => {
    for (const target of ['/', '/browse', '/__ri/index/head', `/__ri/file/head/${RECORDING}`, '/__ri/events', '/assets/app-abc123.js']) {
      const response = await http(served.port, target);
      expect(response.status, target).toBe(403);
      expect(response.body.toString()).not.toContain('Four.');
    }
  });

  it('a wrong token or cookie is refused', async () => {
    expect((await http(served.port, '/?token=not-the-token')).status).toBe(403);
    const forged = `${cookie.split('=')[0]}=${'x'.repeat(served.token.length)}`;
    expect((await http(served.port, '/__ri/index/head', { headers: { Cookie: forged } })).status).toBe(403);
  });
});

describe('host and address', () => {
  it('a request naming another host (DNS rebinding) is refused, even with the cookie and token', async () => {
    const rebound = await http(served.port, '/__ri/index/head', { host: `evil.example:${served.port}`, ...withCookie() });
    expect(rebound.status).toBe(421);
    const withToken = await http(served.port, `/?token=${served.token}`, { host: 'evil.example' });
    expect(withToken.status).toBe(421);
  });

  it('localhost with the right port is accepted', async () => {
    expect((await http(served.port, '/__ri/session', { host: `localhost:${served.port}`, ...withCookie() })).status).toBe(200);
  });

  it('listens on the loopback interface only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) {
      console.warn('no non-loopback IPv4 interface on this machine: the bind address is checked through the URL only');
      return;
    }
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external.address, port: served.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('read-only', () => {
  it('every method but GET and HEAD is refused, and the folder is unchanged', async () => {
    const before = readFileSync(path.join(folder, RECORDING), 'utf8');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await http(served.port, `/__ri/file/head/${RECORDING}`, { method, ...withCookie() });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
    expect(readFileSync(path.join(folder, RECORDING), 'utf8')).toBe(before);
  });
});

describe('paths stay inside the folder', () => {
  it('serves a listed file byte for byte', async () => {
    const response = await http(served.port, `/__ri/file/head/${RECORDING}`, withCookie());
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(readFileSync(path.join(folder, RECORDING), 'utf8'));
  });

  it('refuses .. in every spelling', async () => {
    for (const target of [
      '/__ri/file/head/../../etc/passwd',
      '/__ri/file/head/..%2F..%2Fetc%2Fpasswd',
      '/__ri/file/head/tests/%2e%2e/%2e%2e/notes.json',
      '/__ri/file/head/tests%5C..%5C..%5Cnotes.json',
      '/__ri/file/head/%00.json',
      '/__ri/file/base/notes.json',
    ]) {
      const response = await http(served.port, target, withCookie());
      expect(response.status, target).toBe(404);
    }
  });

  it('a symbolic link leading out of the folder is neither listed nor served', async () => {
    const index = await http(served.port, '/__ri/index/head', withCookie());
    const listed = (JSON.parse(index.body.toString()) as ServedFolder).files.map((file) => file.path);
    expect(listed).not.toContain('escape.json');
    expect(listed.some((p) => p.startsWith('escape-dir/'))).toBe(false);
    for (const target of ['/__ri/file/head/escape.json', '/__ri/file/head/escape-dir/secret.json']) {
      const response = await http(served.port, target, withCookie());
      expect(response.status, target).toBe(404);
      expect(response.body.toString()).not.toContain('SECRET');
    }
  });

  it('app routes outside the app folder are refused too', async () => {
    const response = await http(served.port, '/assets/..%2F..%2Fetc%2Fpasswd', withCookie());
    expect(response.body.toString()).not.toContain('root:');
  });
});

describe('the page and its policy', () => {
  it('every response carries the same CSP as the built app', async () => {
    for (const target of ['/browse', '/__ri/index/head', '/assets/app-abc123.js', '/nope']) {
      const response = await http(served.port, target, withCookie());
      expect(response.headers['content-security-policy'], target).toBe(app.csp);
    }
    const refused = await http(served.port, '/');
    expect(refused.headers['content-security-policy']).toBe(app.csp);
  });

  it('any app route is the app, told by a meta tag which folder it serves', async () => {
    const page = await http(served.port, '/r/some/deep/link.json', withCookie());
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).toContain(`content="${app.csp}"`);
    expect(html).toContain('name="recording-inspector-session"');
    expect(html).toContain(path.basename(folder));
    expect(html).not.toMatch(/<script>/);
  });
});

describe('the app', () => {
  it('script chunks come compressed when the browser accepts it, byte for byte the built file, cached for good', async () => {
    const plain = await http(served.port, `/${BIG_ASSET}`, withCookie());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.body.toString()).toBe(bigAssetText);
    const br = await http(served.port, `/${BIG_ASSET}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(bigAssetText.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(bigAssetText);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    const gz = await http(served.port, `/${BIG_ASSET}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bigAssetText);
  });

  it('an asset that does not exist is a 404, not the app', async () => {
    const missing = await http(served.port, '/assets/chunk-missing.js', withCookie());
    expect(missing.status).toBe(404);
  });
});

describe('the bundle (every file of a side at once, for Compare)', () => {
  it('holds each listed file byte for byte, a file outside the folder never, and needs the token', async () => {
    expect((await http(served.port, '/__ri/bundle/head')).status).toBe(403);
    const response = await http(served.port, '/__ri/bundle/head', withCookie());
    expect(response.status).toBe(200);
    const reader = new BundleReader();
    const frames = reader.push(new Uint8Array(response.body));
    expect(reader.finish()).toBe(true);
    const byPath = new Map(frames.map((frame) => [frame.path, frame]));
    expect([...byPath.keys()].sort()).toEqual(['notes.json', RECORDING, 'tests/integration/demo/recordings/bbb.json'].sort());
    expect(Buffer.from(byPath.get(RECORDING)!.bytes!).toString()).toBe(readFileSync(path.join(folder, RECORDING), 'utf8'));
    expect(response.body.toString()).not.toContain('SECRET ANSWER');
    expect((await http(served.port, '/__ri/bundle/base', withCookie())).status).toBe(404);
  });
});

describe('the index', () => {
  it('comes in one compressed response (brotli, else gzip) with every file, entry and error', async () => {
    const gzipped = await http(served.port, '/__ri/index/head', { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const response = await http(served.port, '/__ri/index/head', { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gzipped.body).toString()).toBe(brotliDecompressSync(response.body).toString());
    const index = JSON.parse(brotliDecompressSync(response.body).toString()) as ServedFolder;
    expect(index.name).toBe(path.basename(folder));
    expect(index.entries.map((entry) => entry.path)).toEqual([RECORDING, 'tests/integration/demo/recordings/bbb.json']);
    expect(index.entries[0]!.testId).toBe('tests/integration/demo/test_demo.py::test_one');
    expect(index.errors.map((error) => error.path)).toEqual(['notes.json']);
    expect(index.errors[0]!.reason).toMatch(/not valid JSON/);
  });

  it('lists entries without replay keys, which follow from keys/head (token required)', async () => {
    const index = JSON.parse((await http(served.port, '/__ri/index/head', withCookie())).body.toString()) as ServedFolder;
    expect(index.keysPending).toBe(true);
    expect(index.entries.some((entry) => 'replayKey' in entry)).toBe(false);
    expect((await http(served.port, '/__ri/keys/head')).status).toBe(403);
    const keys = JSON.parse((await http(served.port, '/__ri/keys/head', withCookie())).body.toString()) as ServedKeys;
    expect(Object.keys(keys.keys).sort()).toEqual(index.entries.map((entry) => entry.path).sort());
    // Not named by a request hash: no key, and the reason says why.
    expect(keys.keys[RECORDING]).toMatchObject({ verdict: null, nameHash: null });
    expect(keys.keys[RECORDING]!.noKeyReason).toBeTruthy();
  });

  it('is cached in the cache folder, never in the served folder', async () => {
    // Written shortly after the load, off the page's critical path.
    await expect.poll(() => readdirSync(cacheDir).some((name) => name.endsWith('.v8'))).toBe(true);
    const listing = readdirSync(folder, { recursive: true }).map(String);
    expect(listing.filter((name) => /cache|\.v8|\.tmp/.test(name))).toEqual([]);
  });

  it('a second server on the same folder reuses the cache', async () => {
    const second = await startServe([folder], env);
    try {
      const secondCookie = await loginCookie(second);
      for (const encoding of ['gzip', 'br', 'identity']) {
        const response = await http(second.port, '/__ri/index/head', { headers: { Cookie: secondCookie, 'Accept-Encoding': encoding } });
        expect(response.headers['x-recording-inspector-from-cache'], encoding).toBe('3');
        const body = encoding === 'gzip' ? gunzipSync(response.body) : encoding === 'br' ? brotliDecompressSync(response.body) : response.body;
        const index = JSON.parse(body.toString()) as ServedFolder;
        expect(index.entries.map((entry) => entry.preview), encoding).toEqual(['Four.', 'Paris.']);
      }
    } finally {
      await second.stop();
    }
  });
  it('a file changed while no server ran is read again on restart; the rest comes from the cache', async () => {
    const own = tempDir('restart');
    const ownCache = tempDir('restart-cache');
    writeJson(own, 'recordings/one.json', chatRecording('t::one', 'One?', 'First answer.'));
    writeJson(own, 'recordings/two.json', chatRecording('t::two', 'Two?', 'Second answer.'));
    const read = async () => {
      const server = await startServe([own, '--quiet'], { ...env, RECORDING_INSPECTOR_CACHE_DIR: ownCache });
      try {
        const login = await http(server.port, `/?token=${server.token}`);
        const headers = { Cookie: String(login.headers['set-cookie']?.[0]).split(';')[0]!, 'Accept-Encoding': 'br' };
        const response = await http(server.port, '/__ri/index/head', { headers });
        const index = JSON.parse(brotliDecompressSync(response.body).toString()) as ServedFolder;
        return { fromCache: response.headers['x-recording-inspector-from-cache'], previews: index.entries.map((entry) => entry.preview) };
      } finally {
        await server.stop();
      }
    };
    expect(await read()).toEqual({ fromCache: '0', previews: ['First answer.', 'Second answer.'] });
    expect(await read()).toEqual({ fromCache: '2', previews: ['First answer.', 'Second answer.'] });
    writeJson(own, 'recordings/two.json', chatRecording('t::two', 'Two?', 'A rewritten second answer.'));
    expect(await read()).toEqual({ fromCache: '1', previews: ['First answer.', 'A rewritten second answer.'] });
  });
});

describe('watching the folder', () => {
  it('a file written while a page listens arrives as a server-sent event with its new entry', async () => {
    const events = await openEvents(served.port, cookie);
    try {
      writeJson(folder, 'tests/integration/demo/recordings/ccc.json', chatRecording('tests/integration/demo/test_demo.py::test_three', 'Colour of the sky?', 'Blue.'));
      const event = await events.next((e) => e.changed.some((file) => file.path.endsWith('ccc.json')));
      expect(event.side).toBe('head');
      expect(event.entries.map((entry) => entry.preview)).toContain('Blue.');
      writeFileSync(path.join(folder, 'tests/integration/demo/recordings/ccc.json'), '{ broken');
      const broken = await events.next((e) => e.errors.some((error) => error.path.endsWith('ccc.json')));
      expect(broken.entries).toEqual([]);
    } finally {
      events.close();
    }
  });
});

/** Reads `/__ri/events` as a browser's EventSource would, with the cookie. */
async function openEvents(port: number, cookieHeader: string) {
  const { request } = await import('node:http');
  const received: FolderChangeEvent[] = [];
  const waiters: { match: (event: FolderChangeEvent) => boolean; resolve: (event: FolderChangeEvent) => void }[] = [];
  let buffer = '';
  const req = request({ host: '127.0.0.1', port, path: '/__ri/events', headers: { Cookie: cookieHeader } });
  await new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      expect(res.headers['content-type']).toBe('text/event-stream');
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as FolderChangeEvent;
          received.push(event);
          for (const waiter of [...waiters]) if (waiter.match(event)) waiter.resolve(event);
        }
      });
      resolve();
    });
    req.on('error', reject);
    req.end();
  });
  return {
    next: (match: (event: FolderChangeEvent) => boolean) =>
      new Promise<FolderChangeEvent>((resolve) => {
        const seen = received.find(match);
        if (seen) return resolve(seen);
        waiters.push({ match, resolve });
      }),
    close: () => req.destroy(),
  };
}

it('the served folder still holds only what the test wrote', () => {
  expect(existsSync(path.join(folder, RECORDING))).toBe(true);
});
