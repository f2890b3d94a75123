// An overrides file: the shape of `data/local.yaml` in lsst-dm/milestones, a map keyed by milestone
// code whose values override or annotate what the schedule says of that milestone. Read with the
// `yaml` package (the file is small), every entry keeping the offsets of its key and its fields.
import { isDate } from '../text/dates';
import { LineIndex } from '../text/lineIndex';
import type { PlanItem } from './planItem';
import { parseWithPackage } from '../yaml/yamlTree';
import { scalarText, type Span, type SyntaxError, type YNode, type YPair } from '../yaml/nodes';

/** The keys whose values are prose, read for acronyms as a plan's names and descriptions are. */
export const overrideTextKeys = new Set(['description', 'name', 'comment']);

/** The keys whose values are Jira keys, linked through `milestones.jiraBaseUrl`. */
export const overrideJiraKeys = new Set(['jira', 'jira_testplan', 'test_spec']);

export interface OverrideEntry {
  code: string;
  keySpan: Span;
  /** The entry's pairs by key (a map's; none when the value is not a map). */
  fields: Map<string, YPair>;
}

export interface OverridesFile {
  uri: string;
  text: string;
  lineIndex: LineIndex;
  root: YNode | null;
  syntaxErrors: SyntaxError[];
  entries: OverrideEntry[];
  /** Start and end offsets, in pairs, of the prose values (`description`, `name`, `comment`). */
  freeText: number[];
}

export function parseOverrides(uri: string, text: string): OverridesFile {
  const parsed = parseWithPackage(text);
  const entries: OverrideEntry[] = [];
  const freeText: number[] = [];
  if (parsed.root?.kind === 'map') {
    for (const pair of parsed.root.pairs) {
      const code = scalarText(pair.key);
      if (code === undefined) continue;
      const fields = new Map<string, YPair>();
      if (pair.value?.kind === 'map') {
        for (const field of pair.value.pairs) {
          const key = scalarText(field.key);
          if (key === undefined) continue;
          fields.set(key, field);
          const value = field.value;
          if (overrideTextKeys.has(key) && value?.kind === 'scalar' && typeof value.value === 'string') freeText.push(value.start, value.end);
        }
      }
      entries.push({ code, keySpan: { start: pair.key.start, end: pair.key.end }, fields });
    }
  }
  return { uri, text, lineIndex: new LineIndex(text), root: parsed.root, syntaxErrors: parsed.errors, entries, freeText };
}

/** An overridden date: the date, `null` for `""` (none), or undefined when the entry does not override it. */
export function overriddenDate(entry: OverrideEntry, key: 'due' | 'completed'): string | null | undefined {
  const value = entry.fields.get(key)?.value;
  if (!value || value.kind !== 'scalar') return undefined;
  const text = scalarText(value);
  return text === undefined || text === '' ? null : text;
}

/** The dates an overrides file gives a code: each a date, `null` for none, or undefined when not overridden; `source` names the file. */
export interface OverriddenDates {
  due?: string | null;
  completed?: string | null;
  source: string;
}

/** The valid overridden dates of every code, the first overrides file that gives a code's date winning. */
export function overriddenDatesOf(files: readonly OverridesFile[]): Map<string, OverriddenDates> {
  const dates = new Map<string, OverriddenDates>();
  for (const file of files) {
    const source = decodeURIComponent(file.uri.slice(file.uri.lastIndexOf('/') + 1));
    for (const entry of file.entries) {
      const found: OverriddenDates = dates.get(entry.code) ?? { source };
      for (const key of ['due', 'completed'] as const) {
        const value = overriddenDate(entry, key);
        // A date that is not one is the overrides file's own problem (invalid-date), not applied.
        if (found[key] === undefined && (value === null || (value !== undefined && isDate(value)))) found[key] = value;
      }
      if (found.due !== undefined || found.completed !== undefined) dates.set(entry.code, found);
    }
  }
  return dates;
}

/** The item as Rubin's tooling sees it once the overrides apply: the same item with the overridden dates. */
export function withOverriddenDates(item: PlanItem, dates: OverriddenDates): PlanItem {
  const due = dates.due === undefined ? item.due : (dates.due ?? undefined);
  const completed = dates.completed === undefined ? item.completed : (dates.completed ?? undefined);
  const completedWritten = dates.completed === undefined ? item.completedWritten : dates.completed !== null;
  return Object.create(item, { due: { value: due }, completed: { value: completed }, completedWritten: { value: completedWritten } }) as PlanItem;
}
