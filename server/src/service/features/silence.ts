// "Silence <code> on this line": the comment `# milestones-disable-next-line <code>` on the line
// above a problem, offered for every problem of a plan or an overrides file.
import type { ReportedProblem } from '../checks/problems';
import { disableComment } from '../checks/suppression';
import type { PlanCodeAction } from '../rules/rule';
import { indentAt, lineEnding, singleEdit, wholeLine } from '../text/edits';

/** The action that silences a problem where it stands; undefined where no comment can go. */
export function silence(file: { uri: string; text: string }, problem: ReportedProblem): PlanCodeAction | undefined {
  const line = wholeLine(file.text, problem.start);
  const indent = indentAt(file.text, line.start + /^[ \t]*/.exec(file.text.slice(line.start, line.end))![0].length);
  return {
    title: `Silence ${problem.code} on this line`,
    kind: 'quickfix',
    problem,
    edits: singleEdit(file.uri, { start: line.start, end: line.start }, `${indent}${disableComment(problem.code)}${lineEnding(file.text)}`),
  };
}
