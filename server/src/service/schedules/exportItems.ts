// The plan's items as the schedule exports (MSPDI, ICS) write them: in the order of the files,
// milestones then features, with their effective values (the overrides files applied), status,
// level, links and where each is defined.
import type { Progress } from '../../../../common/planSnapshot';
import type { EffectivePlan } from '../model/effectivePlan';
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
  /** IDs of its predecessors that a plan defines, each once. */
  predecessors: string[];
  /** A milestone's features that a plan defines, each once. */
  features: string[];
  /** Where it is defined: its file and the 0-based line of its ID. */
  location: { uri: string; line: number };
}

/** Every item with a due date, milestones first, each kind in the order of the files. */
export function exportItems(plan: EffectivePlan, files: readonly PlanFile[]): ExportItem[] {
  const items: ExportItem[] = [];
  const seen = new Set<string>();
  const dated = (id: string) => plan.item(id)?.due !== undefined;
  for (const kind of ['milestone', 'feature'] as const) {
    for (const file of files) {
      for (const definition of kind === 'milestone' ? file.milestones : file.features) {
        const item = plan.of(definition);
        if (seen.has(item.id) || item.due === undefined) continue;
        seen.add(item.id);
        items.push({
          id: item.id,
          kind,
          name: item.name ?? item.id,
          due: item.due,
          forecast: item.forecast,
          completed: item.completed,
          progress: item.status,
          level: kind === 'milestone' ? item.level : undefined,
          predecessors: [...new Set(item.predecessors.filter(dated))],
          features: kind === 'milestone' ? [...new Set(item.featureReferences.map((reference) => reference.id).filter(dated))] : [],
          location: { uri: file.uri, line: file.lineIndex.positionAt(definition.idSpan.start).line },
        });
      }
    }
  }
  return items;
}
