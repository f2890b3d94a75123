// The rules about IDs across the workspace: `duplicate-id` (an ID defined twice, in one file or
// across files) and `unused-feature` (a feature that no milestone lists).
import type { PlanItem } from '../model/planItem';
import type { CheckContext } from './itemChecks';
import type { Problem } from './problems';

export function checkIds(item: PlanItem, context: CheckContext, problems: Problem[]): void {
  const { index } = context;
  if (index.duplicated.has(item.id)) {
    const others = index
      .definitions(item.id)
      .filter((other) => other !== item)
      .map((other) => `${other.kind} at ${context.where(other)}`);
    problems.push({
      code: 'duplicate-id',
      message: `${item.id} is defined more than once: also as ${others.join(', ')}.`,
      ...item.idSpan,
      data: { kind: 'item', id: item.id },
    });
  }
  if (item.kind === 'feature' && !index.isListed(item.id)) {
    problems.push({ code: 'unused-feature', message: `No milestone lists ${item.id}.`, ...item.idSpan, data: { kind: 'item', id: item.id } });
  }
}
