// `feature-due-after-milestone`: a feature expected after a milestone that lists it (each by its
// forecast where it has one, else its due date).
import { moveEitherDate } from './dateFixes';
import { listedFeatures, pairOf, removeFeatureFix } from './pairs';
import { defineRule } from './rule';

export default defineRule({
  code: 'feature-due-after-milestone',
  severity: 'warning',
  short: 'Feature due after its milestone',
  full: 'A feature is expected after a milestone that lists it: each by its `forecast` where it has one, else its `due` date, as the effective plan has them (the message says which date, and which overrides file set it).',
  marks: ['inconsistent'],
  checkItem(milestone, context, problems) {
    if (milestone.kind !== 'milestone' || !milestone.expected) return;
    for (const { feature, span } of listedFeatures(milestone, context.plan)) {
      if (!feature.expected || feature.expected.date <= milestone.expected.date) continue;
      problems.push({
        code: 'feature-due-after-milestone',
        message: `${feature.id} is ${feature.expectedText()}, after ${milestone.id} (${milestone.expectedText()}).`,
        ...span,
        data: { kind: 'pair', milestone: milestone.id, feature: feature.id },
      });
    }
  },
  fixes(problem, context) {
    const pair = pairOf(problem, context);
    if (!pair) return [];
    return [...moveEitherDate(context, pair.milestone, pair.feature), removeFeatureFix(context, pair.milestone, pair.feature)].filter((action) => action !== undefined);
  },
});
