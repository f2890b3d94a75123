// `duplicate-id`: an ID defined twice, in one map, across the two maps, or across files.
import { defineRule } from './rule';

export default defineRule({
  code: 'duplicate-id',
  severity: 'error',
  short: 'ID defined twice',
  full: 'An ID defined twice: in one map, across the `milestones` and `features` maps, or across files.',
  checkItem(item, context, problems) {
    const { index } = context.plan;
    if (!index.duplicated.has(item.id)) return;
    const others = index
      .definitions(item.id)
      .filter((other) => other !== item.definition)
      .map((other) => `${other.kind} at ${context.where(other)}`);
    problems.push({ code: 'duplicate-id', message: `${item.id} is defined more than once: also as ${others.join(', ')}.`, ...item.definition.idSpan, data: { kind: 'item', id: item.id } });
  },
});
