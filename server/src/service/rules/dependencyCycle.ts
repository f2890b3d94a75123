// `dependency-cycle`: an item that is, through its predecessors, its own predecessor.
import { linkHolder, namedPredecessors, removePredecessorFix } from './links';
import { defineRule } from './rule';

export default defineRule({
  code: 'dependency-cycle',
  severity: 'error',
  short: 'Predecessors in a cycle',
  full: 'An item is, through its predecessors, its own predecessor: on each link of the cycle, with the whole cycle in the message.',
  marks: ['cycle'],
  checkItem(item, context, problems) {
    for (const { id, span } of namedPredecessors(item)) {
      if (!context.plan.index.item(id)) continue;
      const cycle = context.cycleThrough(item.id, id);
      if (!cycle) continue;
      problems.push({
        code: 'dependency-cycle',
        message: `Dependency cycle: ${cycle.join(' → ')} (each must be done before the next); remove one of these links.`,
        ...span,
        data: { kind: 'link', item: item.id, predecessor: id },
      });
    }
  },
  fixes(problem, context) {
    const data = problem.data;
    const item = linkHolder(problem, context);
    if (!item || data?.kind !== 'link') return [];
    return [removePredecessorFix(context, item, data.predecessor)].filter((action) => action !== undefined);
  },
});
