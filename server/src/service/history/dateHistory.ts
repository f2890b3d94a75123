// An item's date history: each version of its plan file (a commit, read from git by the host) in
// which its `due` or `forecast` changed, with the commit's date, hash and subject, old → new.
import { buildSegmentModel } from '../model/segmentModel';
import { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';

/** The milestones and features of one plan file's text, read without checking it. */
export function readPlanItems(uri: string, text: string): PlanItem[] {
  const file = new PlanFile(uri, (segment) => buildSegmentModel(segment, uri));
  file.update(text, Number.POSITIVE_INFINITY);
  return [...file.milestones, ...file.features];
}

/** The dates a history follows, of one item in one version. */
export interface TrackedDates {
  due: string | null;
  forecast: string | null;
}

/** Each item's due and forecast dates in a file's text, by ID (the first definition of an ID). */
export function trackedDates(uri: string, text: string): Map<string, TrackedDates> {
  return datesOf(readPlanItems(uri, text));
}

/** The dates of the first definition of each ID among `items`. */
export function datesOf(items: readonly PlanItem[]): Map<string, TrackedDates> {
  const dates = new Map<string, TrackedDates>();
  for (const item of items) if (!dates.has(item.id)) dates.set(item.id, { due: item.ownDue ?? null, forecast: item.ownForecast ?? null });
  return dates;
}

export interface FileVersion {
  /** The commit's short hash, date (YYYY-MM-DD) and subject. */
  hash: string;
  date: string;
  subject: string;
  /** The dates of the items of the version (or of those it changed: an item left out is as before). */
  dates: ReadonlyMap<string, TrackedDates>;
}

export interface DateChange {
  hash: string;
  date: string;
  subject: string;
  field: keyof TrackedDates;
  before: string | null;
  after: string | null;
}

/**
 * The date changes of every item of a file, built from its versions oldest first: each version is
 * compared with the last one that had the item (a version without it, before it was added or while
 * it was removed, breaks nothing). Only the changes are kept, and the dates of the newest version,
 * so a long history costs little memory and a new commit is one more `add`.
 */
export class DateHistories {
  private readonly changes = new Map<string, DateChange[]>();
  private readonly last = new Map<string, TrackedDates>();

  /** Adds the next version, newer than every one added before. */
  add(version: FileVersion): void {
    for (const [id, dates] of version.dates) {
      const previous = this.last.get(id);
      this.last.set(id, dates);
      if (!previous) continue;
      for (const field of ['due', 'forecast'] as const) {
        if (previous[field] === dates[field]) continue;
        let list = this.changes.get(id);
        if (!list) this.changes.set(id, (list = []));
        list.push({ hash: version.hash, date: version.date, subject: version.subject, field, before: previous[field], after: dates[field] });
      }
    }
  }

  /** An item's changes, newest first. */
  of(id: string): DateChange[] {
    return (this.changes.get(id) ?? []).slice().reverse();
  }
}

/** The changes of an item's due and forecast dates across versions given newest first; the changes newest first. */
export function dateHistory(id: string, versions: readonly FileVersion[]): DateChange[] {
  const histories = new DateHistories();
  for (let index = versions.length - 1; index >= 0; index--) histories.add(versions[index]!);
  return histories.of(id);
}

/** For a hover: `**Date history** (git)` and a line for each change, newest first, the last `limit`. */
export function dateHistoryMarkdown(changes: readonly DateChange[], limit = 10): string | undefined {
  if (changes.length === 0) return undefined;
  const escape = (text: string) => text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
  const lines = changes.slice(0, limit).map((change) => `- ${change.date} \`${change.hash}\` ${escape(change.subject)}: ${change.field} ${change.before ?? '—'} → ${change.after ?? '—'}`);
  if (changes.length > limit) lines.push(`- … and ${changes.length - limit} earlier change${changes.length - limit === 1 ? '' : 's'}`);
  return ['**Date history** (git)', '', ...lines].join('\n');
}
