// `predecessor-due-after`: an item expected before one of its predecessors (each by its forecast
// where it has one, else its due date).
import { moveEitherDate } from './dateFixes';
import { knownPredecessors, linkOf, removePredecessorFix } from './links';
import { defineRule } from './rule';

export default defineRule({
  code: 'predecessor-due-after',
  severity: 'warning',
  short: 'Due before a predecessor',
  full: 'An item is expected before one of its predecessors: each by its `forecast` where it has one, else its `due` date.',
  marks: ['inconsistent'],
  checkItem(item, context, problems) {
    if (!item.expected) return;
    for (const { predecessor, span } of knownPredecessors(item, context.plan)) {
      if (!predecessor.expected || item.expected.date >= predecessor.expected.date) continue;
      problems.push({
        code: 'predecessor-due-after',
        message: `${item.id} is ${item.expectedText()}, before its predecessor ${predecessor.id} (${predecessor.expectedText()}).`,
        ...span,
        data: { kind: 'link', item: item.id, predecessor: predecessor.id },
      });
    }
  },
  fixes(problem, context) {
    const link = linkOf(problem, context);
    if (!link) return [];
    return [...moveEitherDate(context, link.item, link.predecessor), removePredecessorFix(context, link.item, link.predecessor.id)].filter((action) => action !== undefined);
  },
});
