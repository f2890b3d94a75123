// The driving path of an item: the chain of predecessors that sets its earliest date. At each step
// the predecessor expected last drives (its forecast where it has one, else its due date; the first
// written, when two fall on one day); the chain ends at an item with no dated predecessor, or where
// it would come back on itself (a cycle).
import { expectedDate } from './itemState';
import type { PlanIndex } from './planIndex';
import type { PlanItem } from './planItem';

/** The predecessor that drives an item: the defined one expected last (its forecast, else its due date), or undefined. */
export function drivingPredecessor(index: PlanIndex, item: PlanItem): PlanItem | undefined {
  let driving: PlanItem | undefined;
  let drivingDate = '';
  for (const id of item.predecessorIdList) {
    const predecessor = index.item(id);
    const date = predecessor && expectedDate(predecessor)?.date;
    if (date === undefined) continue;
    if (!driving || date > drivingDate) {
      driving = predecessor;
      drivingDate = date;
    }
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
