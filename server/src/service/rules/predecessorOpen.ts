// `predecessor-open`: an item completed while one of its predecessors is not.
import { completionPhrase, dateFix, dueInParentheses } from './dateFixes';
import { knownPredecessors, linkOf, removePredecessorFix } from './links';
import { defineRule } from './rule';

export default defineRule({
  code: 'predecessor-open',
  severity: 'warning',
  short: 'Completed before a predecessor',
  full: 'An item is completed while one of its predecessors is not.',
  marks: ['inconsistent'],
  checkItem(item, context, problems) {
    if (!item.completedWritten) return;
    for (const { predecessor, span } of knownPredecessors(item, context.plan)) {
      if (predecessor.completedWritten) continue;
      problems.push({
        code: 'predecessor-open',
        message: `${item.id} ${completionPhrase(item)}, but its predecessor ${predecessor.id}${dueInParentheses(predecessor)} is not completed.`,
        ...span,
        data: { kind: 'link', item: item.id, predecessor: predecessor.id },
      });
    }
  },
  fixes(problem, context) {
    const link = linkOf(problem, context);
    if (!link) return [];
    const { item, predecessor } = link;
    return [
      item.completed ? dateFix(context, `Mark ${predecessor.id} completed on ${item.completed}`, predecessor, 'completed', item.completed) : undefined,
      removePredecessorFix(context, item, predecessor.id),
    ].filter((action) => action !== undefined);
  },
});
