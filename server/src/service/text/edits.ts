// Edits of a text and the primitives they are built from: the one shape of an edit (a span of the
// old text and what replaces it), a workspace edit across files, and the lines around an offset.
import type { Span } from '../yaml/nodes';

/** The span `start`–`end` of the old text replaced by `text`. */
export interface TextEdit extends Span {
  text: string;
}

/** Edits by file URI. */
export type WorkspaceEdit = Map<string, TextEdit[]>;

/** A workspace edit of one replacement in one file. */
export function singleEdit(uri: string, span: Span, text: string): WorkspaceEdit {
  return new Map([[uri, [{ start: span.start, end: span.end, text }]]]);
}

/**
 * The text after the edits, which must not overlap; edits at one offset are applied in their
 * order. Built from pieces in one pass, so that thousands of edits of a large file stay linear.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  const pieces: string[] = [];
  let position = 0;
  for (const { edit } of sorted) {
    pieces.push(text.slice(position, edit.start), edit.text);
    position = Math.max(position, edit.end);
  }
  pieces.push(text.slice(position));
  return pieces.join('');
}

/** The line break a text uses: CR LF if it has any, else LF, or CR alone in a text that has no LF (old Mac files). */
export function lineEnding(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** The start offset of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The span of the whole line holding `offset`, with its line break. */
export function wholeLine(text: string, offset: number): Span {
  const end = text.indexOf('\n', offset);
  return { start: lineStartOf(text, offset), end: end < 0 ? text.length : end + 1 };
}

/** The spaces and tabs that start the line holding `offset`, up to `offset`. */
export function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset), offset))![0];
}

/** An edit that adds a line at the end of a text (after a line break if it lacks one). */
export function appendLine(text: string, line: string): TextEdit {
  const eol = lineEnding(text);
  const prefix = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
  return { start: text.length, end: text.length, text: `${prefix}${line}${eol}` };
}

/**
 * A copy of a part of a text that does not keep the whole text alive (V8 keeps the parent of a
 * sliced string), so that old versions of a file are not retained by the pieces cut from them.
 * Slicing a concatenation makes the engine write the concatenation out as a string of its own,
 * which the slice then points into: an exact copy, and faster than a round trip through UTF-8.
 */
export function copyOf(text: string, start: number, end: number): string {
  return end - start < 13 ? text.slice(start, end) : ` ${text.slice(start, end)}`.slice(1);
}

/**
 * The one edit that turns `before` into `after`: what lies between their common start and end.
 * Found by halving, comparing pieces of the texts (a comparison of whole strings is far quicker
 * than one character at a time, which counts for plans of megabytes).
 */
export function editBetween(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  // The longest n with equal first n characters, then the longest m <= shorter - n with equal last m.
  let start = 0;
  let high = shorter;
  while (start < high) {
    const middle = (start + high + 1) >> 1;
    if (before.slice(start, middle) === after.slice(start, middle)) start = middle;
    else high = middle - 1;
  }
  let end = 0;
  high = shorter - start;
  while (end < high) {
    const middle = (end + high + 1) >> 1;
    if (before.slice(before.length - middle, before.length - end) === after.slice(after.length - middle, after.length - end)) end = middle;
    else high = middle - 1;
  }
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}
