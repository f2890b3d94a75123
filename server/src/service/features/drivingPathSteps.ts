// The driving path of the item at the cursor, as the steps the *Show Driving Path* command lists:
// earliest first, each with its dates and where it is defined.
import type { DrivingStep } from '../../../../common/planSnapshot';
import { drivingPath } from '../model/drivingPath';
import { itemAt, itemLocation, locate } from '../model/locate';
import type { PlanFile } from '../model/planFile';
import type { Workspace } from '../workspace';

export type { DrivingStep };

/**
 * The path that ends at the item whose ID is at `offset` (where defined or named in a list), or
 * else at the item whose entry holds it; empty when there is none.
 */
export function drivingPathSteps(workspace: Workspace, file: PlanFile, offset: number): DrivingStep[] {
  const { index } = workspace.analyze();
  const located = locate(file, offset);
  const named = located?.kind === 'reference' || located?.kind === 'predecessor' ? index.item(located.reference.id) : undefined;
  const item = named ?? itemAt(file, offset);
  if (!item) return [];
  return drivingPath(index, item).map((step) => ({
    id: step.id,
    name: step.name ?? '',
    due: step.due ?? null,
    completed: step.completed ?? null,
    location: itemLocation(workspace.getFile(step.uri)!, step),
  }));
}
