// Which problems are reported, and how: each rule's severity (from the settings, else the rule's), and
// `# milestones-disable-next-line [codes]` comments that silence the line after them.
import type { TextSource } from '../text/textStore';
import type { Segment } from '../yaml/segments';
import type { Severity } from '../../../../common/planSnapshot';
import type { Problem, ReportedProblem } from './problems';

export const disableDirective = 'milestones-disable-next-line';

const directive = new RegExp(`#\\s*${disableDirective}\\b([^\\n]*)`);

/** The comment that silences `code` on the line after it (for a quick fix to insert). */
export function disableComment(code: string): string {
  return `# ${disableDirective} ${code}`;
}

export function hasDirective(segment: Segment): boolean {
  return segment.text.includes(disableDirective);
}

/** The prose value (of `spans`: start and end offsets in pairs) that holds `offset`, if any. */
export function proseSpanAt(spans: readonly number[], offset: number): { start: number; end: number } | undefined {
  for (let index = 0; index < spans.length; index += 2) if (spans[index]! <= offset && offset <= spans[index + 1]!) return { start: spans[index]!, end: spans[index + 1]! };
  return undefined;
}

/** Whether the line above `offset` is a comment that silences `code` (or every rule when it names none). */
export function isSuppressed(text: TextSource, offset: number, code: string): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart === 0) return false;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = text.slice(previousStart, lineStart - 1);
  const match = directive.exec(previous);
  if (!match || previous.slice(0, match.index).trim() !== '') return false;
  const codes = match[1]!.replace(/#.*$/, '').split(/[\s,]+/).filter(Boolean);
  return codes.length === 0 || codes.includes(code);
}

/**
 * Problems as reported: with their severities, without those of rules set to `off` or silenced by
 * a directive (looked for only when the file has one), ordered by position. The problems' offsets
 * are relative to `base` in the file's `text`, and so are those of the result, and of `prose`: the
 * prose values, in whose lines a comment cannot go, silenced by a directive above their first line.
 */
export function report(text: TextSource, problems: readonly Problem[], severityOf: (code: string) => Severity | undefined, mayBeSuppressed: boolean, base = 0, prose: readonly number[] = []): ReportedProblem[] {
  const reported: ReportedProblem[] = [];
  for (const problem of problems) {
    const severity = severityOf(problem.code);
    if (!severity) continue;
    if (mayBeSuppressed && (isSuppressed(text, base + problem.start, problem.code) || isSuppressedProse(text, prose, base, problem))) continue;
    reported.push({ code: problem.code, message: problem.message, start: problem.start, end: problem.end, data: problem.data, severity });
  }
  reported.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return reported;
}

/** Whether a problem inside a prose value is silenced by a directive above the line the value starts on. */
function isSuppressedProse(text: TextSource, prose: readonly number[], base: number, problem: Problem): boolean {
  const span = prose.length > 0 ? proseSpanAt(prose, problem.start) : undefined;
  return span !== undefined && span.start < problem.start && isSuppressed(text, base + span.start, problem.code);
}
