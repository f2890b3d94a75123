// The rules of an item's `predecessors` list: `unknown-predecessor` ("did you mean …"),
// `dependency-cycle`, and the two date checks of the item against each predecessor. Each problem
// sits on the predecessor's ID in the list.
import { completionPhrase, expectedDate, expectedDateText, expectedVerb, isCompleted } from '../model/itemState';
import type { PlanItem } from '../model/planItem';
import type { CheckContext } from './itemChecks';
import type { Problem } from './problems';

export function checkPredecessors(item: PlanItem, context: CheckContext, problems: Problem[]): void {
  const references = item.predecessorReferences;
  for (let position = 0; position < references.length; position++) {
    const reference = references[position]!;
    // A repeated ID is one link: its problems are told once.
    if (references.findIndex((earlier) => earlier.id === reference.id) < position) continue;
    const span = reference.span;
    const predecessor = context.index.item(reference.id);
    if (!predecessor) {
      const suggestion = context.suggestId(reference.id);
      problems.push({
        code: 'unknown-predecessor',
        message: `${item.id} names ${reference.id} as a predecessor, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...span,
        data: { kind: 'unknown-predecessor', item: item.id, predecessor: reference.id, suggestion },
      });
      continue;
    }
    const data = { kind: 'link' as const, item: item.id, predecessor: reference.id };
    const cycle = context.cycleThrough(item.id, reference.id);
    if (cycle) {
      problems.push({
        code: 'dependency-cycle',
        message: `Dependency cycle: ${cycle.join(' → ')} (each must be done before the next); remove one of these links.`,
        ...span,
        data,
      });
    }
    // Each as it is expected: its forecast where it has one (the message says which date was used).
    const itemDate = expectedDate(item);
    const predecessorDate = expectedDate(predecessor);
    if (itemDate !== undefined && predecessorDate !== undefined && itemDate.date < predecessorDate.date) {
      problems.push({
        code: 'predecessor-due-after',
        message: `${item.id} is ${expectedVerb(itemDate)} ${itemDate.date}, before its predecessor ${predecessor.id} (${expectedDateText(predecessorDate)}).`,
        ...span,
        data,
      });
    }
    if (isCompleted(item) && !isCompleted(predecessor)) {
      problems.push({
        code: 'predecessor-open',
        message: `${item.id} ${completionPhrase(item)}, but its predecessor ${predecessor.id}${predecessor.due ? ` (due ${predecessor.due})` : ''} is not completed.`,
        ...span,
        data,
      });
    }
  }
}
