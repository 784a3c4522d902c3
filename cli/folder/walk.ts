import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isCandidatePath, isJsonRecordingPath, SKIPPED_FOLDERS } from '../../src/core/recording/candidates';

export interface WalkedFile {
  /** Relative to the root, `/` separators. */
  path: string;
  absolute: string;
  size: number;
  lastModified: number;
  /** Exact modification time, for the cache key (`lastModified` is whole milliseconds, as a browser reports it). */
  mtimeMs: number;
}

export interface WalkResult {
  /** The root's real path (symlinks resolved). */
  root: string;
  files: WalkedFile[];
  /** Files that are not `*.json` (counted, not listed). */
  skippedCount: number;
}

/** True when `candidate` (a real path) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists every `*.json` under `root`, skipping vendored folders like the app
 * does. Synchronous on purpose: thousands of `stat`s through the thread pool
 * cost about ten times more than in one loop. A symbolic link is followed only
 * when its target stays inside the root, and each real folder is listed once,
 * so a link cannot lead out of the folder or round in a loop.
 */
export function walkFolder(requestedRoot: string, { cassettes = false }: { cassettes?: boolean } = {}): WalkResult {
  // Serving a folder reads VCR cassettes too; `verify` and `diff` are about llama-stack JSON recordings.
  const wanted = cassettes ? isCandidatePath : isJsonRecordingPath;
  const root = realpathSync(requestedRoot);
  const files: WalkedFile[] = [];
  const seenFolders = new Set<string>([root]);
  let skippedCount = 0;

  const addFile = (absolute: string, relative: string) => {
    if (!wanted(relative)) {
      skippedCount++;
      return;
    }
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat?.isFile()) return;
    files.push({ path: relative, absolute, size: stat.size, lastModified: Math.trunc(stat.mtimeMs), mtimeMs: stat.mtimeMs });
  };

  const visit = (folder: string, prefix: string) => {
    let children;
    try {
      children = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // unreadable folder: its files are simply not listed
    }
    for (const child of children) {
      const absolute = path.join(folder, child.name);
      const relative = prefix + child.name;
      if (child.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(child.name)) visit(absolute, `${relative}/`);
      } else if (child.isFile()) {
        addFile(absolute, relative);
      } else if (child.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          continue; // dangling link
        }
        if (!isInside(root, target)) continue;
        const stat = statSync(target, { throwIfNoEntry: false });
        if (stat?.isDirectory()) {
          if (SKIPPED_FOLDERS.has(child.name) || seenFolders.has(target)) continue;
          seenFolders.add(target);
          visit(target, `${relative}/`);
        } else if (stat?.isFile()) {
          addFile(target, relative);
        }
      }
    }
  };
  visit(root, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, skippedCount };
}
