// The plan's history as git keeps it, read by running `git` (never a library: the user's own git,
// with their configuration). Each failure becomes a GitError whose message says what to do.
import { execFile, spawn } from 'node:child_process';
import { patchOptions, readPatches, type FilePatch } from './gitPatches';

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

/** A commit that changed a file: its hash (whole and short), date, subject, and the file's patch. */
export interface FileCommit {
  commit: string;
  hash: string;
  date: string;
  subject: string;
  /** The file's patch against the commit's first parent; undefined when the commit left it as it was. */
  patch: FilePatch | undefined;
}

/**
 * The commits of the first-parent line that changed a file, newest first, following renames
 * (`git log --follow`), each with the file's patch against its first parent: the changes a merge
 * brought in are the merge's. Only the changed lines are read, whatever the file's size.
 */
export async function fileLog(root: string, file: string, range = 'HEAD'): Promise<FileCommit[]> {
  const output = await git(root, ['log', '--first-parent', '--follow', ...patchOptions, '--date=short', '--format=%x1e%H%x1f%ad%x1f%s', range, '--', file]);
  const commits: FileCommit[] = [];
  for (const record of output.split('\x1e')) {
    const lineEnd = record.indexOf('\n');
    const [hash, date, subject] = record.slice(0, lineEnd < 0 ? record.length : lineEnd).split('\x1f');
    if (!hash || !date || subject === undefined) continue;
    const [patch] = readPatches(lineEnd < 0 ? '' : record.slice(lineEnd + 1));
    // --no-abbrev is not given: seven characters, as git shows them.
    commits.push({ commit: hash, hash: hash.slice(0, 7), date, subject, patch });
  }
  return commits;
}

/** A commit as a step of the trend reads it. */
export interface LoggedCommit {
  commit: string;
  /** Seven characters, as git shows them. */
  hash: string;
  /** The author date, YYYY-MM-DD. */
  date: string;
  subject: string;
}

/** The commits of the first-parent line of `range`, newest first. */
export async function firstParentLog(root: string, range = 'HEAD'): Promise<LoggedCommit[]> {
  const output = await git(root, ['log', '--first-parent', '--date=short', '--format=%H%x1f%ad%x1f%s', range, '--']);
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date, subject] = line.split('\x1f');
      return { commit: commit!, hash: commit!.slice(0, 7), date: date ?? '', subject: subject ?? '' };
    });
}

/** The tags of commits HEAD holds, each with its commit (an annotated tag's, peeled). */
export async function tagsInHead(root: string): Promise<(LoggedCommit & { tag: string })[]> {
  const format = '%(refname:short)%1f%(if)%(*objectname)%(then)%(*objectname)%1f%(*authordate:short)%1f%(*subject)%(else)%(objectname)%1f%(authordate:short)%1f%(subject)%(end)';
  const output = await git(root, ['for-each-ref', '--merged=HEAD', `--format=${format}`, 'refs/tags']);
  return output
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const [tag, commit, date, subject] = line.split('\x1f');
      // A tag of something else than a commit has no author date.
      return tag && commit && date ? [{ tag, commit, hash: commit.slice(0, 7), date, subject: subject ?? '' }] : [];
    });
}

/**
 * The patches between each pair of revisions (from, to), of the files under `pathspecs`, renames
 * found: one `git diff-tree --stdin` for all of them, each giving only the changed lines.
 */
export function pairPatches(root: string, pairs: readonly (readonly [string, string])[], pathspecs: readonly string[]): Promise<FilePatch[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['diff-tree', '--stdin', '--always', '-r', '-M', ...patchOptions, '--', ...pathspecs], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(new GitError(error.code === 'ENOENT' ? 'git is not installed (or not on PATH): the history of a plan is read with git. Install it, e.g. `apt-get install git`.' : error.message)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(Buffer.concat(errors).toString('utf8').trim() || `git diff-tree exited with ${code}`));
      // Each pair's output starts with the line of its `to` commit.
      const records = Buffer.concat(chunks).toString('utf8').split(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/m).slice(1);
      resolve(records.map(readPatches));
    });
    child.stdin.end(pairs.map(([from, to]) => `${to} ${from}\n`).join(''));
  });
}

/** The texts of files at a commit (undefined for those it does not have), read by one `git cat-file --batch`. */
export function textsAt(root: string, commit: string, files: readonly string[]): Promise<Map<string, string | undefined>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new GitError(error.message)));
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const texts = new Map<string, string | undefined>();
      let at = 0;
      for (const file of files) {
        const lineEnd = output.indexOf(10, at);
        if (lineEnd < 0) break;
        const [, type, size] = output.subarray(at, lineEnd).toString('utf8').split(' ');
        at = lineEnd + 1;
        // `<spec> missing` for a file the commit does not have.
        if (type !== 'blob' || size === undefined) {
          texts.set(file, undefined);
          continue;
        }
        texts.set(file, output.subarray(at, at + Number(size)).toString('utf8'));
        at += Number(size) + 1;
      }
      resolve(texts);
    });
    child.stdin.end(files.map((file) => `${commit}:${file}\n`).join(''));
  });
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

/**
 * git's own line merge of three files (`git merge-file`), written to `current`: what the merge
 * driver falls back to for a file it cannot merge by item. The number of conflicts (0: clean).
 */
export function mergeFile(cwd: string, current: string, base: string, other: string, labels: { ours: string; base: string; theirs: string }, markerSize: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['merge-file', `--marker-size=${markerSize}`, '-L', labels.ours, '-L', labels.base, '-L', labels.theirs, current, base, other];
    execFile('git', args, { cwd, encoding: 'utf8' }, (error, _stdout, stderr) => {
      if (!error) return resolve(0);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed (or not on PATH): the merge falls back to `git merge-file`. Install it, e.g. `apt-get install git`.'));
      // The exit status counts the conflicts (up to 127); a negative one (255 as a status) is an error.
      if (typeof error.code === 'number' && error.code > 0 && error.code < 128) return resolve(error.code);
      reject(new GitError(stderr.trim() || error.message));
    });
  });
}

/** Sets a value in the repository's own configuration (`.git/config`). */
export async function setConfig(root: string, key: string, value: string): Promise<void> {
  await git(root, ['config', '--local', key, value]);
}
