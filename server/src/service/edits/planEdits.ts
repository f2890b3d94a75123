// Edits of a plan's values in the text that owns them: the one home for setting a date, removing a
// field or a listed ID, adding an entry — used by the quick fixes, rescheduling and the schedule
// update. Each is a minimal text edit that keeps comments, quoting, indentation and line ends. A
// value an overrides file sets is changed in that file (`setEffectiveDate`), where it wins.
import { idPattern } from '../../../../common/planSnapshot';
import type { PlanDocument } from '../model/document';
import type { EffectiveItem } from '../model/effectivePlan';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { sectionPair } from '../model/locate';
import { today } from '../text/dates';
import { indentAt, lineEnding, singleEdit, wholeLine, type TextEdit, type WorkspaceEdit } from '../text/edits';
import type { Span } from '../yaml/nodes';

/** Replaces a scalar's value, keeping its quotes. */
export function replaceScalar(text: string, span: Span, value: string): TextEdit {
  const written = text.slice(span.start, span.end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  return { start: span.start, end: span.end, text: `${quote}${value}${quote}` };
}

/** Sets a date field of an entry: replaces its value, fills an empty one, or adds the key after `due`. */
export function setOwnDate(file: PlanFile, item: PlanItem, key: 'due' | 'forecast' | 'completed', date: string): TextEdit {
  const field = item.field(key);
  if (field) {
    const value = field.value;
    if (value && value.kind === 'scalar' && value.end > value.start && value.value !== null) return replaceScalar(file.text, field.valueSpan, date);
    // `completed:` with nothing, or `completed: null` / `~`: put the date right after the colon.
    const colon = file.text.indexOf(':', field.keySpan.end);
    const end = value && value.end > value.start ? field.valueSpan.end : colon + 1;
    return { start: colon + 1, end, text: ` ${date}` };
  }
  const flowEntry = item.valueNode;
  if (flowEntry?.kind === 'map' && flowEntry.flow) {
    // `F-1: {name: x, due: y}`: the key goes inside the braces, not on a line of its own.
    const last = flowEntry.pairs[flowEntry.pairs.length - 1];
    const at = last ? last.end + item.base : flowEntry.start + item.base + 1;
    return { start: at, end: at, text: `${last ? ', ' : ''}${key}: ${date}` };
  }
  const anchor = item.field('due') ?? item.field('name');
  const eol = lineEnding(file.text);
  if (anchor) {
    const line = wholeLine(file.text, anchor.valueSpan.end);
    const indent = indentAt(file.text, anchor.keySpan.start);
    const atEnd = !file.text.slice(line.start, line.end).endsWith('\n');
    return { start: line.end, end: line.end, text: `${atEnd ? eol : ''}${indent}${key}: ${date}${atEnd ? '' : eol}` };
  }
  const entry = item.idSpan;
  const line = wholeLine(file.text, entry.end);
  return { start: line.end, end: line.end, text: `${indentAt(file.text, entry.start)}  ${key}: ${date}${eol}` };
}

/** Removes a field's line (when the key and its value sit on one line), or the pair from a flow map. */
export function removeOwnField(file: PlanFile, item: PlanItem, key: string): TextEdit | undefined {
  const field = item.field(key);
  if (!field) return undefined;
  const entry = item.valueNode;
  if (entry?.kind === 'map' && entry.flow) {
    // Take the comma after the pair, or else the one before it (the last pair of the map).
    const pairEnd = Math.max(field.keySpan.end, field.valueSpan.end);
    const following = /^\s*,[ \t]*/.exec(file.text.slice(pairEnd));
    if (following) return { start: field.keySpan.start, end: pairEnd + following[0].length, text: '' };
    const preceding = /,\s*$/.exec(file.text.slice(entry.start + item.base, field.keySpan.start));
    return { start: field.keySpan.start - (preceding?.[0].length ?? 0), end: pairEnd, text: '' };
  }
  const line = wholeLine(file.text, field.keySpan.start);
  if (field.valueSpan.end > line.end) return undefined;
  return { ...line, text: '' };
}

/** A date written where a value of the overrides file was: `""` for none, keeping the value's quotes. */
function overriddenDateText(text: string, span: Span, date: string | null): TextEdit {
  const written = text.slice(span.start, span.end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : date === null ? '"' : '';
  return { start: span.start, end: span.end, text: `${quote}${date ?? ''}${quote}` };
}

/** A change of an item's date in the text that owns it, and the overrides file it is in (for the fix's title), if any. */
export interface DateChange {
  edits: WorkspaceEdit;
  /** The overrides file changed, by name: `local.yaml`; undefined when the plan is. */
  overridesFile: string | undefined;
}

/**
 * Sets (or, with `null`, takes away) an item's due, forecast or completion date where the effective
 * plan takes it from: in the overrides file that sets it (there `""` means none), else in the
 * plan's entry. Undefined when there is nothing to take away, or the plan's field spans lines.
 */
export function setEffectiveDate(item: EffectiveItem, field: 'due' | 'forecast' | 'completed', date: string | null, documentOf: (uri: string) => PlanDocument | undefined): DateChange | undefined {
  const origin = item.origin(field);
  const document = documentOf(origin.uri);
  if (!document) return undefined;
  if (origin.kind === 'overrides') {
    if (!origin.valueSpan) return undefined;
    return { edits: singleEdit(origin.uri, origin.valueSpan, overriddenDateText(document.file.text, origin.valueSpan, date).text), overridesFile: origin.fileName };
  }
  if (document.kind !== 'plan') return undefined;
  // A value with an anchor (`due: &release 2021-06-01`) is also every alias of it: written here, it would move those too.
  const written = item.definition.field(field);
  if (written && /&\S/.test(document.file.text.slice(written.keySpan.end, written.valueSpan.start))) return undefined;
  const edit = date === null ? removeOwnField(document.file, item.definition, field) : setOwnDate(document.file, item.definition, field, date);
  return edit && { edits: new Map([[origin.uri, [edit]]]), overridesFile: undefined };
}

/** Removes one item of a list (`features`, `predecessors`): its line for a block list, the item and a comma for a flow list. */
export function removeListItem(text: string, span: Span): TextEdit {
  const line = wholeLine(text, span.start);
  const before = text.slice(line.start, span.start);
  const after = text.slice(span.end, line.end).replace(/\r?\n$/, '');
  if (/^\s*-\s*$/.test(before) && /^\s*(#.*)?$/.test(after)) return { ...line, text: '' };
  // Flow list: take the comma after the item, or else the one before it, on the item's line (a
  // list written over several lines keeps its line breaks; a comma left before `]` is allowed).
  const following = /^[ \t]*,[ \t]*/.exec(text.slice(span.end));
  if (following) return { start: span.start, end: span.end + following[0].length, text: '' };
  const preceding = /,[ \t]*$/.exec(text.slice(Math.max(0, span.start - 40), span.start));
  if (preceding) return { start: span.start - preceding[0].length, end: span.end, text: '' };
  return { start: span.start, end: span.end, text: '' };
}

/**
 * Deletions as disjoint edits: two removed neighbours in a flow list may both claim the comma
 * between them, and are then removed at once.
 */
export function mergedDeletions(deletions: readonly TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const deletion of [...deletions].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && deletion.start <= last.end) last.end = Math.max(last.end, deletion.end);
    else merged.push({ start: deletion.start, end: deletion.end, text: '' });
  }
  return merged;
}

/** A new feature `id` with a placeholder name: after the last feature of `file`, else of the file that defines the most features, else in a new `features:` map of `file`. */
export function addFeatureStub(files: readonly PlanFile[], file: PlanFile, id: string, due: string | undefined): WorkspaceEdit {
  const home = file.features.length > 0 ? file : [...files].filter((other) => other.features.length > 0).sort((a, b) => b.features.length - a.features.length)[0];
  const body = (indent: string, eol: string) => `${indent}${id}:${eol}${indent}  name: to be described${eol}${indent}  due: ${due ?? today()}${eol}`;
  if (home) {
    const eol = lineEnding(home.text);
    const last = home.features[home.features.length - 1]!;
    const end = wholeLine(home.text, last.entrySpan.end - 1).end;
    const atEnd = end === home.text.length && !home.text.endsWith('\n');
    return singleEdit(home.uri, { start: end, end }, `${atEnd ? eol : ''}${body(indentAt(home.text, last.idSpan.start), eol)}`);
  }
  const text = file.text;
  const eol = lineEnding(text);
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return singleEdit(file.uri, { start: text.length, end: text.length }, `${prefix}${eol}features:${eol}${body('  ', eol)}`);
}

/** A glossary term as a YAML key: plain when it has the shape of an ID, else double-quoted. */
export function yamlKey(term: string): string {
  return idPattern.test(term) ? term : JSON.stringify(term);
}

/**
 * Adds a term to the file's `acronyms:` map, with a placeholder to type the meaning: after its last
 * entry, inside the braces of a flow map, under a key with nothing yet, or in a new map at the end.
 */
export function addAcronym(file: PlanFile, term: string): WorkspaceEdit {
  const text = file.text;
  const eol = lineEnding(text);
  const entry = `${yamlKey(term)}: TODO define ${term}`;
  const section = sectionPair(file, 'acronyms');
  const value = section?.value;
  if (section && value?.kind === 'map' && value.flow) {
    const last = value.pairs[value.pairs.length - 1];
    const at = last ? last.end + section.base : value.start + section.base + 1;
    return singleEdit(file.uri, { start: at, end: at }, last ? `, ${entry}` : entry);
  }
  const last = file.acronyms[file.acronyms.length - 1];
  if (last) {
    const end = wholeLine(text, last.keySpan.start).end;
    const atEnd = end === text.length && !/[\r\n]$/.test(text);
    return singleEdit(file.uri, { start: end, end }, `${atEnd ? eol : ''}${indentAt(text, last.keySpan.start)}${entry}${eol}`);
  }
  if (section && value?.kind === 'scalar' && value.value === null && value.end > value.start) {
    // `acronyms: null` or `~`: a map in its place.
    return singleEdit(file.uri, { start: value.start + section.base, end: value.end + section.base }, `{${entry}}`);
  }
  if (section && (value === null || value === undefined || (value.kind === 'scalar' && value.value === null))) {
    // `acronyms:` with nothing after it (or a comment): its first entry on the line below.
    const end = wholeLine(text, section.keySpan.start).end;
    const atEnd = end === text.length && !/[\r\n]$/.test(text);
    return singleEdit(file.uri, { start: end, end }, `${atEnd ? eol : ''}  ${entry}${eol}`);
  }
  const prefix = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
  return singleEdit(file.uri, { start: text.length, end: text.length }, `${prefix}${eol}acronyms:${eol}  ${entry}${eol}`);
}
