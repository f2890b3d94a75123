// The plan's items as the schedule exports (MSPDI, ICS) write them: in the order of the files,
// milestones then features, with the dates the views show (overrides files applied) from the plan
// snapshot, their state, level, links and where each is defined.
import type { Location, PlanSnapshot, Progress } from '../../../../common/planSnapshot';
import type { PlanFile } from '../model/planFile';

export interface ExportItem {
  id: string;
  kind: 'milestone' | 'feature';
  name: string;
  due: string;
  forecast?: string;
  completed?: string;
  progress: Progress;
  level?: number;
  /** IDs of its known predecessors, each once. */
  predecessors: string[];
  /** A milestone's features that a plan defines, each once. */
  features: string[];
  location: Location;
}

/** Every item with a due date, milestones first, each kind in the order of the files. */
export function exportItems(snapshot: PlanSnapshot, files: readonly PlanFile[]): ExportItem[] {
  const milestones = new Map(snapshot.milestones.map((milestone) => [milestone.id, milestone]));
  const items: ExportItem[] = [];
  const seen = new Set<string>();
  for (const kind of ['milestone', 'feature'] as const) {
    for (const file of files) {
      for (const item of kind === 'milestone' ? file.milestones : file.features) {
        if (seen.has(item.id)) continue;
        const shown = kind === 'milestone' ? milestones.get(item.id) : snapshot.features[item.id];
        if (!shown?.due) continue;
        seen.add(item.id);
        const milestone = kind === 'milestone' ? milestones.get(item.id) : undefined;
        items.push({
          id: item.id,
          kind,
          name: shown.name,
          due: shown.due,
          forecast: shown.forecast ?? undefined,
          completed: shown.completed ?? undefined,
          progress: shown.progress,
          level: milestone?.level ?? undefined,
          predecessors: shown.links.predecessors.map((link) => link.id),
          features: [...new Set((milestone?.features ?? []).filter((row) => snapshot.features[row.id]?.due).map((row) => row.id))],
          location: shown.location,
        });
      }
    }
  }
  return items;
}
