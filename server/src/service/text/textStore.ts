// The text of a plan file, held in chunks of whole lines with the line starts of each, so that an
// edit costs the size of the edit and of its chunk, not of the file: a keystroke in a plan of
// megabytes neither copies nor scans its text. The whole text is built only when asked for.
import type { Position, TextLines } from './lineIndex';
import { breaksAfter, firstAtOrAfter } from './lineIndex';
import type { TextEdit } from './edits';
import { utf8Length } from './utf8';

/** A change as an editor sends it: a range of lines and characters replaced by text, or (without a range) the whole text. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

/** What reading a text needs of it: a string is one, and so is a TextStore, which builds no whole text for it. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
  charCodeAt(index: number): number;
  lastIndexOf(search: string, position?: number): number;
}

/** Chunks are cut at a line end near `target` characters, and never longer than `limit` unless a line is. */
let target = 8 * 1024;
let limit = 16 * 1024;

/** Sets the chunk sizes: small ones let tests cross chunk boundaries with short texts. */
export function setChunkSize(targetSize: number, limitSize = 2 * targetSize): void {
  target = targetSize;
  limit = limitSize;
}

export class TextStore implements TextLines, TextSource {
  private chunks: string[] = [''];
  /** For each chunk, the offsets in it (1 to its length) after which a line starts: one past each line break. */
  private breaks: number[][] = [[]];
  /** Where each chunk starts, and how many lines start before it (after line 0), valid for the first `valid` chunks. */
  private starts: number[] = [0];
  private linesBefore: number[] = [0];
  private valid = 1;
  private size = 0;
  /** The size of each chunk in UTF-8, and of the text: a chunk never ends inside a surrogate pair. */
  private bytes: number[] = [0];
  private totalBytes = 0;
  private whole: string | undefined = '';

  constructor(text = '') {
    this.setText(text);
  }

  setText(text: string): void {
    this.chunks = cut(text);
    this.breaks = this.chunks.map(breaksOf);
    this.bytes = this.chunks.map((chunk) => utf8Length(chunk));
    this.totalBytes = this.bytes.reduce((sum, size) => sum + size, 0);
    this.size = text.length;
    this.whole = text;
    this.valid = 0;
  }

  get length(): number {
    return this.size;
  }

  /** The size of the text in UTF-8, as the file has it on disk. */
  get byteLength(): number {
    return this.totalBytes;
  }

  /** The whole text; built once after an edit, when something asks for it. */
  get text(): string {
    return (this.whole ??= this.chunks.join(''));
  }

  /**
   * Replaces `start`–`end` with `text`: only the chunks that hold the span are cut again. A chunk
   * boundary never falls between a CR and a LF (each chunk's line starts are then its own).
   * Returns how many lines the text gained (or lost, below 0).
   */
  applyEdit(edit: TextEdit): number {
    const start = Math.max(0, Math.min(edit.start, this.size));
    const end = Math.max(start, Math.min(edit.end, this.size));
    let first = this.chunkAt(start);
    let last = end > start ? this.chunkAt(end - 1) : first;
    let content = this.chunks[first]!.slice(0, start - this.starts[first]!) + edit.text + this.chunks[last]!.slice(end - this.starts[last]!);
    // A chunk left small is joined to the next; a CR LF or a surrogate pair is not split between chunks.
    while (last + 1 < this.chunks.length && (content.length < target / 4 || joined(content, this.chunks[last + 1]!))) content += this.chunks[++last]!;
    while (first > 0 && joined(this.chunks[first - 1]!, content)) content = this.chunks[--first]! + content;
    // Emptied, the last chunk goes (the text keeps one chunk, maybe empty).
    const pieces = content === '' && this.chunks.length > last - first + 1 ? [] : cut(content);
    const breaks = pieces.map(breaksOf);
    const removed = this.breaks.splice(first, last - first + 1, ...breaks);
    for (const size of this.bytes.splice(first, last - first + 1, ...pieces.map((piece) => utf8Length(piece)))) this.totalBytes -= size;
    for (let index = first; index < first + pieces.length; index++) this.totalBytes += this.bytes[index]!;
    this.chunks.splice(first, last - first + 1, ...pieces);
    this.size += edit.text.length - (end - start);
    this.whole = undefined;
    this.valid = Math.min(this.valid, first);
    return countOf(breaks) - countOf(removed);
  }

  /**
   * Applies an editor's changes in order (each in the text the previous ones left). Returns the one
   * edit of the old text that covers them, and whether lines came or went (moving those after).
   */
  applyChanges(changes: readonly TextChange[]): { edit: TextEdit; linesMoved: boolean } {
    let linesMoved = false;
    // The changed region [low, high) in the current text, and its length in the old text.
    let low = -1;
    let high = -1;
    let oldLength = 0;
    for (const change of changes) {
      const start = change.range ? this.offsetAt(change.range.start) : 0;
      const end = change.range ? Math.max(start, this.offsetAt(change.range.end)) : this.size;
      if (low < 0) {
        low = start;
        high = end;
        oldLength = end - start;
      } else {
        const from = Math.min(low, start);
        const to = Math.max(high, end);
        oldLength += to - from - (high - low);
        low = from;
        high = to;
      }
      high += change.text.length - (end - start);
      if (this.applyEdit({ start, end, text: change.text }) !== 0) linesMoved = true;
    }
    if (low < 0) return { edit: { start: 0, end: 0, text: '' }, linesMoved };
    return { edit: { start: low, end: low + oldLength, text: this.slice(low, high) }, linesMoved };
  }

  slice(start: number, end = this.size): string {
    start = Math.max(0, Math.min(start, this.size));
    end = Math.max(start, Math.min(end, this.size));
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const first = this.chunkAt(start);
    const offset = this.starts[first]!;
    if (end - offset <= this.chunks[first]!.length) return this.chunks[first]!.slice(start - offset, end - offset);
    const parts = [this.chunks[first]!.slice(start - offset)];
    for (let index = first + 1; index < this.chunks.length; index++) {
      const chunkStart = this.starts[index]!;
      if (end - chunkStart <= this.chunks[index]!.length) {
        parts.push(this.chunks[index]!.slice(0, end - chunkStart));
        break;
      }
      parts.push(this.chunks[index]!);
    }
    return parts.join('');
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.size) return NaN;
    if (this.whole !== undefined) return this.whole.charCodeAt(offset);
    const index = this.chunkAt(offset);
    return this.chunks[index]!.charCodeAt(offset - this.starts[index]!);
  }

  /** The last `search` (one character) at or before `position`, or -1. */
  lastIndexOf(search: string, position = this.size): number {
    if (this.whole !== undefined || search.length !== 1) return this.text.lastIndexOf(search, position);
    position = Math.min(position, this.size - 1);
    if (position < 0) return -1;
    for (let index = this.chunkAt(position); index >= 0; index--) {
      const found = this.chunks[index]!.lastIndexOf(search, position - this.starts[index]!);
      if (found >= 0) return this.starts[index]! + found;
    }
    return -1;
  }

  get lineCount(): number {
    this.update(this.chunks.length);
    const last = this.chunks.length - 1;
    return 1 + this.linesBefore[last]! + this.breaks[last]!.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.size));
    const index = this.chunkAt(offset);
    const inChunk = firstAtOrAfter(this.breaks[index]!, offset - this.starts[index]! + 1);
    const line = this.linesBefore[index]! + inChunk;
    const lineStart = this.lineStart(line);
    return { line, character: this.beforeLineEnd(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const lineCount = this.lineCount;
    if (position.line >= lineCount) return this.size;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    const nextStart = position.line + 1 < lineCount ? this.lineStart(position.line + 1) : this.size;
    return this.beforeLineEnd(Math.max(lineStart, Math.min(lineStart + position.character, nextStart)), lineStart);
  }

  /** Like VS Code's documents: a position never lies inside or after a line's CR LF. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.charCodeAt(offset - 1) === 0x0d || this.charCodeAt(offset - 1) === 0x0a)) offset--;
    return offset;
  }

  /** The offset where `line` starts (0 < line < lineCount, or 0). */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    this.update(this.chunks.length);
    // The chunk whose breaks start the line: the last one with fewer lines before it.
    const index = firstAtOrAfter(this.linesBefore, line) - 1;
    return this.starts[index]! + this.breaks[index]![line - this.linesBefore[index]! - 1]!;
  }

  /** The chunk holding `offset` (the last one for the end of the text). */
  private chunkAt(offset: number): number {
    this.update(this.chunks.length);
    const index = firstAtOrAfter(this.starts, offset + 1) - 1;
    return Math.max(0, Math.min(index, this.chunks.length - 1));
  }

  /** Brings the chunks' starts and line counts up to date, after an edit left them valid only before it. */
  private update(count: number): void {
    if (this.valid >= count) return;
    const starts = this.starts;
    const linesBefore = this.linesBefore;
    starts.length = this.chunks.length;
    linesBefore.length = this.chunks.length;
    if (this.valid === 0) {
      starts[0] = 0;
      linesBefore[0] = 0;
      this.valid = 1;
    }
    for (let index = this.valid; index < count; index++) {
      starts[index] = starts[index - 1]! + this.chunks[index - 1]!.length;
      linesBefore[index] = linesBefore[index - 1]! + this.breaks[index - 1]!.length;
    }
    this.valid = count;
  }
}

/** A text cut into chunks, each ending after a LF near the target size where there is one, never between a CR and a LF. */
function cut(text: string): string[] {
  if (text.length <= limit) return [flat(text)];
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    let end = text.lastIndexOf('\n', start + target - 1) + 1;
    if (end <= start) {
      end = text.indexOf('\n', start + target) + 1;
      if (end <= 0 || end - start > limit) end = start + limit;
    }
    if (joined(text.slice(end - 1, end), text.slice(end, end + 1))) end++;
    // The chunk is a copy of its own: a slice would keep the whole text alive.
    chunks.push(flat(text.slice(start, end)));
    start = end;
  }
  chunks.push(flat(text.slice(start)));
  return chunks;
}

/** Whether a chunk may not end between `before` and `after`: inside a CR LF or a surrogate pair. */
function joined(before: string, after: string): boolean {
  const last = before.charCodeAt(before.length - 1);
  const next = after.charCodeAt(0);
  return (last === 0x0d && next === 0x0a) || ((last & 0xfc00) === 0xd800 && (next & 0xfc00) === 0xdc00);
}

/** A flat string of its own (V8 keeps the parent of a slice and the parts of a concatenation). */
function flat(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

function countOf(lists: readonly number[][]): number {
  let count = 0;
  for (const list of lists) count += list.length;
  return count;
}

function breaksOf(chunk: string): number[] {
  const breaks: number[] = [];
  if (chunk.indexOf('\r') < 0) {
    for (let index = chunk.indexOf('\n'); index >= 0; index = chunk.indexOf('\n', index + 1)) breaks.push(index + 1);
  } else {
    // A CR at the end of a chunk is a lone CR: a chunk never ends between a CR and a LF.
    for (let index = 0; index < chunk.length; index++) if (breaksAfter(chunk, index)) breaks.push(index + 1);
  }
  return breaks;
}
