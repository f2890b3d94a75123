// The plan as the tree view shows it, drawn from the server's snapshot (which decides every row's
// state and float) without any VS Code API so that it can be tested on its own: milestones in (due,
// ID) order or by float, their features beneath, each with the icon and colour of its state and a
// tooltip naming its float and problems; filters for problems, critical items, float under N days.
import type { FeatureRow, FeatureSnapshot, FloatSummary, ItemState, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary } from '../../../common/planSnapshot';

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
  /** Its float in days; null without one. */
  float: number | null;
  critical: boolean;
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

function tooltipOf(id: string, name: string, item: { due: string | null; completed: string | null; float?: FloatSummary }, state: string, problems: ProblemSummary[]): string {
  const lines = [`${id}: ${name}`, `Due ${item.due ?? '—'}${item.completed ? `, completed ${item.completed}` : ''} — ${state}`];
  if (item.float) lines.push(`Float: ${item.float.text}`);
  for (const problem of problems) lines.push(`${problem.severity === 'error' ? '⛔' : problem.severity === 'warning' ? '⚠' : 'ℹ'} ${problem.message} (${problem.code})`);
  return lines.join('\n');
}

/** ` · float 45 d`, ` · critical, float 0 d`, where the view is about float; else nothing. */
function floatNote(float: FloatSummary | undefined, shown: boolean): string {
  if (!shown || float?.days === null || float?.days === undefined) return '';
  return ` · ${float.critical ? 'critical, ' : ''}float ${float.days < 0 ? '−' : ''}${Math.abs(float.days)} d`;
}

function featureItem(milestone: MilestoneSnapshot, row: FeatureRow, feature: FeatureSnapshot | undefined, showFloat: boolean): TreeItemModel {
  const base = { key: `feature:${milestone.id}/${row.id}`, id: row.id, label: row.id, icon: stateIcons[row.state], state: row.state, children: [] };
  if (!feature) return { ...base, description: 'not defined', tooltip: `${row.id} is listed by ${milestone.id} but no plan defines it.`, float: null, critical: false, location: undefined };
  return {
    ...base,
    description: `${feature.name} · ${datesOf(feature)}${floatNote(feature.float, showFloat)}`,
    tooltip: tooltipOf(row.id, feature.name, feature, row.state, row.problems),
    float: feature.float?.days ?? null,
    critical: feature.float?.critical ?? false,
    location: feature.location,
  };
}

/** Which items the view keeps by their float: all, the critical ones, or those with at most `days` of float. */
export type FloatFilter = { kind: 'all' } | { kind: 'critical' } | { kind: 'under'; days: number };

export interface TreeOptions {
  /** Show only milestones and features with problems. */
  onlyProblems: boolean;
  /** Milestones, and the features beneath each, in (due, ID) order, or least float first (those without float last). */
  sort?: 'due' | 'float';
  float?: FloatFilter;
}

function keptByFloat(item: TreeItemModel, filter: FloatFilter): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'critical') return item.critical;
  return item.float !== null && item.float <= filter.days;
}

/** Least float first; items without float after, in the order they had. */
function byFloat(a: TreeItemModel, b: TreeItemModel): number {
  return (a.float ?? Infinity) - (b.float ?? Infinity);
}

export function planTree(plan: PlanSnapshot, options: TreeOptions = { onlyProblems: false }): TreeItemModel[] {
  const filter = options.float ?? { kind: 'all' };
  const showFloat = options.sort === 'float' || filter.kind !== 'all';
  const roots: TreeItemModel[] = [];
  for (const milestone of plan.milestones) {
    let children = milestone.features.map((row) => featureItem(milestone, row, Object.hasOwn(plan.features, row.id) ? plan.features[row.id] : undefined, showFloat));
    if (options.onlyProblems) children = children.filter((child) => child.state === 'inconsistent' || child.state === 'unknown' || child.tooltip.includes('⛔') || child.tooltip.includes('⚠'));
    if (options.onlyProblems && children.length === 0 && milestone.problems.length === 0) continue;
    const root: TreeItemModel = {
      key: `milestone:${milestone.id}`,
      id: milestone.id,
      label: milestone.name ? `${milestone.name}` : milestone.id,
      description: `${milestone.id} · ${datesOf(milestone)}${floatNote(milestone.float, showFloat)}`,
      tooltip: tooltipOf(milestone.id, milestone.name, milestone, milestone.state, milestone.problems),
      icon: stateIcons[milestone.state],
      state: milestone.state,
      float: milestone.float?.days ?? null,
      critical: milestone.float?.critical ?? false,
      location: milestone.location,
      children: children.filter((child) => keptByFloat(child, filter)),
    };
    // A milestone stays for the features of it that the float filter keeps.
    if (!keptByFloat(root, filter) && root.children.length === 0) continue;
    if (options.sort === 'float') root.children.sort(byFloat);
    roots.push(root);
  }
  return options.sort === 'float' ? roots.sort(byFloat) : roots;
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
