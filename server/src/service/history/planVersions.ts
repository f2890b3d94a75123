// Successive versions of one plan file, each read as a patch of the one before (git's hunks of
// changed lines, applied where they land and checked against the lines they replace) or, where
// there is none, whole as an edit of it: only the entries that changed are parsed again, as in the
// editor after a keystroke, so a long history of small commits to a large plan costs what changed.
import { buildSegmentModel } from '../model/segmentModel';
import { PlanFile, type ItemChanges } from '../model/planFile';
import { editBetween } from '../text/edits';

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

/** A CR not followed by a LF: a line end for the editor (and the file's line index), not for git. */
const loneCr = /\r(?!\n)/;

export class PlanVersions {
  readonly file: PlanFile;
  /** Whether the text may hold a lone CR: its lines are then not git's, and patches are not applied. */
  private loneCr = false;

  constructor(uri: string) {
    this.file = new PlanFile(uri, (segment) => buildSegmentModel(segment, uri));
  }

  /** The next version, given whole; the items it removed and added (all of them in the first). */
  next(text: string): ItemChanges {
    this.loneCr = loneCr.test(text);
    const edit = this.file.text === '' ? undefined : editBetween(this.file.text, text);
    return this.file.update(text, Number.POSITIVE_INFINITY, edit);
  }

  /**
   * The next version, given as its hunks (in the order of the old text, not overlapping), each
   * applied on its own, the last first, where it lands in the text. Undefined, and the file left as
   * it was, when a hunk's old lines are not the file's: that version is then to be read whole.
   */
  patch(hunks: readonly LineHunk[]): ItemChanges | undefined {
    if (this.loneCr || hunks.some((hunk) => loneCr.test(hunk.inserted))) return undefined;
    const store = this.file.textStore;
    const lineCount = store.lineCount;
    const at = (line: number) => (line >= lineCount ? store.length : store.offsetAt({ line, character: 0 }));
    let previousStart = -1;
    for (const hunk of hunks) {
      const start = at(hunk.start);
      const end = at(hunk.start + hunk.deletedLines);
      const lineStart = start === 0 || store.charCodeAt(start - 1) === 0x0a;
      if (hunk.start > lineCount || start < previousStart || !lineStart || store.slice(start, end) !== hunk.deleted) return undefined;
      previousStart = end;
    }
    const removed = new Set<ItemChanges['removed'][number]>();
    const added: ItemChanges['added'] = [];
    for (let index = hunks.length - 1; index >= 0; index--) {
      const hunk = hunks[index]!;
      const range = { start: { line: hunk.start, character: 0 }, end: { line: hunk.start + hunk.deletedLines, character: 0 } };
      const changes = this.file.edit([{ range, text: hunk.inserted }], Number.POSITIVE_INFINITY);
      for (const item of changes.removed) removed.add(item);
      added.push(...changes.added);
    }
    // An entry read again by one hunk and again by the next is the second's.
    const kept = new Set(added);
    return { removed: [...removed].filter((item) => !kept.has(item)), added: added.filter((item) => !removed.has(item)) };
  }
}
