// Checks that positions and ranges a server sends lie inside the document they are about.
import type { TextDocument } from 'vscode-languageserver-textdocument';

interface Position {
  line: number;
  character: number;
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

/** A position on a real line, no further than the line's end (its line break excluded). */
export function positionInside(document: TextDocument, position: Position): boolean {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return false;
  if (position.line < 0 || position.line >= document.lineCount || position.character < 0) return false;
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const nextLineStart = position.line + 1 < document.lineCount ? document.offsetAt({ line: position.line + 1, character: 0 }) : document.getText().length;
  const lineText = document.getText().slice(lineStart, nextLineStart).replace(/\r?\n$|\r$/, '');
  return position.character <= lineText.length;
}

export function rangeInside(document: TextDocument, range: { start: Position; end: Position }): boolean {
  return positionInside(document, range.start) && positionInside(document, range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

/**
 * Every range (`{start, end}`), position (`position`) and line number (`startLine`/`endLine`) in a
 * server's answer that does not lie inside the document, described for an assertion message.
 */
export function outsideDocument(document: TextDocument, answer: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (isPosition(record.start) && isPosition(record.end) && !rangeInside(document, record as { start: Position; end: Position })) found.push(`${path}: ${JSON.stringify(record)}`);
    if (isPosition(record.position) && !positionInside(document, record.position)) found.push(`${path}.position: ${JSON.stringify(record.position)}`);
    for (const key of ['startLine', 'endLine']) {
      const line = record[key];
      if (typeof line === 'number' && (line < 0 || line >= document.lineCount)) found.push(`${path}.${key}: ${line}`);
    }
    for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`);
  };
  walk(answer, 'answer');
  return found;
}
