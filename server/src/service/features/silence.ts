// "Silence <code> on this line": the comment `# milestones-disable-next-line <code>` on the line
// above a problem, offered for every problem of a plan or an overrides file. A problem inside text
// that runs over several lines (a wrapped, folded or literal description) is silenced above the
// line the text starts on: a comment line inside it would end a plain scalar (and the file would
// no longer parse) or become part of a folded one.
import type { ReportedProblem } from '../checks/problems';
import { disableComment, disableDirective, proseSpanAt } from '../checks/suppression';
import type { PlanDocument } from '../model/document';
import type { PlanCodeAction } from '../rules/rule';
import { indentAt, lineEnding, singleEdit, wholeLine } from '../text/edits';
import { segmentAt } from '../yaml/segments';

/** The start and end offsets, in pairs, of a document's prose values around `offset` (names, descriptions, comments). */
function proseAround(document: PlanDocument, offset: number): { spans: readonly number[]; base: number } {
  if (document.kind === 'overrides') return { spans: document.file.freeText, base: 0 };
  const segments = document.file.segments;
  if (segments.length === 0) return { spans: [], base: 0 };
  const segment = segments[segmentAt(segments, offset)]!;
  return { spans: segment.derived.freeText, base: segment.base };
}

/** A comment line `# milestones-disable-next-line codes` and where its codes end (before any comment after them). */
const directiveLine = new RegExp(`^[ \\t]*#\\s*${disableDirective}\\b([^#\\r\\n]*)`);

/** The action that silences a problem where it stands. */
export function silence(document: PlanDocument, problem: ReportedProblem): PlanCodeAction {
  const text = document.file.text;
  const { spans, base } = proseAround(document, problem.start);
  const anchor = proseSpanAt(spans, problem.start - base)?.start;
  const line = wholeLine(text, anchor === undefined ? problem.start : Math.min(problem.start, anchor + base));
  const action = (edit: { start: number; text: string }): PlanCodeAction => ({
    title: `Silence ${problem.code} on this line`,
    kind: 'quickfix',
    problem,
    edits: singleEdit(document.uri, { start: edit.start, end: edit.start }, edit.text),
  });
  // The line above silences other rules already: the code joins them (a second comment would come between it and its line).
  if (line.start > 0) {
    const above = wholeLine(text, line.start - 1);
    const directive = directiveLine.exec(text.slice(above.start, above.end));
    if (directive && directive[1]!.trim() !== '') return action({ start: above.start + directive.index + directive[0].trimEnd().length, text: `, ${problem.code}` });
  }
  // On the first line, after a byte-order mark: before it, the mark would become part of the key below.
  const start = line.start === 0 && text.startsWith('\uFEFF') ? 1 : line.start;
  const indent = indentAt(text, start + /^[ \t]*/.exec(text.slice(start, line.end))![0].length);
  return action({ start, text: `${indent}${disableComment(problem.code)}${lineEnding(text)}` });
}
