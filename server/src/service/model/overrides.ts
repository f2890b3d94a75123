// An overrides file: the shape of `data/local.yaml` in lsst-dm/milestones, a map keyed by milestone
// code whose values override or annotate what the schedule says of that milestone. Read with the
// `yaml` package (the file is small), every entry keeping the offsets of its key and its fields,
// and read as lsst-dm/milestones reads it: a key with no value is absent, and `""` for a date
// takes the date away.
import { isDate } from '../text/dates';
import { LineIndex } from '../text/lineIndex';
import type { DateOverrides } from './itemState';
import { parseWithPackage } from '../yaml/yamlTree';
import { scalarText, type Span, type SyntaxError, type YNode, type YPair } from '../yaml/nodes';

/** The keys whose values are prose, read for acronyms as a plan's names and descriptions are. */
export const overrideTextKeys = new Set(['description', 'name', 'comment']);

/** The keys whose values are Jira keys, linked through `milestones.jiraBaseUrl`. */
export const overrideJiraKeys = new Set(['jira', 'jira_testplan', 'test_spec']);

export interface OverrideEntry {
  code: string;
  keySpan: Span;
  /** From the code to the end of its value. */
  span: Span;
  /** The entry's pairs that have a value, by key (the first, when a key is written twice): `jira:` alone is absent. */
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

/** Whether a value is given: not missing, not YAML's null (`key:`, `key: ~`). A quoted `""` is a value. */
function hasValue(node: YNode | null): node is YNode {
  return node !== null && !(node.kind === 'scalar' && (node.value === null || node.value === undefined));
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
          if (key === undefined || fields.has(key) || !hasValue(field.value)) continue;
          fields.set(key, field);
          const value = field.value;
          if (overrideTextKeys.has(key) && value.kind === 'scalar' && typeof value.value === 'string') freeText.push(value.start, value.end);
        }
      }
      entries.push({ code, keySpan: { start: pair.key.start, end: pair.key.end }, span: { start: pair.key.start, end: Math.max(pair.end, pair.key.end) }, fields });
    }
  }
  return { uri, text, lineIndex: new LineIndex(text), root: parsed.root, syntaxErrors: parsed.errors, entries, freeText };
}

/** The file's name, for messages: `local.yaml`. */
export function overridesFileName(file: { uri: string }): string {
  return decodeURIComponent(file.uri.slice(file.uri.lastIndexOf('/') + 1));
}

/** One value an overrides file sets for a code, with the file and the pair that set it. */
export interface OverriddenValue<T> {
  value: T;
  file: OverridesFile;
  pair: YPair;
}

/** What the overrides files set for one code, field by field. */
export interface CodeOverrides {
  /** A date, or `null` for `""` (none). */
  due?: OverriddenValue<string | null>;
  completed?: OverriddenValue<string | null>;
  name?: OverriddenValue<string>;
  level?: OverriddenValue<number>;
}

/** The overridden dates alone, as `withDateOverrides` takes them. */
export function dateOverridesOf(overrides: CodeOverrides | undefined): DateOverrides | undefined {
  if (!overrides || (overrides.due === undefined && overrides.completed === undefined)) return undefined;
  return { due: overrides.due?.value, completed: overrides.completed?.value };
}

/** An overridden date: the date, `null` for `""` (none), or undefined when the entry does not give a valid one. */
function overriddenDate(pair: YPair): string | null | undefined {
  const value = pair.value;
  if (value?.kind !== 'scalar') return undefined;
  const text = scalarText(value);
  if (text === undefined || text === '') return null;
  // A date that is not one is the overrides file's own problem (invalid-date), not applied.
  return isDate(text) ? text : undefined;
}

/**
 * What the overrides files set for each code. Files are taken in the order of their URIs, so that
 * the answer does not depend on the order they were opened in: for each field, the first file that
 * sets it wins.
 */
export function overridesByCode(files: Iterable<OverridesFile>): Map<string, CodeOverrides> {
  const byCode = new Map<string, CodeOverrides>();
  for (const file of [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    for (const entry of file.entries) {
      const found: CodeOverrides = byCode.get(entry.code) ?? {};
      for (const key of ['due', 'completed'] as const) {
        const pair = entry.fields.get(key);
        const value = pair && overriddenDate(pair);
        if (found[key] === undefined && pair && value !== undefined) found[key] = { value, file, pair };
      }
      const name = entry.fields.get('name');
      if (found.name === undefined && name?.value?.kind === 'scalar' && typeof name.value.value === 'string' && name.value.value.trim() !== '') found.name = { value: name.value.value, file, pair: name };
      const level = entry.fields.get('level');
      if (found.level === undefined && level?.value?.kind === 'scalar' && typeof level.value.value === 'number' && Number.isInteger(level.value.value)) found.level = { value: level.value.value, file, pair: level };
      if (found.due || found.completed || found.name || found.level) byCode.set(entry.code, found);
    }
  }
  return byCode;
}

/** A signature of what the overrides set, to tell which codes changed when a file is edited. */
export function overridesSignature(overrides: CodeOverrides): string {
  return JSON.stringify([overrides.due?.value, overrides.due?.file.uri, overrides.completed?.value, overrides.completed?.file.uri, overrides.name?.value, overrides.name?.file.uri, overrides.level?.value, overrides.level?.file.uri]);
}
