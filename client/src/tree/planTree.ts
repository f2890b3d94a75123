// The plan as the tree view shows it, drawn from the server's snapshot (which decides every row's
// state) without any VS Code API so that it can be tested on its own: milestones in (due, ID)
// order, their features beneath, each with the icon and colour of its state and a tooltip naming
// its problems.
import type { FeatureRow, FeatureSnapshot, ItemState, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary } from '../../../common/planSnapshot';

export interface TreeItemModel {
  /** Unique among siblings' parents: `milestone:ID` or `feature:MILESTONE/ID`. */
  key: string;
  id: string;
  label: string;
  description: string;
  tooltip: string;
  /** A codicon name and a theme colour ID, per state. */
  icon: { id: string; color: string };
  state: ItemState;
  location: Location | undefined;
  children: TreeItemModel[];
}

export const stateIcons: Record<ItemState, { id: string; color: string }> = {
  completed: { id: 'pass-filled', color: 'testing.iconPassed' },
  open: { id: 'circle-large-outline', color: 'charts.blue' },
  overdue: { id: 'clock', color: 'charts.orange' },
  inconsistent: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  unknown: { id: 'question', color: 'problemsErrorIcon.foreground' },
};

function datesOf(item: { due: string | null; completed: string | null }): string {
  return item.completed ? `due ${item.due ?? '—'} · done ${item.completed}` : `due ${item.due ?? '—'}`;
}

function tooltipOf(id: string, name: string, item: { due: string | null; completed: string | null }, state: string, problems: ProblemSummary[]): string {
  const lines = [`${id}: ${name}`, `Due ${item.due ?? '—'}${item.completed ? `, completed ${item.completed}` : ''} — ${state}`];
  for (const problem of problems) lines.push(`${problem.severity === 'error' ? '⛔' : problem.severity === 'warning' ? '⚠' : 'ℹ'} ${problem.message} (${problem.code})`);
  return lines.join('\n');
}

function featureItem(milestone: MilestoneSnapshot, row: FeatureRow, feature: FeatureSnapshot | undefined): TreeItemModel {
  const base = { key: `feature:${milestone.id}/${row.id}`, id: row.id, label: row.id, icon: stateIcons[row.state], state: row.state, children: [] };
  if (!feature) return { ...base, description: 'not defined', tooltip: `${row.id} is listed by ${milestone.id} but no plan defines it.`, location: undefined };
  return {
    ...base,
    description: `${feature.name} · ${datesOf(feature)}`,
    tooltip: tooltipOf(row.id, feature.name, feature, row.state, row.problems),
    location: feature.location,
  };
}

export interface TreeOptions {
  /** Show only milestones and features with problems. */
  onlyProblems: boolean;
}

export function planTree(plan: PlanSnapshot, options: TreeOptions = { onlyProblems: false }): TreeItemModel[] {
  const roots: TreeItemModel[] = [];
  for (const milestone of plan.milestones) {
    let children = milestone.features.map((row) => featureItem(milestone, row, Object.hasOwn(plan.features, row.id) ? plan.features[row.id] : undefined));
    if (options.onlyProblems) children = children.filter((child) => child.state === 'inconsistent' || child.state === 'unknown' || child.tooltip.includes('⛔') || child.tooltip.includes('⚠'));
    if (options.onlyProblems && children.length === 0 && milestone.problems.length === 0) continue;
    roots.push({
      key: `milestone:${milestone.id}`,
      id: milestone.id,
      label: milestone.name ? `${milestone.name}` : milestone.id,
      description: `${milestone.id} · ${datesOf(milestone)}`,
      tooltip: tooltipOf(milestone.id, milestone.name, milestone, milestone.state, milestone.problems),
      icon: stateIcons[milestone.state],
      state: milestone.state,
      location: milestone.location,
      children,
    });
  }
  return roots;
}

/** The count shown on the view's badge: problems of the plan by severity, errors and warnings. */
export function problemBadge(plan: PlanSnapshot): { value: number; tooltip: string } {
  const counts = plan.problemCounts;
  return {
    value: counts.error + counts.warning,
    tooltip: `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information`,
  };
}

/** The status bar text: `$(error) 0 $(warning) 20 $(info) 16`, and `$(book) 2` when glossary files have problems. */
export function statusText(plan: PlanSnapshot, glossaryProblems: readonly GlossaryFileProblems[] = []): string {
  const counts = plan.problemCounts;
  const glossary = glossaryProblems.reduce((sum, file) => sum + file.count, 0);
  return `$(milestone) $(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.information}${glossary > 0 ? ` $(book) ${glossary}` : ''}`;
}

/** A glossary file (or skip list) and how many problems reading it found. */
export interface GlossaryFileProblems {
  name: string;
  count: number;
}

/** The status bar tooltip: the plan's problems, then each glossary file's, and where to see them. */
export function statusTooltip(plan: PlanSnapshot, glossaryProblems: readonly GlossaryFileProblems[] = []): string {
  const planLine = `Milestone plan: ${problemBadge(plan).tooltip}.`;
  if (glossaryProblems.length === 0) return `${planLine} Click to open the plan.`;
  const files = glossaryProblems.map((file) => `${file.name} (${file.count} problem${file.count === 1 ? '' : 's'})`).join(', ');
  return `${planLine} Glossary files that do not read as they should: ${files}. Click to see them in the Problems panel.`;
}
