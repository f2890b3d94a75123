// Quick fixes and "fix all", in a plan or an overrides file: each problem's rule offers its fixes
// (rules/<code>.ts), and every problem can be silenced on its line. Each fix is a minimal text edit
// that keeps comments, quoting, indentation and line ends, after which the problem is gone.
import type { ReportedProblem } from '../checks/problems';
import { mergedDeletions } from '../edits/planEdits';
import type { PlanDocument } from '../model/document';
import type { FixContext, FixTargets, PlanCodeAction } from '../rules/rule';
import type { TextEdit, WorkspaceEdit } from '../text/edits';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';
import { silence } from './silence';

export type { FixTargets, PlanCodeAction };

/** What a rule's fixes are given for one problem of `document`. */
function fixContext(workspace: Workspace, document: PlanDocument, problem: ReportedProblem, targets: FixTargets): FixContext {
  return {
    plan: workspace.analyze().plan,
    document,
    documentOf: (uri) => workspace.document(uri),
    planFiles: () => workspace.allFiles(),
    featureMatches: (id, limit) => workspace.featureMatches(id, limit),
    idMatches: (id, limit) => workspace.idMatches(id, limit),
    targets,
    action: (title: string, edits: WorkspaceEdit, isPreferred = false) => ({ title, kind: 'quickfix', isPreferred, problem, edits }),
  };
}

/** The quick fixes for the problems of a document that touch `range`. */
export function getCodeActions(workspace: Workspace, document: PlanDocument, range: Span, targets: FixTargets = {}): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  for (const problem of workspace.problems(document.uri)) {
    if (problem.end < range.start || problem.start > range.end) continue;
    const fixes = workspace.rules.get(problem.code)?.fixes;
    if (fixes) actions.push(...fixes(problem, fixContext(workspace, document, problem, targets)));
    actions.push(silence(document, problem));
  }
  return withoutRepeats(actions);
}

/**
 * Two problems on one place can offer the same fix (a feature both due and completed after its
 * milestone: "Remove F from M" for each); the lightbulb lists it once.
 */
function withoutRepeats(actions: PlanCodeAction[]): PlanCodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = JSON.stringify([action.title, [...action.edits]]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every fix that has a single obvious answer (each rule's `safeFix`), in one edit of the document. */
export function fixAll(workspace: Workspace, document: PlanDocument): PlanCodeAction | undefined {
  const deletions: TextEdit[] = [];
  const replacements: TextEdit[] = [];
  let fixed = 0;
  for (const problem of workspace.problems(document.uri)) {
    const safeFix = workspace.rules.get(problem.code)?.safeFix;
    const fix = safeFix?.(problem, fixContext(workspace, document, problem, {}));
    if (!fix || fix.edits.size !== 1) continue;
    const edit = fix.edits.get(document.uri)?.[0];
    if (!edit || fix.edits.get(document.uri)!.length !== 1) continue;
    // Deletions may overlap each other (neighbours in a flow list share a comma) and are merged; any other overlap is left for the next run.
    const overlaps = (others: TextEdit[]) => others.some((other) => other.start < edit.end && edit.start < other.end);
    if (overlaps(replacements) || (edit.text !== '' && overlaps(deletions))) continue;
    (edit.text === '' ? deletions : replacements).push(edit);
    fixed++;
  }
  if (fixed === 0) return undefined;
  const edits = [...mergedDeletions(deletions), ...replacements].sort((a, b) => a.start - b.start);
  return { title: `Fix all obvious problems (${fixed})`, kind: 'source.fixAll.milestones', edits: new Map([[document.uri, edits]]) };
}
