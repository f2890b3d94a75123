// Offsets and line/character positions of a text, computed once per text and only when needed.
// A plan file's text, which edits change, keeps its own lines (textStore.ts).
import type { Position } from '../../../../common/planSnapshot';

export type { Position };

/** Offsets and positions of a text, and the text: a LineIndex of a string, or a file's TextStore. */
export interface TextLines {
  readonly text: string;
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export class LineIndex implements TextLines {
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}

  /** Line breaks are LF, CRLF and a lone CR, as in LSP (and YAML): a lone CR must not shift every position after it. */
  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const text = this.text;
      if (text.indexOf('\r') < 0) {
        for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
      } else {
        for (let index = 0; index < text.length; index++) if (breaksAfter(text, index)) starts.push(index + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    offset = Math.max(0, Math.min(offset, this.text.length));
    const line = firstAtOrAfter(starts, offset + 1) - 1;
    return { line, character: this.beforeLineEnd(offset, starts[line]!) - starts[line]! };
  }

  /** Like VS Code's documents: a position never lies inside or after a line's CR LF. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 0x0d || this.text.charCodeAt(offset - 1) === 0x0a)) offset--;
    return offset;
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line]!;
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeLineEnd(Math.max(lineStart, Math.min(lineStart + position.character, nextStart)), lineStart);
  }

  get lineCount(): number {
    return this.starts().length;
  }
}

/** Whether a line starts right after `index`: at a LF, or at a CR not followed by a LF. */
export function breaksAfter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a);
}

/** The index of the first of the sorted `values` that is at least `value` (their length when none is); strings compare by code units. */
export function firstAtOrAfter<T extends number | string>(values: readonly T[], value: T): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
