// What the rules of an item's `predecessors` list share: each ID it names once (a repeat is one
// link), with the span of its first listing, and the fix they all offer, removing the link.
import type { ReportedProblem } from '../checks/problems';
import { mergedDeletions, removeListItem } from '../edits/planEdits';
import type { EffectiveItem, EffectivePlan } from '../model/effectivePlan';
import { itemAt } from '../model/locate';
import type { Span } from '../yaml/nodes';
import type { FixContext, PlanCodeAction } from './rule';

/** The IDs an item names as predecessors, each once, with the span of the first listing. */
export function namedPredecessors(item: EffectiveItem): { id: string; span: Span }[] {
  const found: { id: string; span: Span }[] = [];
  const seen = new Set<string>();
  for (const reference of item.definition.predecessorReferences) {
    if (seen.has(reference.id)) continue;
    seen.add(reference.id);
    found.push(reference);
  }
  return found;
}

/** The predecessors an item names that a plan defines, each once, with the span of the first listing. */
export function knownPredecessors(item: EffectiveItem, plan: EffectivePlan): { predecessor: EffectiveItem; span: Span }[] {
  return namedPredecessors(item).flatMap(({ id, span }) => {
    const predecessor = plan.item(id);
    return predecessor ? [{ predecessor, span }] : [];
  });
}

/** The two ends of a link problem: the item whose list holds it, and the predecessor it names. */
export function linkOf(problem: ReportedProblem, context: FixContext): { item: EffectiveItem; predecessor: EffectiveItem } | undefined {
  const data = problem.data;
  const item = linkHolder(problem, context);
  const predecessor = data?.kind === 'link' ? context.plan.item(data.predecessor) : undefined;
  return item && predecessor ? { item, predecessor } : undefined;
}

/** The item whose `predecessors` list holds a problem, in the problem's file. */
export function linkHolder(problem: ReportedProblem, context: FixContext): EffectiveItem | undefined {
  if (context.document.kind !== 'plan') return undefined;
  const holder = itemAt(context.document.file, problem.start);
  return holder && context.plan.of(holder);
}

/** Removes every listing of a predecessor from an item's list (a repeat would keep the link). */
export function removePredecessorFix(context: FixContext, item: EffectiveItem, id: string): PlanCodeAction | undefined {
  const document = context.documentOf(item.uri);
  if (document?.kind !== 'plan') return undefined;
  const removals = item.definition.predecessorReferences.filter((reference) => reference.id === id).map((reference) => removeListItem(document.file.text, reference.span));
  return removals.length === 0 ? undefined : context.action(`Remove ${id} from ${item.id}'s predecessors`, new Map([[item.uri, mergedDeletions(removals)]]));
}
