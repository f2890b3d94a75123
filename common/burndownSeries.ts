// The burndown's series, one home for the CLI and the Burndown view: for each first of a month, how
// many items remain by the baseline (`due`), by the forecast (what is done when it was done, what is
// open when it is expected, not before asOf), as achieved (`completed`, up to asOf) and, when a
// baseline revision is given, by that revision's due dates; with the items that came down at each point.
// An item remains on a day when its date for the line is that day or later (or unknown).
import type { PlanSnapshot } from './planSnapshot';

/** An item as the burndown counts it. */
export interface BurndownItem {
  id: string;
  /** YYYY-MM-DD. Items without a valid due date are not counted. */
  due: string;
  /** The forecast date, when one is written and valid. */
  forecast?: string;
  /** Whether the item is completed, even when its completion date is not valid. */
  done: boolean;
  /** The valid completion date of a completed item. */
  completed?: string;
  /** Its due date at the baseline revision, when there is one. */
  revisionDue?: string;
  /** A milestone's level; undefined for features and milestones without one. */
  level?: number;
  /** The URI of the file that defines it. */
  file?: string;
}

export interface BurndownFilters {
  /** ID prefixes; an item counts when its ID starts with one of them (every item when empty). */
  prefixes?: readonly string[];
  /** Only milestones of this level. */
  level?: number;
  /** Only items defined in this file (URI). */
  file?: string;
}

export const burndownLines = ['baseline', 'forecast', 'achieved', 'revision'] as const;
export type BurndownLine = (typeof burndownLines)[number];

export interface BurndownPoint {
  /** The first of a month, YYYY-MM-01. */
  date: string;
  baseline: number;
  forecast: number;
  /** Undefined after asOf: what is achieved then is not known yet. */
  achieved: number | undefined;
  /** Undefined without a baseline revision. */
  revision: number | undefined;
  /** For each line, the IDs of the items that came down since the previous point (in the month before this date). */
  items: Record<BurndownLine, string[]>;
}

export interface BurndownSeries {
  asOf: string;
  /** The items counted. */
  items: number;
  hasRevision: boolean;
  points: BurndownPoint[];
}

export function filterBurndownItems(items: readonly BurndownItem[], filters: BurndownFilters): BurndownItem[] {
  const prefixes = filters.prefixes ?? [];
  return items.filter(
    (item) =>
      (prefixes.length === 0 || prefixes.some((prefix) => item.id.startsWith(prefix))) &&
      (filters.level === undefined || item.level === filters.level) &&
      (filters.file === undefined || item.file === filters.file),
  );
}

/** The first of the month after a YYYY-MM-DD date's month. */
function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The date each line takes an item off, undefined when never (known). */
function doneDates(item: BurndownItem, asOf: string): Record<BurndownLine, string | undefined> {
  const expected = item.forecast ?? item.due;
  return {
    baseline: item.due,
    // An item marked completed with a date that is not valid stays on: when it was done is not known.
    forecast: item.done ? item.completed : expected < asOf ? asOf : expected,
    achieved: item.done ? item.completed : undefined,
    revision: item.revisionDue,
  };
}

export function burndownSeries(all: readonly BurndownItem[], asOf: string, filters: BurndownFilters = {}): BurndownSeries {
  const items = filterBurndownItems(all, filters);
  const hasRevision = items.some((item) => item.revisionDue !== undefined);
  if (items.length === 0) return { asOf, items: 0, hasRevision, points: [] };
  const done = items.map((item) => ({ id: item.id, dates: doneDates(item, asOf), inRevision: item.revisionDue !== undefined }));
  const dates = items.flatMap((item) => [item.due, item.forecast, item.completed, item.revisionDue].filter((date): date is string => date !== undefined));
  const first = dates.reduce((a, b) => (a < b ? a : b)).slice(0, 8) + '01';
  // Past the last date, where every line has come down, and far enough to show asOf.
  const last = nextMonth([...dates, asOf].reduce((a, b) => (a > b ? a : b)));
  const points: BurndownPoint[] = [];
  let previous: string | undefined;
  for (let date = first; date <= last; date = nextMonth(date)) {
    const count = (line: BurndownLine) =>
      done.filter((item) => (line !== 'revision' || item.inRevision) && (item.dates[line] === undefined || item.dates[line] >= date)).length;
    const cameDown = (line: BurndownLine) =>
      previous === undefined ? [] : done.filter((item) => item.dates[line] !== undefined && item.dates[line] >= previous! && item.dates[line] < date).map((item) => item.id);
    points.push({
      date,
      baseline: count('baseline'),
      forecast: count('forecast'),
      achieved: date <= asOf ? count('achieved') : undefined,
      revision: hasRevision ? count('revision') : undefined,
      items: {
        baseline: cameDown('baseline'),
        forecast: cameDown('forecast'),
        achieved: date <= asOf ? cameDown('achieved') : [],
        revision: hasRevision ? cameDown('revision') : [],
      },
    });
    previous = date;
  }
  return { asOf, items: items.length, hasRevision, points };
}

/** The milestones and features of a plan snapshot with a valid due date, as the burndown counts them (the Burndown view's input). */
export function burndownItemsOf(plan: PlanSnapshot): BurndownItem[] {
  const items: BurndownItem[] = [];
  const add = (item: { id: string; due: string | null; forecast?: string | null; completed: string | null; progress: string; location: { uri: string } }, level: number | null) => {
    if (item.due === null) return;
    items.push({
      id: item.id,
      due: item.due,
      forecast: item.forecast ?? undefined,
      done: item.progress === 'completed',
      completed: item.progress === 'completed' ? (item.completed ?? undefined) : undefined,
      revisionDue: plan.baseline?.due[item.id],
      level: level ?? undefined,
      file: item.location.uri,
    });
  };
  for (const milestone of plan.milestones) add(milestone, milestone.level);
  for (const feature of Object.values(plan.features)) add(feature, null);
  return items;
}
