// The plan's history as git keeps it, read by running `git` (never a library: the user's own git,
// with their configuration). Each failure becomes a GitError whose message says what to do.
import { execFile, spawn } from 'node:child_process';

export class GitError extends Error {}

/** git's output for `args`, run in `cwd`; rejects with a GitError. */
function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitError('git is not installed (or not on PATH): the history of a plan is read with git. Install it, e.g. `apt-get install git`.'));
      reject(new GitError(stderr.trim() || error.message));
    });
  });
}

/** The top folder of the repository that holds `folder`. */
export async function repositoryRoot(folder: string): Promise<string> {
  try {
    return (await git(folder, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (/not a git repository/i.test((error as Error).message)) throw new GitError(`${folder} is not inside a git repository: there is no history to compare with.`);
    throw error;
  }
}

/** The commit a revision names (a tag, a branch, a hash, `HEAD~3`). */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  if (revision.startsWith('-')) throw new GitError(`"${revision}" is not a revision.`);
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
  } catch {
    throw new GitError(`"${revision}" is not a revision of this repository: give a tag, a branch, a commit or e.g. HEAD~3.`);
  }
}

/** The short hash and subject of a commit, for a summary line. */
export async function describeCommit(root: string, commit: string): Promise<string> {
  return (await git(root, ['log', '-1', '--format=%h %s', commit])).trim();
}

/** Every file of a commit, as paths relative to the repository's root. */
export async function filesAt(root: string, commit: string): Promise<string[]> {
  return (await git(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit])).split('\0').filter(Boolean);
}

/** Files renamed between a commit and the working tree: old path → new path (relative to the root). */
export async function renamesSince(root: string, commit: string): Promise<Map<string, string>> {
  const fields = (await git(root, ['diff', '-M', '-z', '--name-status', commit, '--'])).split('\0');
  const renames = new Map<string, string>();
  for (let at = 0; at < fields.length; ) {
    const status = fields[at++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[at++]!;
      const to = fields[at++]!;
      if (status.startsWith('R')) renames.set(from, to);
    } else if (status !== '') {
      at++;
    }
  }
  return renames;
}

/** A file's text at a commit. */
export async function fileAt(root: string, commit: string, file: string): Promise<string> {
  return git(root, ['cat-file', 'blob', `${commit}:${file}`]);
}

/** The commit HEAD names, or undefined in a repository without commits. */
export async function headCommit(root: string): Promise<string | undefined> {
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch (error) {
    if (/not installed/.test((error as Error).message)) throw error;
    return undefined;
  }
}

/** A commit that changed a file: its hash (whole and short), date, subject, and the file's blob after it. */
export interface FileCommit {
  commit: string;
  hash: string;
  date: string;
  subject: string;
  blob: string;
}

/**
 * The commits that changed a file, newest first, following renames (`git log --follow`). Merges
 * that changed nothing of their own are left out; a commit that deleted the file has no blob.
 */
export async function fileLog(root: string, file: string, range = 'HEAD'): Promise<FileCommit[]> {
  const output = await git(root, ['log', '--follow', '--raw', '--no-abbrev', '--date=short', '--format=%x1e%H%x1f%ad%x1f%s', range, '--', file]);
  const commits: FileCommit[] = [];
  for (const record of output.split('\x1e')) {
    const [head, ...rest] = record.split('\n');
    const [hash, date, subject] = (head ?? '').split('\x1f');
    // `:100644 100644 <old blob> <new blob> M\tpath`; the new blob is all zeros when deleted.
    const raw = rest.find((line) => line.startsWith(':'));
    if (!hash || !date || subject === undefined || !raw) continue;
    const blob = raw.split(' ')[3] ?? '';
    if (/^0+$/.test(blob)) continue;
    // --no-abbrev (for the blobs) writes whole commit hashes too; seven characters, as git shows them.
    commits.push({ commit: hash, hash: hash.slice(0, 7), date, subject, blob });
  }
  return commits;
}

/** Whether `ancestor` is `commit` or one of its ancestors. */
export async function isAncestor(root: string, ancestor: string, commit: string): Promise<boolean> {
  try {
    await git(root, ['merge-base', '--is-ancestor', ancestor, commit]);
    return true;
  } catch (error) {
    if (/not installed/.test((error as Error).message)) throw error;
    return false;
  }
}

/** The texts of several blobs, read by one `git cat-file --batch`. */
export function blobTexts(root: string, blobs: readonly string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new GitError(error.message)));
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const texts = new Map<string, string>();
      let at = 0;
      while (at < output.length) {
        const lineEnd = output.indexOf(10, at);
        if (lineEnd < 0) break;
        const [hash, type, size] = output.subarray(at, lineEnd).toString('utf8').split(' ');
        at = lineEnd + 1;
        if (type !== 'blob' || size === undefined) continue;
        const length = Number(size);
        texts.set(hash!, output.subarray(at, at + length).toString('utf8'));
        at += length + 1;
      }
      resolve(texts);
    });
    child.stdin.end(blobs.map((blob) => `${blob}\n`).join(''));
  });
}
