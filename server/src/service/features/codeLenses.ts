// Code lenses: over each milestone, how many features it lists, how many are open, and the latest
// due date among them.
import { isCompleted } from '../model/itemState';
import type { PlanFile } from '../model/planFile';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface PlanLens {
  span: Span;
  title: string;
  milestone: string;
}

/** `N features · M open · latest due YYYY-MM-DD` over each milestone. */
export function codeLenses(workspace: Workspace, file: PlanFile): PlanLens[] {
  const { plan } = workspace.analyze();
  return file.milestones.map((milestone) => {
    const { ids, features } = plan.listedFeatures(plan.of(milestone));
    const open = features.filter((feature) => !isCompleted(feature)).length;
    const latest = features.map((feature) => feature.due).filter((due): due is string => due !== undefined).sort().at(-1);
    const title = ids.length === 0 ? 'no features' : `${ids.length} feature${ids.length === 1 ? '' : 's'} · ${open} open${latest ? ` · latest due ${latest}` : ''}`;
    return { span: milestone.idSpan, title, milestone: milestone.id };
  });
}
