// Inlay hints: after each feature a milestone lists, the feature's due date and progress
// (`✓ 2017-11-01`, `due 2021-07-01 · overdue`); with `milestones.inlayHints.float`, after each
// item's expected date its float (`float 45 d`, `float 0 d · critical`).
import { floatLabel } from '../model/float';
import { progressHint } from '../model/itemState';
import type { PlanFile } from '../model/planFile';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface PlanHint {
  offset: number;
  label: string;
  tooltip: string;
}

/** Hints after each listed feature ID, and each item's float, whose offset lies in `range`. */
export function inlayHints(workspace: Workspace, file: PlanFile, range: Span): PlanHint[] {
  const { plan, float } = workspace.analyze();
  const hints: PlanHint[] = [];
  const inRange = (offset: number) => offset >= range.start && offset <= range.end;
  const showFloat = workspace.getSettings().floatInlayHints;
  for (const milestone of file.milestones) {
    const entry = milestone.entrySpan;
    if (entry.end < range.start || entry.start > range.end) continue;
    for (const reference of milestone.featureReferences) {
      if (!inRange(reference.span.end)) continue;
      const feature = plan.feature(reference.id);
      if (!feature) continue;
      hints.push({ offset: reference.span.end, label: progressHint(feature, feature.asOf), tooltip: feature.name ?? feature.id });
    }
  }
  if (!showFloat) return hints;
  for (const definition of [...file.milestones, ...file.features]) {
    const entry = definition.entrySpan;
    if (entry.end < range.start || entry.start > range.end) continue;
    const item = plan.of(definition);
    // The first definition of an ID has the float; completed and undated items have none to show.
    if (plan.item(item.id) !== item || !item.expected || item.completedWritten) continue;
    const origin = item.origin(item.expected.field);
    const offset = origin.kind === 'plan' && origin.valueSpan ? origin.valueSpan.end : definition.idSpan.end;
    if (!inRange(offset)) continue;
    const { headline, detail } = float.describe(item.id);
    hints.push({ offset, label: floatLabel(float.of(item.id)), tooltip: `Float: ${headline} — ${detail}` });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
