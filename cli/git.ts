import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from './output';

const execFileAsync = promisify(execFile);

export interface TreeFile {
  path: string;
  oid: string;
}

async function git(repo: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', ['-C', repo, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new UsageError('git is not installed (or not on PATH); `diff --git` needs it', 'diff');
    throw Object.assign(new Error((failure.stderr ?? failure.message).trim()), { gitFailed: true });
  }
}

/** `A..B` (B against A) or `A...B` (B against where it branched from A), as git diff reads them. */
export async function resolveRange(repo: string, range: string): Promise<{ base: string; head: string; label: string }> {
  const match = /^(.+?)(\.\.\.?)(.+)$/.exec(range);
  if (!match) throw new UsageError(`bad range "${range}": expected A..B (or A...B), e.g. main..my-branch`, 'diff');
  const [, from, dots, to] = match as unknown as [string, string, string, string];
  try {
    await git(repo, ['rev-parse', '--git-dir']);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`not a git repository: ${repo}`, 'diff');
  }
  const commit = async (rev: string) => {
    try {
      return (await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`bad range "${range}": "${rev}" is not a commit in ${repo}`, 'diff');
    }
  };
  const head = await commit(to);
  let base = await commit(from);
  if (dots === '...') base = (await git(repo, ['merge-base', base, head])).trim();
  return { base, head, label: range };
}

/** Every file of a commit's tree (paths from the repository root), without a checkout. */
export async function listTree(repo: string, commit: string): Promise<TreeFile[]> {
  const out = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const files: TreeFile[] = [];
  for (const record of out.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [, type, oid] = record.slice(0, tab).split(' ');
    if (type === 'blob' && oid) files.push({ path: record.slice(tab + 1), oid });
  }
  return files;
}

/** Reads many blobs through one `git cat-file --batch`: one process, not one per file. */
export function readBlobs(repo: string, oids: readonly string[], onBlob?: () => void): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids)];
  const blobs = new Map<string, Buffer>();
  if (wanted.length === 0) return Promise.resolve(blobs);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let pending: Buffer = Buffer.alloc(0);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const newline = pending.indexOf(10);
        if (newline < 0) return;
        const header = pending.subarray(0, newline).toString();
        const [oid, type, sizeText] = header.split(' ');
        if (type === 'missing' || !sizeText) {
          pending = pending.subarray(newline + 1);
          continue;
        }
        const size = Number(sizeText);
        if (pending.length < newline + 1 + size + 1) return;
        blobs.set(oid!, Buffer.from(pending.subarray(newline + 1, newline + 1 + size)));
        pending = pending.subarray(newline + 1 + size + 1);
        onBlob?.();
      }
    });
    child.on('error', (error) => reject(error));
    child.on('close', (code) => {
      if (code === 0) resolve(blobs);
      else reject(new Error(`git cat-file failed: ${stderr.trim()}`));
    });
    child.stdin.end(`${wanted.join('\n')}\n`);
  });
}
