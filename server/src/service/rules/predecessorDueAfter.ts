// `predecessor-due-after`: an item expected before one of its predecessors (each by its forecast
// where it has one, else its due date).
import { moveEitherDate } from './dateFixes';
import { linkHolder, namedPredecessors, removePredecessorFix } from './links';
import { defineRule } from './rule';

export default defineRule({
  code: 'predecessor-due-after',
  severity: 'warning',
  short: 'Due before a predecessor',
  full: 'An item is expected before one of its predecessors: each by its `forecast` where it has one, else its `due` date.',
  marks: ['inconsistent'],
  checkItem(item, context, problems) {
    if (!item.expected) return;
    for (const { id, span } of namedPredecessors(item)) {
      const predecessor = context.plan.item(id);
      if (!predecessor?.expected || item.expected.date >= predecessor.expected.date) continue;
      problems.push({
        code: 'predecessor-due-after',
        message: `${item.id} is ${item.expectedText()}, before its predecessor ${predecessor.id} (${predecessor.expectedText()}).`,
        ...span,
        data: { kind: 'link', item: item.id, predecessor: id },
      });
    }
  },
  fixes(problem, context) {
    const data = problem.data;
    const item = linkHolder(problem, context);
    const predecessor = data?.kind === 'link' ? context.plan.item(data.predecessor) : undefined;
    if (!item || !predecessor) return [];
    return [...moveEitherDate(context, item, predecessor), removePredecessorFix(context, item, predecessor.id)].filter((action) => action !== undefined);
  },
});
