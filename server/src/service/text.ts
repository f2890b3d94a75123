// Offsets and line/character positions of a text, computed once per text and only when needed.

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16 code units
}

export class LineIndex {
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
        for (let index = 0; index < text.length; index++) {
          const code = text.charCodeAt(index);
          if (code === 0x0d) {
            if (text.charCodeAt(index + 1) === 0x0a) index++;
            starts.push(index + 1);
          } else if (code === 0x0a) {
            starts.push(index + 1);
          }
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    offset = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: this.beforeLineEnd(offset, starts[low]!) - starts[low]! };
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

/** The start offset of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
