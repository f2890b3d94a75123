// The critical chain of the item at the cursor, as the steps the *Show Critical Path* command lists:
// the critical items that the item's limit keeps (docs/schedule-analysis.md), earliest first, each with
// its float and where it is defined; without an item, the chain of the plan's last milestone.
import type { CriticalPath } from '../../../../common/planSnapshot';
import { itemLocation } from '../model/locate';
import type { Workspace } from '../workspace';

export type { CriticalPath };

/** The critical chain that `id` (the item at the cursor, if any) belongs to. */
export function criticalPathSteps(workspace: Workspace, id: string | undefined): CriticalPath {
  const { plan, float } = workspace.analyze();
  const item = id === undefined ? undefined : plan.item(id);
  const from = item ? { id: item.id, float: Object.values(float.describe(item.id)).join(' — ') } : null;
  const anchor = item ?? float.lastMilestone();
  const answer = anchor && float.of(anchor.id);
  if (!answer || answer.kind === 'none') return { end: null, from, steps: [] };
  const steps = float.criticalChain(answer.limitedBy).map((step) => {
    const stepFloat = float.of(step.id);
    return {
      id: step.id,
      name: step.name ?? '',
      expected: step.expected!.date,
      float: stepFloat.kind === 'float' ? stepFloat.days : 0,
      late: stepFloat.kind === 'float' ? stepFloat.late : step.expected!.date,
      location: itemLocation(workspace.getFile(step.uri)!, step.definition),
    };
  });
  return { end: answer.limitedBy, from, steps };
}
