// The driving path of the item at the cursor, as the steps the *Show Driving Path* command lists:
// earliest first, each with its dates and where it is defined.
import type { DrivingStep } from '../../../../common/planSnapshot';
import { drivingPath } from '../model/drivingPath';
import { itemLocation } from '../model/locate';
import type { Workspace } from '../workspace';

export type { DrivingStep };

/** The path that ends at the item `id` (the one at the cursor); empty when no plan defines it. */
export function drivingPathSteps(workspace: Workspace, id: string | undefined): DrivingStep[] {
  const { plan } = workspace.analyze();
  const item = id === undefined ? undefined : plan.item(id);
  if (!item) return [];
  return drivingPath(plan, item).map((step) => ({
    id: step.id,
    name: step.name ?? '',
    due: step.due ?? null,
    completed: step.completed ?? null,
    location: itemLocation(workspace.getFile(step.uri)!, step.definition),
  }));
}
