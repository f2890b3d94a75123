// `feature-completed-after-milestone`: a feature completed after a milestone that lists it.
import { dateFix } from './dateFixes';
import { listedFeatures, pairOf, removeFeatureFix } from './pairs';
import { defineRule } from './rule';

export default defineRule({
  code: 'feature-completed-after-milestone',
  severity: 'warning',
  short: 'Feature completed after its milestone',
  full: 'A feature was completed after a milestone that lists it.',
  marks: ['inconsistent'],
  checkItem(milestone, context, problems) {
    if (milestone.kind !== 'milestone' || !milestone.completed) return;
    for (const { feature, span } of listedFeatures(milestone, context.plan)) {
      if (!feature.completed || feature.completed <= milestone.completed) continue;
      problems.push({
        code: 'feature-completed-after-milestone',
        message: `${feature.id} was completed ${feature.dateText('completed')}, after ${milestone.id} (completed ${milestone.dateText('completed')}).`,
        ...span,
        data: { kind: 'pair', milestone: milestone.id, feature: feature.id },
      });
    }
  },
  fixes(problem, context) {
    const pair = pairOf(problem, context);
    if (!pair?.feature.completed || !pair.milestone.completed) return [];
    const { milestone, feature } = pair;
    return [
      dateFix(context, `Set ${milestone.id}'s completion to ${feature.completed}`, milestone, 'completed', feature.completed!),
      dateFix(context, `Set ${feature.id}'s completion to ${milestone.completed}`, feature, 'completed', milestone.completed!),
      removeFeatureFix(context, milestone, feature),
    ].filter((action) => action !== undefined);
  },
});
