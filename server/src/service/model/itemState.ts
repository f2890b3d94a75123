// How an item stands by its dates: the one place that decides whether a milestone or feature is
// completed, open or overdue, for the checks, the hover, the hints and lenses, and the snapshot
// the tree and the timeline draw.
import type { Progress } from '../../../../common/planSnapshot';
import type { PlanItem } from './planItem';

export type { Progress };

/**
 * Completed when a completion date is written, even one that is not a valid date (that is an
 * `invalid-date` problem of its own, not a sign the item is open); else overdue when its due date
 * is before `asOf`; else open.
 */
export function progressOf(item: PlanItem, asOf: string): Progress {
  if (item.completedWritten) return 'completed';
  if (item.due !== undefined && item.due < asOf) return 'overdue';
  return 'open';
}

export function isCompleted(item: PlanItem): boolean {
  return item.completedWritten;
}

/** The completion as words: its date, or that the date written is not one. */
export function completionText(item: PlanItem): string {
  return item.completed ?? '(date not valid)';
}

/** How a completed item stands, for a message: `was completed 2017-11-01`, or that its date is not valid. */
export function completionPhrase(item: PlanItem): string {
  return item.completed ? `was completed ${item.completed}` : 'is marked completed (its date is not valid)';
}

/** Short, for an inlay hint or a completion's detail: `✓ 2017-11-01`, `due 2021-07-01 · overdue`. */
export function progressHint(item: PlanItem, asOf: string): string {
  switch (progressOf(item, asOf)) {
    case 'completed':
      return `✓ ${completionText(item)}`;
    case 'overdue':
      return `due ${item.due} · overdue`;
    case 'open':
      return `due ${item.due ?? '—'} · open`;
  }
}

/** For a hover, in Markdown: `completed 2017-11-01`, `**overdue** (as of 2021-08-11)`, `open`. */
export function progressText(item: PlanItem, asOf: string): string {
  switch (progressOf(item, asOf)) {
    case 'completed':
      return `completed ${completionText(item)}`;
    case 'overdue':
      return `**overdue** (as of ${asOf})`;
    case 'open':
      return 'open';
  }
}
