// `slipped`: an item not completed forecast later than its due date by more than
// `milestones.slipThresholdDays`. Off unless asked for: many plans keep forecasts that slip on purpose.
import { slipDays } from '../model/itemState';
import { defineRule } from './rule';

export default defineRule({
  code: 'slipped',
  severity: 'off',
  short: 'Forecast slipped past its due date',
  full: 'An item not completed whose `forecast` is later than its `due` by more than `milestones.slipThresholdDays`. Off unless turned on in `milestones.rules` (for example `"slipped": "information"`): many plans keep forecasts that slip on purpose.',
  marks: ['slipped'],
  checkItem(item, context, problems) {
    const slip = slipDays(item);
    const threshold = context.slipThresholdDays;
    if (slip === undefined || slip <= threshold || item.completedWritten) return;
    const forecast = item.origin('forecast').valueSpan;
    if (!forecast) return;
    const allowed = threshold > 0 ? `more than the ${threshold} day${threshold === 1 ? '' : 's'} milestones.slipThresholdDays allows` : 'milestones.slipThresholdDays is 0';
    problems.push({
      code: 'slipped',
      message: `${item.kind === 'milestone' ? 'Milestone' : 'Feature'} ${item.id} is forecast ${item.forecast}, ${slip} day${slip === 1 ? '' : 's'} after its due date ${item.dateText('due')} (${allowed}).`,
      ...forecast,
      data: { kind: 'item', id: item.id },
    });
  },
});
