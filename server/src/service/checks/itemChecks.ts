// The checks of one item that look beyond its own entry: its ID against the workspace, a
// milestone's feature list, its predecessors, and its dates against asOf. Each problem lies within the item's entry.
import type { OverriddenDates } from '../model/overrides';
import type { PlanIndex } from '../model/planIndex';
import type { PlanItem } from '../model/planItem';
import { checkItemDates } from './dates';
import { checkFeatureList } from './featureLists';
import { checkIds } from './ids';
import { checkPredecessors } from './predecessors';
import type { Problem } from './problems';

export interface CheckContext {
  index: PlanIndex;
  /** The date "overdue" and "in the future" are judged against, for items of the given file. */
  asOf(uri: string): string;
  /** Days a forecast may lie after the due date before `slipped` reports it. */
  slipThresholdDays: number;
  /** Where an item is defined, for messages: `file.milestones.yaml:12`. */
  where(item: PlanItem): string;
  /** The feature ID closest to a misspelt one, for "did you mean". */
  suggestFeature(id: string): string | undefined;
  /** The milestone or feature ID closest to a misspelt one, for "did you mean". */
  suggestId(id: string): string | undefined;
  /** The cycle through the link "`id` names `predecessor`", in the order of doing, ending where it starts. */
  cycleThrough(id: string, predecessor: string): string[] | undefined;
  /** The dates the overrides files give an ID, if any. */
  overriddenDates?(id: string): OverriddenDates | undefined;
  /** The item with those dates applied (itself when none). */
  withOverrides?: (item: PlanItem) => PlanItem;
}

export function checkItem(item: PlanItem, context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  checkIds(item, context, problems);
  if (item.kind === 'milestone') checkFeatureList(item, context, problems);
  checkPredecessors(item, context, problems);
  checkItemDates(item, context.asOf(item.uri), context.slipThresholdDays, problems, context.overriddenDates?.(item.id));
  return problems;
}
