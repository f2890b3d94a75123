// What an edit of a plan may look like: the comments of a text, edits applied (never overlapping),
// and the shapes of edit that keep everything else byte for byte. Shared by the property tests.
import assert from 'node:assert/strict';
import { Parser } from 'yaml';
import type { TextEdit } from '../../server/src/service';

/** The texts last read by commentsOf: a property test checks many edits of one text. */
const commentsRead = new Map<string, { offset: number; source: string }[]>();

/** The comments of a YAML text, from the `yaml` package's concrete syntax tree: offset and text. */
export function commentsOf(text: string): { offset: number; source: string }[] {
  const known = commentsRead.get(text);
  if (known) return known;
  const found: { offset: number; source: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const token = value as { type?: string; offset?: number; source?: string };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') found.push({ offset: token.offset, source: token.source });
    for (const child of Object.values(value)) walk(child);
  };
  for (const token of new Parser().parse(text)) walk(token);
  found.sort((a, b) => a.offset - b.offset);
  if (commentsRead.size >= 16) commentsRead.delete(commentsRead.keys().next().value!);
  commentsRead.set(text, found);
  return found;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let index = 1; index < sorted.length; index++) assert.ok(sorted[index]!.end <= sorted[index - 1]!.start, `overlapping edits: ${JSON.stringify(sorted)}`);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

const lineBreak = /[\r\n]/;

/** Asserts that an edit is of one of the shapes that keep everything else byte for byte. */
export function assertPreciseEdit(text: string, edit: TextEdit, comments: { offset: number; source: string }[], what: string): void {
  const { start, end } = edit;
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: span ${start}–${end} inside the text`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A byte-order mark is no part of the first line.
  const atLineStart = (offset: number) => offset === 0 || text[offset - 1] === '\n' || (offset === 1 && text.startsWith('\uFEFF'));
  const replaced = text.slice(start, end);
  const inLine = !lineBreak.test(replaced) && !lineBreak.test(edit.text);
  const insertsLines = start === end && atLineStart(start) && edit.text.endsWith(eol) && edit.text.split(eol).every((line) => !lineBreak.test(line));
  const deletesLines = edit.text === '' && atLineStart(start) && (end === text.length || atLineStart(end));
  assert.ok(inLine || insertsLines || deletesLines, `${what}: replaces ${JSON.stringify(replaced)} with ${JSON.stringify(edit.text)}, neither within one line nor whole lines in the file's line ends`);
  for (const comment of comments) {
    const commentEnd = comment.offset + comment.source.length;
    const touches = inLine ? comment.offset < end && start < commentEnd : deletesLines ? comment.offset < end && start <= comment.offset : false;
    assert.ok(!touches, `${what}: the edit ${JSON.stringify(edit)} touches the comment ${JSON.stringify(comment.source)}`);
  }
}

/**
 * The offsets of the comments after a block list's items (`- F-1 # why`) on the lines a deletion
 * removes whole: such a comment is about its item, and goes with it.
 */
export function itemComments(text: string, edit: TextEdit): Set<number> {
  const gone = new Set<number>();
  if (edit.text !== '' || (edit.start > 0 && text[edit.start - 1] !== '\n')) return gone;
  const item = /^([ \t]*-[ \t]+[^\s#][^#\r\n]*?[ \t]+)#[^\r\n]*(\r?\n|$)/gm;
  const removed = text.slice(edit.start, edit.end);
  for (const match of removed.matchAll(item)) gone.add(edit.start + match.index + match[1]!.length);
  return gone;
}

/**
 * Every comment of `text` (but those at the offsets `gone`) is still in `output`, byte for byte and
 * in order (an edit may add its own), and a CRLF file has no bare LF.
 */
export function assertCommentsAndLineEndsKept(text: string, output: string, what: string, gone: ReadonlySet<number> = new Set()): void {
  const remaining = commentsOf(output).map((comment) => comment.source);
  let next = 0;
  for (const comment of commentsOf(text)) {
    if (gone.has(comment.offset)) continue;
    next = remaining.indexOf(comment.source, next);
    assert.ok(next >= 0, `${what} lost the comment ${JSON.stringify(comment.source)}:\n${output}`);
    next++;
  }
  if (text.includes('\r\n')) assert.ok(!/(?<!\r)\n/.test(output), `${what} wrote a bare LF into a CRLF file`);
}
