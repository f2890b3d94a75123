// The milestone trend analysis (MTA) chart's series, one home for the command line and the Trend
// view: the report date on the x axis (each step of the plan's history: a month's last commit, a
// tag or a commit), each item's expected date at that revision on the y axis, one line per item,
// rising when it slips and ending on the diagonal (y = x) when it is achieved.
import { daysBetween } from '../server/src/service/text/dates';

/** Where the steps are: each month's last commit, each tag, or each commit. */
export const trendSteps = ['month', 'tag', 'commit'] as const;
export type TrendEvery = (typeof trendSteps)[number];

/** A revision the trend reads the plan at. */
export interface TrendStep {
  /** The commit's short hash, its date (YYYY-MM-DD) and its subject. */
  commit: string;
  date: string;
  subject: string;
  /** The tag that names it, for steps by tag. */
  tag?: string;
}

/** An item's state from one step on, until the next change. */
export interface TrendChange {
  /** The index of the step in `TrendHistory.steps`. */
  step: number;
  /** The expected date (the forecast, else the due date, overrides files applied), or null: not in the plan then, or no valid date. */
  expected: string | null;
  /** Completed at that revision: its completion date, or the step's date when the date written is not valid. */
  achieved?: string;
}

/** A milestone or feature of the plan's history, as of the last step it is in. */
export interface TrendItem {
  id: string;
  kind: 'milestone' | 'feature';
  name: string;
  /** A milestone's level; undefined for features and milestones without one. */
  level?: number;
  /** The URI of the file that defines it (where it is now). */
  file?: string;
  /** What changed at each step where something did, in step order. */
  changes: TrendChange[];
}

/** What the history reading gives: the steps, oldest first, and the items along them. */
export interface TrendHistory {
  steps: TrendStep[];
  items: TrendItem[];
}

export interface TrendFilters {
  /** ID prefixes; an item is drawn when its ID starts with one of them (every item when empty). */
  prefixes?: readonly string[];
  /** Only milestones of this level. */
  level?: number;
  /** Only items defined in this file (URI). */
  file?: string;
}

export interface TrendPoint {
  /** The step it was read at. */
  step: number;
  /** The report date, x: the step's date, or the completion date for the point where the line ends on the diagonal. */
  date: string;
  /** The expected date, y (the completion date when achieved). */
  expected: string;
  achieved: boolean;
  /** Days the expected date moved since the point before (later is positive); null for the first point. */
  change: number | null;
}

export interface TrendLine {
  id: string;
  kind: 'milestone' | 'feature';
  name: string;
  level?: number;
  file?: string;
  points: TrendPoint[];
}

export interface TrendSeries {
  steps: TrendStep[];
  lines: TrendLine[];
  /** The earliest and latest date on either axis (YYYY-MM-DD), for a square chart; undefined without points. */
  first?: string;
  last?: string;
}

export function filterTrendItems(items: readonly TrendItem[], filters: TrendFilters): TrendItem[] {
  const prefixes = filters.prefixes ?? [];
  return items.filter(
    (item) =>
      (prefixes.length === 0 || prefixes.some((prefix) => item.id.startsWith(prefix))) &&
      (filters.level === undefined || (item.kind === 'milestone' && item.level === filters.level)) &&
      (filters.file === undefined || item.file === filters.file),
  );
}

/**
 * The line of each item that is open with an expected date at some step: a point at each step
 * where it is in the plan with a valid date, up to the step where it is first achieved, whose point
 * lies on the diagonal at its completion date. Lines in the order of their last expected date,
 * then ID.
 */
export function trendSeries(history: TrendHistory, filters: TrendFilters = {}): TrendSeries {
  const lines: TrendLine[] = [];
  for (const item of filterTrendItems(history.items, filters)) {
    const points: TrendPoint[] = [];
    let changeAt = 0;
    let state: TrendChange | undefined;
    for (let step = item.changes[0]?.step ?? history.steps.length; step < history.steps.length; step++) {
      while (changeAt < item.changes.length && item.changes[changeAt]!.step <= step) state = item.changes[changeAt++];
      if (!state || (state.expected === null && state.achieved === undefined)) continue;
      const previous = points.at(-1);
      const achieved = state.achieved;
      const expected = achieved ?? state.expected!;
      points.push({ step, date: achieved ?? history.steps[step]!.date, expected, achieved: achieved !== undefined, change: previous ? daysBetween(previous.expected, expected) : null });
      if (achieved !== undefined) break;
    }
    // An item achieved before it was ever open in the steps (done before the first) has no trend.
    if (!points.some((point) => !point.achieved)) continue;
    lines.push({ id: item.id, kind: item.kind, name: item.name, ...(item.level === undefined ? {} : { level: item.level }), ...(item.file === undefined ? {} : { file: item.file }), points });
  }
  lines.sort((a, b) => compare(a.points.at(-1)!.expected, b.points.at(-1)!.expected) || compare(a.id, b.id));
  const dates = [...history.steps.map((step) => step.date), ...lines.flatMap((line) => line.points.flatMap((point) => [point.date, point.expected]))];
  if (lines.length === 0 || dates.length === 0) return { steps: history.steps, lines };
  return { steps: history.steps, lines, first: dates.reduce((a, b) => (a < b ? a : b)), last: dates.reduce((a, b) => (a > b ? a : b)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
