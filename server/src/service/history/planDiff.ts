// What moved in a plan between two versions of its files (a git revision and now): the items added
// and removed, and each date changed, with the slip in days. Items are matched by ID across all
// files, so an item that moved to another file, or a file renamed, is a change, not a removal.
// Dates are the effective plan's: each version read with the overrides files of that version.
import { effectiveItemsOf, type EffectiveItem } from '../model/effectivePlan';
import { parseOverrides } from '../model/overrides';
import { readPlanItems } from './dateHistory';
import { daysBetween } from '../text/dates';
import { markdownTable, textTable, type Cell } from '../text/tables';

export interface PlanText {
  uri: string;
  text: string;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** The dates compared, in the order a change lists them. */
export const historyFields = ['due', 'forecast', 'completed'] as const;
export type HistoryField = (typeof historyFields)[number];

/**
 * One row of a diff. An added or removed item has one row, whose field is `due` and whose `after`
 * (added) or `before` (removed) is its due date; a changed item has one row per date changed.
 * `days` is how far the date moved, later positive, when both dates are there.
 */
export interface PlanChange {
  id: string;
  kind: ChangeKind;
  field: HistoryField;
  before: string | null;
  after: string | null;
  days: number | null;
}

/** One version of the plans: its plan files and the overrides files laid over them. */
export interface PlanVersion {
  plans: readonly PlanText[];
  overrides?: readonly PlanText[];
}

/** The milestones and features of a version of the plans as the effective plan has them, by ID (the first definition of an ID). */
export function itemsOf(version: PlanVersion): Map<string, EffectiveItem> {
  const definitions = version.plans.flatMap((file) => readPlanItems(file.uri, file.text));
  return effectiveItemsOf(definitions, (version.overrides ?? []).map((file) => parseOverrides(file.uri, file.text)));
}

/** A date, or null; an invalid date counts as none (it is a problem of its own). */
function dateOf(item: EffectiveItem, field: HistoryField): string | null {
  return item[field] ?? null;
}

export function diffPlans(before: PlanVersion, after: PlanVersion): PlanChange[] {
  const old = itemsOf(before);
  const now = itemsOf(after);
  const changes: PlanChange[] = [];
  for (const [id, item] of old) {
    if (!now.has(id)) changes.push({ id, kind: 'removed', field: 'due', before: dateOf(item, 'due'), after: null, days: null });
  }
  for (const [id, item] of now) {
    const earlier = old.get(id);
    if (!earlier) {
      changes.push({ id, kind: 'added', field: 'due', before: null, after: dateOf(item, 'due'), days: null });
      continue;
    }
    for (const field of historyFields) {
      const from = dateOf(earlier, field);
      const to = dateOf(item, field);
      if (from === to) continue;
      changes.push({ id, kind: 'changed', field, before: from, after: to, days: from !== null && to !== null ? daysBetween(from, to) : null });
    }
  }
  return inDiffOrder(changes);
}

/** Removed, then added, then changed items, each by ID, an item's dates in the order of `historyFields`. */
export function inDiffOrder(changes: PlanChange[]): PlanChange[] {
  const order: Record<ChangeKind, number> = { removed: 0, added: 1, changed: 2 };
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || compare(a.id, b.id) || historyFields.indexOf(a.field) - historyFields.indexOf(b.field));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type DiffFormat = 'text' | 'json' | 'md';

/** `+60`, `-3`, or nothing: a slip as a table shows it. */
export function signedDays(days: number | null): Cell {
  return days === null ? null : days > 0 ? `+${days}` : String(days);
}

export function formatDiff(changes: readonly PlanChange[], format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(changes, null, 2)}\n`;
  const header = ['id', 'change', 'field', 'before', 'after', 'days'];
  const rows = changes.map((change) => [change.id, change.kind, change.field, change.before, change.after, signedDays(change.days)]);
  return format === 'md' ? markdownTable(header, rows) : textTable(header, rows);
}

/** `2 added, 1 removed, 3 changed`: the count of items of each kind. */
export function diffSummary(changes: readonly PlanChange[]): string {
  const items = (kind: ChangeKind) => new Set(changes.filter((change) => change.kind === kind).map((change) => change.id)).size;
  return `${items('added')} added, ${items('removed')} removed, ${items('changed')} changed`;
}
