// The driving path of an item: the chain of predecessors that sets its earliest date. At each step
// the predecessor expected last drives (its expected date in the effective plan: the forecast where
// it has one, else the due date, overrides applied; the first written, when two fall on one day);
// the chain ends at an item with no dated predecessor, or where it would come back on itself (a cycle).
import type { EffectiveItem, EffectivePlan } from './effectivePlan';

/** The predecessor that drives an item: the defined one expected last, or undefined. */
export function drivingPredecessor(plan: EffectivePlan, item: EffectiveItem): EffectiveItem | undefined {
  let driving: EffectiveItem | undefined;
  for (const predecessor of plan.predecessorsOf(item)) {
    const date = predecessor.expected?.date;
    if (date !== undefined && (!driving || date > driving.expected!.date)) driving = predecessor;
  }
  return driving;
}

/** The driving path that ends at `item`, earliest first: `[first, …, driving predecessor, item]`. */
export function drivingPath(plan: EffectivePlan, item: EffectiveItem): EffectiveItem[] {
  const path = [item];
  const seen = new Set([item.id]);
  for (let current = drivingPredecessor(plan, item); current && !seen.has(current.id); current = drivingPredecessor(plan, current)) {
    seen.add(current.id);
    path.push(current);
  }
  return path.reverse();
}
