// Facts at a glance: inlay hints after each feature listed by a milestone (its due date and
// state), and a code lens over each milestone (how many features, how many open, the latest due).
import type { PlanItem } from './plan';
import type { Span } from './yamlTree';
import type { PlanFile, Workspace } from './workspace';

export interface PlanHint {
  offset: number;
  label: string;
  tooltip: string;
}

export function featureStateLabel(feature: PlanItem, asOf: string): string {
  if (feature.completed) return `✓ ${feature.completed}`;
  if (feature.due && feature.due < asOf) return `due ${feature.due} · overdue`;
  return `due ${feature.due ?? '—'} · open`;
}

/** Hints after each listed feature ID whose offset lies in `range`. */
export function inlayHints(workspace: Workspace, file: PlanFile, range: Span): PlanHint[] {
  const { index } = workspace.analyze();
  const hints: PlanHint[] = [];
  for (const milestone of file.milestones) {
    const entry = milestone.entrySpan;
    if (entry.end < range.start || entry.start > range.end) continue;
    for (const reference of milestone.featureReferences) {
      if (reference.span.end < range.start || reference.span.end > range.end) continue;
      const feature = index.features.get(reference.id);
      if (!feature) continue;
      hints.push({ offset: reference.span.end, label: featureStateLabel(feature, workspace.asOf(feature.uri)), tooltip: feature.name ?? feature.id });
    }
  }
  return hints;
}

export interface PlanLens {
  span: Span;
  title: string;
  milestone: string;
}

/** `N features · M open · latest due YYYY-MM-DD` over each milestone. */
export function codeLenses(workspace: Workspace, file: PlanFile): PlanLens[] {
  const { index } = workspace.analyze();
  return file.milestones.map((milestone) => {
    const ids = [...new Set(milestone.references.map((reference) => reference.id))];
    const features = ids.map((id) => index.features.get(id)).filter((feature): feature is PlanItem => feature !== undefined);
    const open = features.filter((feature) => !feature.completed).length;
    const latest = features.map((feature) => feature.due).filter((due): due is string => due !== undefined).sort().at(-1);
    const title = ids.length === 0 ? 'no features' : `${ids.length} feature${ids.length === 1 ? '' : 's'} · ${open} open${latest ? ` · latest due ${latest}` : ''}`;
    return { span: milestone.idSpan, title, milestone: milestone.id };
  });
}
