// Inlay hints: after each feature a milestone lists, the feature's due date and progress
// (`✓ 2017-11-01`, `due 2021-07-01 · overdue`).
import { progressHint } from '../model/itemState';
import type { PlanFile } from '../model/planFile';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface PlanHint {
  offset: number;
  label: string;
  tooltip: string;
}

/** Hints after each listed feature ID whose offset lies in `range`. */
export function inlayHints(workspace: Workspace, file: PlanFile, range: Span): PlanHint[] {
  const { plan } = workspace.analyze();
  const hints: PlanHint[] = [];
  for (const milestone of file.milestones) {
    const entry = milestone.entrySpan;
    if (entry.end < range.start || entry.start > range.end) continue;
    for (const reference of milestone.featureReferences) {
      if (reference.span.end < range.start || reference.span.end > range.end) continue;
      const feature = plan.feature(reference.id);
      if (!feature) continue;
      hints.push({ offset: reference.span.end, label: progressHint(feature, feature.asOf), tooltip: feature.name ?? feature.id });
    }
  }
  return hints;
}
