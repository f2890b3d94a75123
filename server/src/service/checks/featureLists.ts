// The rules of a milestone's `features` list: `duplicate-feature`, `unknown-feature` ("did you
// mean …"), and the three date checks of each feature against the milestone that lists it. Each
// problem sits on the feature's ID in the list.
import { completionPhrase, expectedDate, expectedDateText, expectedVerb, isCompleted } from '../model/itemState';
import type { PlanItem } from '../model/planItem';
import type { Span } from '../yaml/nodes';
import type { CheckContext } from './itemChecks';
import type { Problem } from './problems';

export function checkFeatureList(milestone: PlanItem, context: CheckContext, problems: Problem[]): void {
  const { index } = context;
  const references = milestone.references;
  for (let position = 0; position < references.length; position++) {
    const reference = references[position]!;
    if (isRepeat(references, position)) {
      problems.push({
        code: 'duplicate-feature',
        message: `${reference.id} is listed more than once in ${milestone.id}.`,
        ...milestone.absolute(reference.span),
        data: { kind: 'pair', milestone: milestone.id, feature: reference.id },
      });
      continue;
    }
    const feature = index.features.get(reference.id);
    if (!feature) {
      const isMilestone = index.milestones.has(reference.id);
      const suggestion = isMilestone ? undefined : context.suggestFeature(reference.id);
      problems.push({
        code: 'unknown-feature',
        message: isMilestone
          ? `${reference.id} is a milestone, not a feature: a milestone lists features.`
          : `${milestone.id} lists ${reference.id}, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...milestone.absolute(reference.span),
        data: { kind: 'unknown-feature', milestone: milestone.id, feature: reference.id, suggestion },
      });
      continue;
    }
    // With the dates the overrides files give them, as Rubin's tooling applies them.
    const dated = context.withOverrides ?? ((item: PlanItem) => item);
    checkPair(dated(milestone), dated(feature), reference.span, problems);
  }
}

/** Whether the reference at `position` repeats an earlier one (lists are short: no set needed). */
function isRepeat(references: readonly { id: string }[], position: number): boolean {
  const id = references[position]!.id;
  for (let earlier = 0; earlier < position; earlier++) if (references[earlier]!.id === id) return true;
  return false;
}

/**
 * The three date checks of a feature against a milestone that lists it; `relative` is the
 * listing's span in the milestone's segment. Due dates are compared as each item is expected: its
 * forecast where it has one, and the message says which date was used.
 */
function checkPair(milestone: PlanItem, feature: PlanItem, relative: Span, problems: Problem[]): void {
  const featureDate = expectedDate(feature);
  const milestoneDate = expectedDate(milestone);
  const dueAfter = featureDate !== undefined && milestoneDate !== undefined && featureDate.date > milestoneDate.date;
  if (!dueAfter && !isCompleted(milestone)) return;
  const span = milestone.absolute(relative);
  const data = { kind: 'pair' as const, milestone: milestone.id, feature: feature.id };
  if (dueAfter) {
    problems.push({
      code: 'feature-due-after-milestone',
      message: `${feature.id} is ${expectedVerb(featureDate)} ${featureDate.date}, after ${milestone.id} (${expectedDateText(milestoneDate)}).`,
      ...span,
      data,
    });
  }
  if (isCompleted(milestone) && !isCompleted(feature)) {
    problems.push({
      code: 'feature-open-in-completed-milestone',
      message: `${milestone.id} ${completionPhrase(milestone)}, but ${feature.id}${feature.due ? ` (due ${feature.due})` : ''} is not completed.`,
      ...span,
      data,
    });
  }
  if (milestone.completed && feature.completed && feature.completed > milestone.completed) {
    problems.push({
      code: 'feature-completed-after-milestone',
      message: `${feature.id} was completed ${feature.completed}, after ${milestone.id} (completed ${milestone.completed}).`,
      ...span,
      data,
    });
  }
}
