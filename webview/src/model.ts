// The timeline's rows, drawn from a plan snapshot (which decides each row's state and float): a row
// per milestone with its features beneath, dates as UTC milliseconds, the worst problem severity,
// the filter that hides rows, and the links of the critical chains. No DOM here.
import type { Baseline, FeatureSnapshot, FloatSummary, ItemState, MilestoneSnapshot, PlanSnapshot, PredecessorLink, ProblemSummary, Progress, Severity } from '../../common/planSnapshot';

export const itemStates: readonly ItemState[] = ['completed', 'open', 'overdue', 'inconsistent', 'unknown'];
export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export type RowKind = 'milestone' | 'feature';

export interface Row {
  /** Unique among rows: a feature listed by two milestones has two rows. */
  key: string;
  kind: RowKind;
  id: string;
  name: string;
  due: number | null;
  completed: number | null;
  dueText: string | null;
  completedText: string | null;
  /** The date now expected, when the plan writes one. */
  forecast: number | null;
  /** The due date at the baseline revision, when one is set and the item had a valid one there. */
  baselineDue: number | null;
  state: ItemState;
  /** By its dates alone: whether a late or overdue span is drawn. */
  progress: Progress;
  problems: ProblemSummary[];
  worst: Severity | null;
  /** False for a feature ID a milestone lists but the plan does not define. */
  defined: boolean;
  milestoneId: string;
  /** The ID a click reveals: the item itself, or for an undefined feature the milestone that lists it. */
  revealId: string;
  /** Its known predecessors (an arrow from each) and the one that drives its date. */
  predecessors: PredecessorLink[];
  driving: string | null;
  /** The IDs of the items that name it as a predecessor. */
  successors: string[];
  /** The date it is expected (its forecast, else its due date), which a move changes. */
  expected: number | null;
  /** Its float, and the latest date it may move to (null without float). */
  float: FloatSummary;
  late: number | null;
}

export interface Group {
  milestone: Row;
  features: Row[];
}

export interface Filter {
  text: string;
  states: readonly ItemState[];
}

export interface VisibleRow {
  row: Row;
  /** A milestone shown only because some of its features match the filter. */
  context: boolean;
  /** For a milestone: it has features and they are folded away. */
  collapsed: boolean;
  hasChildren: boolean;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
export const dayMs = 86_400_000;

/** `YYYY-MM-DD` → UTC midnight in ms; anything else (including impossible dates) → null. */
export function parseDay(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = dayPattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time;
}

export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function worstSeverity(problems: readonly ProblemSummary[]): Severity | null {
  let worst: Severity | null = null;
  for (const problem of problems) {
    if (worst === null || severities.indexOf(problem.severity) < severities.indexOf(worst)) worst = problem.severity;
  }
  return worst;
}

/** The keys of feature rows join the milestone and feature IDs with a character IDs cannot hold. */
export function featureKey(milestoneId: string, featureId: string): string {
  return `${milestoneId}\u0000${featureId}`;
}

const noFloat: FloatSummary = { days: null, late: null, limitedBy: null, via: null, critical: false, text: '' };

function datedRow(item: MilestoneSnapshot | FeatureSnapshot, baseline: Baseline | undefined): Pick<Row, 'id' | 'name' | 'due' | 'completed' | 'dueText' | 'completedText' | 'forecast' | 'baselineDue' | 'progress' | 'expected' | 'float' | 'late'> {
  const float = item.float ?? noFloat;
  return {
    expected: parseDay(item.forecast ?? null) ?? parseDay(item.due),
    float,
    late: parseDay(float.late),
    id: item.id,
    name: item.name,
    due: parseDay(item.due),
    completed: parseDay(item.completed),
    dueText: item.due,
    completedText: item.completed,
    forecast: parseDay(item.forecast ?? null),
    baselineDue: baseline && Object.hasOwn(baseline.due, item.id) ? parseDay(baseline.due[item.id]) : null,
    progress: item.progress,
  };
}

/** The IDs that name each ID as a predecessor, from every item's links. */
function successorsOf(plan: PlanSnapshot): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  const items = [...plan.milestones, ...Object.values(plan.features)];
  for (const item of items) {
    for (const link of item.links.predecessors) {
      const list = successors.get(link.id) ?? [];
      if (!list.includes(item.id)) list.push(item.id);
      successors.set(link.id, list);
    }
  }
  return successors;
}

const noSuccessors: string[] = [];

/** How far the due date moved since the baseline, in days (later positive); null without both. */
export function baselineSlip(row: Row): number | null {
  return row.due !== null && row.baselineDue !== null ? Math.round((row.due - row.baselineDue) / dayMs) : null;
}

export function buildGroups(plan: PlanSnapshot): Group[] {
  const successors = successorsOf(plan);
  const links = (item: MilestoneSnapshot | FeatureSnapshot) => ({ predecessors: item.links.predecessors, driving: item.links.driving, successors: successors.get(item.id) ?? noSuccessors });
  return plan.milestones.map((milestone) => {
    const milestoneRow: Row = {
      ...datedRow(milestone, plan.baseline),
      key: milestone.id,
      kind: 'milestone',
      state: milestone.state,
      problems: milestone.problems,
      worst: worstSeverity(milestone.problems),
      defined: true,
      milestoneId: milestone.id,
      revealId: milestone.id,
      ...links(milestone),
    };
    const features = milestone.features.map((row): Row => {
      const feature = row.state !== 'unknown' && Object.hasOwn(plan.features, row.id) ? plan.features[row.id] : undefined;
      const common = { key: featureKey(milestone.id, row.id), kind: 'feature' as const, state: row.state, problems: row.problems, worst: worstSeverity(row.problems), milestoneId: milestone.id };
      return feature
        ? { ...common, ...datedRow(feature, plan.baseline), defined: true, revealId: feature.id, ...links(feature) }
        : { ...common, id: row.id, name: '', due: null, completed: null, dueText: null, completedText: null, forecast: null, baselineDue: null, progress: 'open', defined: false, revealId: milestone.id, predecessors: [], driving: null, successors: noSuccessors, expected: null, float: noFloat, late: null };
    });
    return { milestone: milestoneRow, features };
  });
}

function matchesText(row: Row, query: string): boolean {
  return query === '' || row.id.toLowerCase().includes(query) || row.name.toLowerCase().includes(query);
}

/**
 * The rows to draw. A milestone whose ID or name matches the text keeps all its features (those in
 * the chosen states); otherwise only matching features are kept, and the milestone stays as their
 * context. The state filter applies to every row on its own.
 */
export function visibleRows(groups: readonly Group[], filter: Filter, collapsed: ReadonlySet<string>): VisibleRow[] {
  const query = filter.text.trim().toLowerCase();
  const states = new Set(filter.states);
  const result: VisibleRow[] = [];
  for (const group of groups) {
    const milestoneText = matchesText(group.milestone, query);
    const features = group.features.filter((row) => states.has(row.state) && (milestoneText || matchesText(row, query)));
    const milestoneMatches = milestoneText && states.has(group.milestone.state);
    if (!milestoneMatches && features.length === 0) continue;
    const isCollapsed = collapsed.has(group.milestone.key) && group.features.length > 0;
    result.push({ row: group.milestone, context: !milestoneMatches, collapsed: isCollapsed, hasChildren: group.features.length > 0 });
    if (isCollapsed) continue;
    for (const row of features) result.push({ row, context: false, collapsed: false, hasChildren: false });
  }
  return result;
}

/** The span of time the chart covers: every date and the asOf day, with a margin either side. */
export function timeExtent(groups: readonly Group[], asOf: number | null): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  const take = (time: number | null) => {
    if (time === null) return;
    if (time < low) low = time;
    if (time > high) high = time;
  };
  take(asOf);
  for (const group of groups) {
    for (const row of [group.milestone, ...group.features]) {
      take(row.due);
      take(row.completed);
      take(row.baselineDue);
      take(row.late);
    }
  }
  if (low === Infinity) {
    const now = Date.now();
    return [now - 183 * dayMs, now + 183 * dayMs];
  }
  const span = Math.max(high - low, 60 * dayMs);
  const margin = Math.max(span * 0.03, 20 * dayMs);
  return [low - margin, high + margin];
}

/** Late or overdue span of a row: due → completion when completed late, due → asOf when overdue. */
export function slipOf(row: Row, asOf: number | null): { kind: 'late' | 'overdue'; from: number; to: number } | null {
  if (row.due === null) return null;
  if (row.completed !== null) return row.completed > row.due ? { kind: 'late', from: row.due, to: row.completed } : null;
  if (row.progress === 'overdue' && asOf !== null) return { kind: 'overdue', from: row.due, to: asOf };
  return null;
}

/** The rows of each ID (a feature listed twice has two), first row first. */
export function rowsById(groups: readonly Group[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const group of groups) for (const row of [group.milestone, ...group.features]) if (row.defined && !rows.has(row.id)) rows.set(row.id, row);
  return rows;
}

/** The driving path that ends at `id`, earliest first (the server decides each step); stops where it would come back on itself. */
export function drivingPath(rows: ReadonlyMap<string, Row>, id: string): string[] {
  const path = [id];
  const seen = new Set(path);
  for (let next = rows.get(id)?.driving ?? null; next !== null && !seen.has(next); next = rows.get(next)?.driving ?? null) {
    seen.add(next);
    path.push(next);
  }
  return path.reverse();
}

/** How many predecessor links the plan has: arrows are on by default up to a few thousand. */
export function linkCount(rows: ReadonlyMap<string, Row>): number {
  let count = 0;
  for (const row of rows.values()) count += row.predecessors.length;
  return count;
}

export const arrowsByDefaultUpTo = 3000;

/** Whether the link from `from` to `to` is a step of a critical chain: both critical, and `from`'s limit comes through `to`. */
export function onCriticalChain(from: Row, to: Row): boolean {
  return from.float.critical && to.float.critical && from.float.via === to.id;
}

/** How many items are critical, each once (a feature listed twice has two rows). */
export function criticalCount(rows: ReadonlyMap<string, Row>): number {
  let count = 0;
  for (const row of rows.values()) if (row.float.critical) count++;
  return count;
}
