// The date fixes several rules offer, each changing a date where the effective plan takes it from
// (the plan, or the overrides file that sets it, named in the title).
import { setEffectiveDate } from '../edits/planEdits';
import type { EffectiveItem } from '../model/effectivePlan';
import type { FixContext, PlanCodeAction } from './rule';

const fieldWords = { due: 'due date', forecast: 'forecast', completed: 'completion' } as const;

/** An action setting (or, with null, taking away) one date of an item; undefined when it cannot be written. */
export function dateFix(context: FixContext, title: string, item: EffectiveItem, field: 'due' | 'forecast' | 'completed', date: string | null): PlanCodeAction | undefined {
  const change = setEffectiveDate(item, field, date, (uri) => context.documentOf(uri));
  if (!change) return undefined;
  return context.action(change.overridesFile ? `${title} in ${change.overridesFile}` : title, change.edits);
}

/** For two items whose expected dates are out of order: move either's expected date to the other's (each the date the check compared). */
export function moveEitherDate(context: FixContext, first: EffectiveItem, second: EffectiveItem): PlanCodeAction[] {
  const firstDate = first.expected;
  const secondDate = second.expected;
  if (!firstDate || !secondDate) return [];
  return [
    dateFix(context, `Move ${first.id}'s ${fieldWords[firstDate.field]} to ${secondDate.date}`, first, firstDate.field, secondDate.date),
    dateFix(context, `Move ${second.id}'s ${fieldWords[secondDate.field]} to ${firstDate.date}`, second, secondDate.field, firstDate.date),
  ].filter((action) => action !== undefined);
}

/** How a completed item stands, for a message: `was completed 2017-11-01 (local.yaml)`, or that its date is not valid. */
export function completionPhrase(item: EffectiveItem): string {
  return item.completed ? `was completed ${item.dateText('completed')}` : 'is marked completed (its date is not valid)';
}

/** ` (due 2021-07-01)`, or nothing without a due date: an item named in a message about another. */
export function dueInParentheses(item: EffectiveItem): string {
  return item.due ? ` (due ${item.dateText('due')})` : '';
}
