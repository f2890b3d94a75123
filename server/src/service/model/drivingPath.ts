// The driving path of an item: the chain of predecessors that sets its earliest date. At each step
// the predecessor due last drives (the first written, when two are due on one day); the chain ends
// at an item with no dated predecessor, or where it would come back on itself (a cycle).
import type { PlanIndex } from './planIndex';
import type { PlanItem } from './planItem';

/** The predecessor that drives an item: the defined one due last, or undefined. */
export function drivingPredecessor(index: PlanIndex, item: PlanItem): PlanItem | undefined {
  let driving: PlanItem | undefined;
  for (const id of item.predecessorIdList) {
    const predecessor = index.item(id);
    if (predecessor?.due === undefined) continue;
    if (!driving || predecessor.due > driving.due!) driving = predecessor;
  }
  return driving;
}

/** The driving path that ends at `item`, earliest first: `[first, …, driving predecessor, item]`. */
export function drivingPath(index: PlanIndex, item: PlanItem): PlanItem[] {
  const path = [item];
  const seen = new Set([item.id]);
  for (let current = drivingPredecessor(index, item); current && !seen.has(current.id); current = drivingPredecessor(index, current)) {
    seen.add(current.id);
    path.push(current);
  }
  return path.reverse();
}
