// `completed-in-future`: a completion date after the plan's asOf date.
import { defineRule } from './rule';

export default defineRule({
  code: 'completed-in-future',
  severity: 'error',
  short: 'Completed in the future',
  full: 'A completion date after `asOf`.',
  checkItem(item, _context, problems) {
    if (!item.completed || item.completed <= item.asOf) return;
    // On the date where the plan writes it; on the ID when an overrides file sets it.
    const origin = item.origin('completed');
    const span = origin.kind === 'plan' && origin.valueSpan ? origin.valueSpan : item.definition.idSpan;
    problems.push({
      code: 'completed-in-future',
      message: `${item.kind === 'milestone' ? 'Milestone' : 'Feature'} ${item.id} is marked completed ${item.dateText('completed')}, after ${item.asOf} (as of).`,
      ...span,
      data: { kind: 'item', id: item.id },
    });
  },
});
