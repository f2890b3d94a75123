// What the three date rules between a milestone and the features it lists share: the features a
// milestone lists that a plan defines, each once (a repeat is `duplicate-feature`'s, an unknown ID
// `unknown-feature`'s), and the fix they all offer, taking the feature out of the milestone.
import type { ReportedProblem } from '../checks/problems';
import { mergedDeletions, removeListItem } from '../edits/planEdits';
import type { EffectiveItem, EffectivePlan } from '../model/effectivePlan';
import { itemAt } from '../model/locate';
import type { Span } from '../yaml/nodes';
import type { FixContext, PlanCodeAction } from './rule';

/** The features `milestone` lists that a plan defines, each once, with the span (in its file) of the first listing. */
export function listedFeatures(milestone: EffectiveItem, plan: EffectivePlan): { feature: EffectiveItem; span: Span }[] {
  const found: { feature: EffectiveItem; span: Span }[] = [];
  const seen = new Set<string>();
  for (const reference of milestone.featureReferences) {
    if (seen.has(reference.id)) continue;
    seen.add(reference.id);
    const feature = plan.feature(reference.id);
    if (feature) found.push({ feature, span: reference.span });
  }
  return found;
}

/** The milestone and the feature of a pair problem: the milestone whose entry holds it (an ID defined twice has two). */
export function pairOf(problem: ReportedProblem, context: FixContext): { milestone: EffectiveItem; feature: EffectiveItem } | undefined {
  const data = problem.data;
  if (data?.kind !== 'pair' || context.document.kind !== 'plan') return undefined;
  const holder = itemAt(context.document.file, problem.start);
  const milestone = holder?.id === data.milestone ? context.plan.of(holder) : context.plan.milestone(data.milestone);
  const feature = context.plan.feature(data.feature);
  return milestone && feature ? { milestone, feature } : undefined;
}

/** "Remove F from M": every listing of the feature, or it would still be in the milestone (and the problem with it). */
export function removeFeatureFix(context: FixContext, milestone: EffectiveItem, feature: EffectiveItem): PlanCodeAction | undefined {
  const document = context.documentOf(milestone.uri);
  if (document?.kind !== 'plan') return undefined;
  const listings = milestone.featureReferences.filter((reference) => reference.id === feature.id);
  const removals = listings.map((reference) => removeListItem(document.file.text, reference.span));
  return removals.length === 0 ? undefined : context.action(`Remove ${feature.id} from ${milestone.id}`, new Map([[milestone.uri, mergedDeletions(removals)]]));
}
