import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../output';
import { cacheDirectory, IndexCache } from './cache';
import { createParsePool, type ParsePool } from './parsePool';

/** The worker bundle sits next to the command line's bundle (see scripts/build-cli.mjs). */
export function workerBundleUrl(): URL {
  return new URL('./index-worker.mjs', import.meta.url);
}

/** Identifies the parser that produced cached entries: any rebuild invalidates the cache. */
function buildId(workerUrl: URL): string {
  const file = fileURLToPath(workerUrl);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) : 'unbuilt';
}

export function createIndexing({ useCache }: { useCache: boolean }): { pool: ParsePool; openCache: (root: string) => IndexCache | null } {
  const workerUrl = workerBundleUrl();
  const pool = createParsePool(workerUrl);
  const id = buildId(workerUrl);
  const directory = cacheDirectory();
  return { pool, openCache: (root) => (useCache ? new IndexCache(directory, root, id) : null) };
}

/** A folder argument that exists and is a folder, or a usage error naming it. */
export async function requireFolder(argument: string | undefined, role: string, command: string): Promise<string> {
  if (!argument) throw new UsageError(`${role} is missing`, command);
  const resolved = path.resolve(argument);
  const stat = await fs.stat(resolved).catch(() => null);
  if (!stat) throw new UsageError(`folder not found: ${argument}`, command);
  if (!stat.isDirectory()) throw new UsageError(`not a folder: ${argument}`, command);
  return resolved;
}
