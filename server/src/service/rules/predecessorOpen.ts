// `predecessor-open`: an item completed while one of its predecessors is not.
import { completionPhrase, dateFix, dueInParentheses } from './dateFixes';
import { linkHolder, namedPredecessors, removePredecessorFix } from './links';
import { defineRule } from './rule';

export default defineRule({
  code: 'predecessor-open',
  severity: 'warning',
  short: 'Completed before a predecessor',
  full: 'An item is completed while one of its predecessors is not.',
  marks: ['inconsistent'],
  checkItem(item, context, problems) {
    if (!item.completedWritten) return;
    for (const { id, span } of namedPredecessors(item)) {
      const predecessor = context.plan.item(id);
      if (!predecessor || predecessor.completedWritten) continue;
      problems.push({
        code: 'predecessor-open',
        message: `${item.id} ${completionPhrase(item)}, but its predecessor ${predecessor.id}${dueInParentheses(predecessor)} is not completed.`,
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
    return [
      item.completed ? dateFix(context, `Mark ${predecessor.id} completed on ${item.completed}`, predecessor, 'completed', item.completed) : undefined,
      removePredecessorFix(context, item, predecessor.id),
    ].filter((action) => action !== undefined);
  },
});
