// git's patches read into hunks of lines: the output of `git log -p -U0` and `git diff-tree -p -U0`
// (no lines of context), one patch per file with its old and new path (renames and copies found by
// git), whether it was added or deleted, and its hunks, ready to apply to the old version.
import type { LineHunk } from '../service/history/planVersions';

export interface FilePatch {
  /** Paths relative to the repository's root; the old path is undefined for a file added, the new one for a file deleted. */
  oldPath: string | undefined;
  newPath: string | undefined;
  hunks: LineHunk[];
  /** git gave no lines but said the file differs (as binary): the new version is to be read whole. */
  binary: boolean;
}

/** The options every patch is asked with, whatever the user's configuration: plain prefixes, text, no colour or external tools. */
export const patchOptions = ['-p', '-U0', '--text', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Reads the patches of one commit (or one pair of revisions): the text from one `diff --git` line to the next record. */
export function readPatches(text: string): FilePatch[] {
  const patches: FilePatch[] = [];
  const lines = text.split('\n');
  let patch: FilePatch | undefined;
  let hunk: { start: number; deleted: string[]; inserted: string[]; last: 'deleted' | 'inserted' } | undefined;
  const closeHunk = () => {
    if (!hunk || !patch) return;
    patch.hunks.push({ start: hunk.start, deleted: hunk.deleted.join(''), deletedLines: hunk.deleted.length, inserted: hunk.inserted.join('') });
    hunk = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('diff --git ')) {
      closeHunk();
      const [oldPath, newPath] = headerPaths(line.slice('diff --git '.length));
      patch = { oldPath, newPath, hunks: [], binary: false };
      patches.push(patch);
      continue;
    }
    if (!patch) continue;
    if (hunk) {
      const kind = line.charAt(0);
      if (kind === '-' || kind === '+') {
        (kind === '-' ? hunk.deleted : hunk.inserted).push(`${line.slice(1)}\n`);
        hunk.last = kind === '-' ? 'deleted' : 'inserted';
        continue;
      }
      if (kind === '\\') {
        // "\ No newline at end of file": the line before has no line end.
        const side = hunk[hunk.last];
        side[side.length - 1] = side[side.length - 1]!.slice(0, -1);
        continue;
      }
      closeHunk();
    }
    const header = hunkHeader.exec(line);
    if (header) {
      const oldStart = Number(header[1]);
      const oldCount = header[2] === undefined ? 1 : Number(header[2]);
      hunk = { start: oldCount === 0 ? oldStart : oldStart - 1, deleted: [], inserted: [], last: 'inserted' };
    } else if (line.startsWith('--- ')) {
      if (line === '--- /dev/null') patch.oldPath = undefined;
    } else if (line.startsWith('+++ ')) {
      if (line === '+++ /dev/null') patch.newPath = undefined;
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      patch.oldPath = unquoted(line.slice(line.indexOf(' from ') + ' from '.length));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      patch.newPath = unquoted(line.slice(line.indexOf(' to ') + ' to '.length));
    } else if (line.startsWith('new file mode')) {
      patch.oldPath = undefined;
    } else if (line.startsWith('deleted file mode')) {
      patch.newPath = undefined;
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      patch.binary = true;
    }
  }
  closeHunk();
  return patches;
}

/** The two paths of `a/old b/new`, each maybe quoted the C way (git quotes names with unusual characters). */
function headerPaths(rest: string): [string, string] {
  const paths: string[] = [];
  let at = 0;
  while (at < rest.length && paths.length < 2) {
    if (rest[at] === '"') {
      let end = at + 1;
      while (end < rest.length && rest[end] !== '"') end += rest[end] === '\\' ? 2 : 1;
      paths.push(unquoted(rest.slice(at, end + 1)));
      at = end + 2;
    } else if (paths.length === 0) {
      // Unquoted: `a/x b/x`; the split is at " b/" (a name holding " b/" is quoted only if it also holds other specials, so take the last).
      const split = rest.lastIndexOf(' b/');
      paths.push(rest.slice(at, split));
      at = split + 1;
    } else {
      paths.push(rest.slice(at));
      at = rest.length;
    }
  }
  const strip = (path: string | undefined) => (path ?? '').replace(/^[ab]\//, '');
  return [strip(paths[0]), strip(paths[1])];
}

/** A path as git writes it in a patch, quoted (`"a/caf\303\251.yaml"`) or not. */
function unquoted(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  const body = path.slice(1, -1);
  for (let at = 0; at < body.length; at++) {
    const char = body[at]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[++at]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(at, at + 3), 8));
      at += 2;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
