// `unknown-predecessor`: a `predecessors` list names an ID that no plan defines ("did you mean …").
import type { ReportedProblem } from '../checks/problems';
import { replaceScalar } from '../edits/planEdits';
import { linkHolder, namedPredecessors, removePredecessorFix } from './links';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';

function replacements(problem: ReportedProblem, context: FixContext): PlanCodeAction[] {
  const data = problem.data;
  if (data?.kind !== 'unknown-predecessor' || context.document.kind !== 'plan') return [];
  const file = context.document.file;
  const item = linkHolder(problem, context);
  const listed = new Set(item?.predecessors ?? []);
  // Every listing of the ID (a repeat is the same link): one left would still be unknown.
  const spans = item?.definition.predecessorReferences.filter((reference) => reference.id === data.predecessor).map((reference) => reference.span) ?? [problem];
  return context
    .idMatches(data.predecessor)
    .filter((id) => !listed.has(id) && id !== item?.id)
    .map((id, rank) => context.action(`Replace with ${id}`, new Map([[file.uri, spans.map((span) => replaceScalar(file.text, span, id))]]), rank === 0 && id === data.suggestion));
}

export default defineRule({
  code: 'unknown-predecessor',
  severity: 'error',
  short: 'Unknown predecessor',
  full: 'A `predecessors` list names an ID that no plan file defines ("did you mean …").',
  checkItem(item, context, problems) {
    for (const { id, span } of namedPredecessors(item)) {
      if (context.plan.index.item(id)) continue;
      const suggestion = context.suggestId(id);
      problems.push({
        code: 'unknown-predecessor',
        message: `${item.id} names ${id} as a predecessor, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...span,
        data: { kind: 'unknown-predecessor', item: item.id, predecessor: id, suggestion },
      });
    }
  },
  fixes(problem, context) {
    const data = problem.data;
    const item = linkHolder(problem, context);
    const actions = replacements(problem, context);
    const removal = item && data?.kind === 'unknown-predecessor' ? removePredecessorFix(context, item, data.predecessor) : undefined;
    return removal ? [...actions, removal] : actions;
  },
  safeFix(problem, context) {
    const data = problem.data;
    if (data?.kind !== 'unknown-predecessor' || data.suggestion === undefined || context.idMatches(data.predecessor, 2).length !== 1) return undefined;
    return replacements(problem, context).find((action) => action.isPreferred);
  },
});
