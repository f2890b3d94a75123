// `unknown-feature`: a milestone lists an ID that no plan defines as a feature ("did you mean …"),
// or a milestone's ID. Fixed by the suggestion, or by a stub of the feature.
import type { ReportedProblem } from '../checks/problems';
import { addFeatureStub, replaceScalar } from '../edits/planEdits';
import { itemAt } from '../model/locate';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';

function replacements(problem: ReportedProblem, context: FixContext): PlanCodeAction[] {
  const data = problem.data;
  if (data?.kind !== 'unknown-feature' || context.document.kind !== 'plan') return [];
  const file = context.document.file;
  // Every listing of the ID in the milestone's list: one left would still be unknown.
  const milestone = itemAt(file, problem.start);
  const spans = milestone?.featureReferences.filter((reference) => reference.id === data.feature).map((reference) => reference.span) ?? [problem];
  return context.featureMatches(data.feature).map((id, rank) => context.action(`Replace with ${id}`, new Map([[file.uri, spans.map((span) => replaceScalar(file.text, span, id))]]), rank === 0 && id === data.suggestion));
}

export default defineRule({
  code: 'unknown-feature',
  severity: 'error',
  short: 'Unknown feature',
  full: 'A milestone lists an ID that no plan file defines as a feature ("did you mean …"), or a milestone\'s ID.',
  checkItem(milestone, context, problems) {
    if (milestone.kind !== 'milestone') return;
    const { index } = context.plan;
    const seen = new Set<string>();
    for (const reference of milestone.featureReferences) {
      if (seen.has(reference.id)) continue;
      seen.add(reference.id);
      if (index.features.has(reference.id)) continue;
      const isMilestone = index.milestones.has(reference.id);
      const suggestion = isMilestone ? undefined : context.suggestFeature(reference.id);
      problems.push({
        code: 'unknown-feature',
        message: isMilestone
          ? `${reference.id} is a milestone, not a feature: a milestone lists features.`
          : `${milestone.id} lists ${reference.id}, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...reference.span,
        data: { kind: 'unknown-feature', milestone: milestone.id, feature: reference.id, suggestion },
      });
    }
  },
  fixes(problem, context) {
    const data = problem.data;
    if (data?.kind !== 'unknown-feature' || context.document.kind !== 'plan') return [];
    const actions = replacements(problem, context);
    if (!context.plan.index.milestones.has(data.feature)) {
      const milestone = context.plan.milestone(data.milestone);
      actions.push(context.action(`Create feature ${data.feature}`, addFeatureStub(context.planFiles(), context.document.file, data.feature, milestone?.due)));
    }
    return actions;
  },
  safeFix(problem, context) {
    const data = problem.data;
    if (data?.kind !== 'unknown-feature' || data.suggestion === undefined || context.document.kind !== 'plan') return undefined;
    // Obvious only when one ID is close, and the milestone does not list it already.
    if (context.featureMatches(data.feature, 2).length !== 1) return undefined;
    if (itemAt(context.document.file, problem.start)?.featureReferences.some((reference) => reference.id === data.suggestion)) return undefined;
    return replacements(problem, context).find((action) => action.isPreferred);
  },
});
