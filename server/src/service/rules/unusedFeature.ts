// `unused-feature`: a feature that no milestone lists.
import { defineRule } from './rule';

export default defineRule({
  code: 'unused-feature',
  severity: 'hint',
  short: 'Feature in no milestone',
  full: 'A feature that no milestone lists.',
  checkItem(item, context, problems) {
    if (item.kind !== 'feature' || context.plan.index.isListed(item.id)) return;
    problems.push({ code: 'unused-feature', message: `No milestone lists ${item.id}.`, ...item.definition.idSpan, data: { kind: 'item', id: item.id } });
  },
});
