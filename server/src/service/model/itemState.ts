// How an item stands by its dates: the one place that decides whether a milestone or feature is
// completed, open or overdue, which of its dates counts when it is compared with another item (the
// forecast where one is written), and how an overrides file's dates combine with the plan's. The
// effective plan (effectivePlan.ts) asks it for every item; the history of a plan (trend, diff)
// asks it for the versions it reads.
import type { Progress } from '../../../../common/planSnapshot';
import { daysBetween } from '../text/dates';

export type { Progress };

/** An item's dates: each a valid YYYY-MM-DD or undefined; `completedWritten` even when the completion date written is not valid. */
export interface ItemDates {
  readonly due: string | undefined;
  readonly forecast: string | undefined;
  readonly completed: string | undefined;
  readonly completedWritten: boolean;
}

/** The dates an overrides file gives a code: a date, `null` for `""` (none), undefined where it says nothing. */
export interface DateOverrides {
  due?: string | null;
  completed?: string | null;
}

/**
 * An item's dates once an overrides file's apply, as lsst-dm/milestones applies `local.yaml`: a
 * date given replaces the plan's, `""` takes it away, and what the file does not name stays.
 */
export function withDateOverrides(own: ItemDates, overrides: DateOverrides | undefined): ItemDates {
  if (!overrides || (overrides.due === undefined && overrides.completed === undefined)) return own;
  return {
    due: overrides.due === undefined ? own.due : (overrides.due ?? undefined),
    forecast: own.forecast,
    completed: overrides.completed === undefined ? own.completed : (overrides.completed ?? undefined),
    completedWritten: overrides.completed === undefined ? own.completedWritten : overrides.completed !== null,
  };
}

/**
 * Completed when a completion date is written, even one that is not a valid date (that is an
 * `invalid-date` problem of its own, not a sign the item is open); else overdue when its due date
 * is before `asOf`; else open.
 */
export function progressOf(item: ItemDates, asOf: string): Progress {
  if (item.completedWritten) return 'completed';
  if (item.due !== undefined && item.due < asOf) return 'overdue';
  return 'open';
}

export function isCompleted(item: ItemDates): boolean {
  return item.completedWritten;
}

/** The completion as words: its date, or that the date written is not one. */
export function completionText(item: ItemDates): string {
  return item.completed ?? '(date not valid)';
}

/** The date an item is expected: its `forecast` where one is written, else its `due` (the baseline). */
export interface ExpectedDate {
  field: 'forecast' | 'due';
  date: string;
}

/**
 * The date that counts when an item is compared with another (a feature against a milestone that
 * lists it, an item against a predecessor): the forecast where there is one, else the due date.
 * `overdue` does not ask this: it stays on the due date.
 */
export function expectedDate(item: ItemDates): ExpectedDate | undefined {
  if (item.forecast !== undefined) return { field: 'forecast', date: item.forecast };
  if (item.due !== undefined) return { field: 'due', date: item.due };
  return undefined;
}

/** The verb of a sentence about the expected date: `DM-1 is forecast …`, `DM-1 is due …`. */
export function expectedVerb(expected: ExpectedDate): string {
  return expected.field === 'forecast' ? 'forecast' : 'due';
}

/** Days the forecast lies after the due date (negative when earlier); undefined without both. */
export function slipDays(item: ItemDates): number | undefined {
  return item.forecast !== undefined && item.due !== undefined ? daysBetween(item.due, item.forecast) : undefined;
}

/** A slip in words: `60 days late`, `1 day early`, `on time`. */
export function slipText(days: number): string {
  if (days === 0) return 'on time';
  const count = Math.abs(days);
  return `${count} day${count === 1 ? '' : 's'} ${days > 0 ? 'late' : 'early'}`;
}

/** For a hover: `forecast 2021-03-02 · 60 days late against baseline`; undefined without a forecast. */
export function forecastText(item: ItemDates): string | undefined {
  if (item.forecast === undefined) return undefined;
  const days = slipDays(item);
  return days === undefined ? `forecast ${item.forecast}` : `forecast ${item.forecast} · ${slipText(days)} against baseline`;
}

/** Short, for an inlay hint or a completion's detail: `✓ 2017-11-01`, `due 2021-07-01 · overdue`. */
export function progressHint(item: ItemDates, asOf: string): string {
  switch (progressOf(item, asOf)) {
    case 'completed':
      return `✓ ${completionText(item)}`;
    case 'overdue':
      return `due ${item.due}${forecastHint(item)} · overdue`;
    case 'open':
      return `due ${item.due ?? '—'}${forecastHint(item)} · open`;
  }
}

/** ` → 2021-09-01 (+62 d)`: an open item's forecast after its due date, with the slip. */
function forecastHint(item: ItemDates): string {
  if (item.forecast === undefined) return '';
  const days = slipDays(item);
  return ` → ${item.forecast}${days === undefined ? '' : ` (${days >= 0 ? '+' : '−'}${Math.abs(days)} d)`}`;
}

/** For a hover, in Markdown: `completed 2017-11-01`, `**overdue** (as of 2021-08-11)`, `open`. */
export function progressText(item: ItemDates, asOf: string): string {
  switch (progressOf(item, asOf)) {
    case 'completed':
      return `completed ${completionText(item)}`;
    case 'overdue':
      return `**overdue** (as of ${asOf})`;
    case 'open':
      return 'open';
  }
}

/** Items in (due, ID) order, those without a valid due date last: the order of the plan's views and exports. */
export function byDueThenId(a: ItemDates & { id: string }, b: ItemDates & { id: string }): number {
  const dueA = a.due ?? '9999-99-99';
  const dueB = b.due ?? '9999-99-99';
  return dueA < dueB ? -1 : dueA > dueB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
