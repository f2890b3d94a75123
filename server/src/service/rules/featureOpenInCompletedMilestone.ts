// `feature-open-in-completed-milestone`: a milestone completed while a feature it lists is not.
import { completionPhrase, dateFix, dueInParentheses } from './dateFixes';
import { listedFeatures, pairOf, removeFeatureFix } from './pairs';
import { defineRule } from './rule';

export default defineRule({
  code: 'feature-open-in-completed-milestone',
  severity: 'warning',
  short: 'Open feature in a completed milestone',
  full: 'A milestone is completed while a feature it lists is not.',
  marks: ['inconsistent'],
  checkItem(milestone, context, problems) {
    if (milestone.kind !== 'milestone' || !milestone.completedWritten) return;
    for (const { feature, span } of listedFeatures(milestone, context.plan)) {
      if (feature.completedWritten) continue;
      problems.push({
        code: 'feature-open-in-completed-milestone',
        message: `${milestone.id} ${completionPhrase(milestone)}, but ${feature.id}${dueInParentheses(feature)} is not completed.`,
        ...span,
        data: { kind: 'pair', milestone: milestone.id, feature: feature.id },
      });
    }
  },
  fixes(problem, context) {
    const pair = pairOf(problem, context);
    if (!pair || !pair.milestone.completedWritten) return [];
    const { milestone, feature } = pair;
    return [
      milestone.completed ? dateFix(context, `Mark ${feature.id} completed on ${milestone.completed}`, feature, 'completed', milestone.completed) : undefined,
      dateFix(context, `Reopen ${milestone.id}`, milestone, 'completed', null),
      removeFeatureFix(context, milestone, feature),
    ].filter((action) => action !== undefined);
  },
});
