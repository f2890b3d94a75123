// A version of a plan file read as a patch of the one before: git's hunks of changed lines applied
// to the file's text where they land, each checked against the lines it says it replaces, and only
// the entries around them read again. A long history of small commits then costs what changed.
import type { ItemChanges, PlanFile } from '../model/planFile';

/** Lines of the old text replaced by new ones, as a hunk of `git diff -U0` gives them. */
export interface LineHunk {
  /** The 0-based line of the old text where the hunk starts: its first deleted line, or the line the new ones go before. */
  start: number;
  /** The old lines, each with its line end (the file's last line may have none): checked before the hunk applies. */
  deleted: string;
  /** How many lines `deleted` holds. */
  deletedLines: number;
  /** The new lines, each with its line end. */
  inserted: string;
}

/**
 * Applies one version's hunks (in the order of the old text, not overlapping) to the file, each on
 * its own, the last first; the items removed and added. Undefined, and the file left as it was,
 * when a hunk's old lines are not the file's (the version is then to be read whole).
 */
export function applyLineHunks(file: PlanFile, hunks: readonly LineHunk[]): ItemChanges | undefined {
  const text = file.text;
  // git counts lines by LF alone.
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = (line: number) => (line < lineStarts.length ? lineStarts[line]! : text.length);
  const pieces: string[] = [];
  let copied = 0;
  for (const hunk of hunks) {
    const start = offset(hunk.start);
    const end = offset(hunk.start + hunk.deletedLines);
    if (start < copied || hunk.start > lineStarts.length || text.slice(start, end) !== hunk.deleted) return undefined;
    pieces.push(text.slice(copied, start), hunk.inserted);
    copied = end;
  }
  if (hunks.length === 0) return { removed: [], added: [] };
  pieces.push(text.slice(copied));
  const first = offset(hunks[0]!.start);
  const lastEnd = offset(hunks.at(-1)!.start + hunks.at(-1)!.deletedLines);
  const next = pieces.join('');
  return file.update(next, Number.POSITIVE_INFINITY, { start: first, end: lastEnd, text: next.slice(first, next.length - (text.length - lastEnd)) });
}
