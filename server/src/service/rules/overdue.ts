// `overdue`: an item not completed whose due date is before the plan's asOf date (its status
// `overdue`, decided by model/itemState.ts). Fixed by marking it completed, where the effective
// plan takes its completion from.
import { today } from '../text/dates';
import { dateFix } from './dateFixes';
import { defineRule } from './rule';

export default defineRule({
  code: 'overdue',
  severity: 'information',
  short: 'Overdue',
  full: 'An item not completed whose due date is before `asOf` (the due date, whatever the forecast).',
  checkItem(item, _context, problems) {
    if (item.status !== 'overdue') return;
    const cleared = item.sourceOf('completed');
    problems.push({
      code: 'overdue',
      message: `${item.kind === 'milestone' ? 'Milestone' : 'Feature'} ${item.id} was due ${item.dateText('due')} and is not completed${cleared ? `: ${cleared} takes its completion date away` : ''} (as of ${item.asOf}).`,
      ...item.definition.idSpan,
      data: { kind: 'item', id: item.id },
    });
  },
  fixes(problem, context) {
    const data = problem.data;
    const item = data?.kind === 'item' && context.document.kind === 'plan' ? context.document.file.milestones.concat(context.document.file.features).find((candidate) => candidate.id === data.id && candidate.idSpan.start === problem.start) : undefined;
    if (!item) return [];
    const effective = context.plan.of(item);
    const date = today();
    // A plan judged as of a past date would call today's date "in the future" (an error): there,
    // completion on the plan's date comes first, and today's is still offered for a plan being brought up to date.
    return [
      effective.asOf < date ? dateFix(context, `Mark ${item.id} completed on ${effective.asOf} (as of)`, effective, 'completed', effective.asOf) : undefined,
      dateFix(context, `Mark ${item.id} completed today (${date})`, effective, 'completed', date),
    ].filter((action) => action !== undefined);
  },
});
