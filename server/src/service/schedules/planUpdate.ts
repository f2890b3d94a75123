// The monthly update of a plan from a new export of its schedule, as minimal text edits of the
// plan file: names, dates and links that changed are rewritten in place (keeping quotes, comments,
// order and line ends), new items are appended to their section in the schedule's order, and items
// gone from the schedule are reported, and removed only when asked. An update applied twice does
// nothing the second time.
import { mergedDeletions, removeListItem, removeOwnField, setOwnDate } from '../edits/planEdits';
import { historyFields, inDiffOrder, type PlanChange } from '../history/planDiff';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { daysBetween } from '../text/dates';
import { applyEdits, lineEnding, wholeLine, type TextEdit } from '../text/edits';
import { parseYaml, plainOrQuoted } from '../yaml/yamlTree';
import { itemLines, predecessorLine, type ImportedItem, type ImportedLink, type ImportedPlan } from './scheduleToPlan';

export interface UpdateOptions {
  /** Remove the items the schedule no longer has (and their listings). */
  prune?: boolean;
  /** Update milestones' `features` lists too (the import's `--features`). */
  features?: boolean;
}

export interface PlanUpdate {
  edits: TextEdit[];
  /** IDs the plan has and the schedule does not: removed with `prune`, else only reported. */
  gone: string[];
  added: string[];
  /** What moved, as `milestones diff` lists it: items added and removed, each date changed. */
  changes: PlanChange[];
}

export function updatePlan(file: PlanFile, schedule: ImportedPlan, options: UpdateOptions = {}): PlanUpdate {
  const text = file.text;
  const existing = new Map<string, PlanItem>();
  for (const item of [...file.milestones, ...file.features]) if (!existing.has(item.id)) existing.set(item.id, item);
  const wanted = new Set(schedule.items.map((item) => item.id));
  const gone = [...existing.keys()].filter((id) => !wanted.has(id));
  const removed = new Set(options.prune ? gone : []);
  const edits: TextEdit[] = [];
  const asOf = file.top.get('asOf');
  if (schedule.asOf && asOf && file.asOf !== schedule.asOf) edits.push(scalarEdit(text, asOf.valueSpan, schedule.asOf, false));
  const added: ImportedItem[] = [];
  const changes: PlanChange[] = [];
  for (const item of schedule.items) {
    const current = existing.get(item.id);
    if (current) {
      edits.push(...itemEdits(file, current, item, removed, options));
      for (const field of historyFields) {
        const before = current.ownDates[field] ?? null;
        const after = item[field] ?? null;
        if (before !== after) changes.push({ id: item.id, kind: 'changed', field, before, after, days: before !== null && after !== null ? daysBetween(before, after) : null });
      }
    } else {
      added.push(item);
      changes.push({ id: item.id, kind: 'added', field: 'due', before: null, after: item.due, days: null });
    }
  }
  for (const id of removed) {
    edits.push(entryRemoval(text, existing.get(id)!));
    changes.push({ id, kind: 'removed', field: 'due', before: existing.get(id)!.ownDue ?? null, after: null, days: null });
  }
  edits.push(...appended(file, added, removed));
  return { edits: joinedInsertions(edits), gone, added: added.map((item) => item.id), changes: inDiffOrder(changes) };
}

/** The edits of one entry: its name, dates, and predecessor (and, with `features`, feature) lists. */
function itemEdits(file: PlanFile, current: PlanItem, item: ImportedItem, removed: ReadonlySet<string>, options: UpdateOptions): TextEdit[] {
  const edits: TextEdit[] = [];
  const text = file.text;
  const inFlow = current.valueNode?.kind === 'map' && current.valueNode.flow;
  const name = current.field('name');
  if (name?.value?.kind === 'scalar' && name.value.value !== item.name) edits.push(scalarEdit(text, name.valueSpan, item.name, inFlow));
  if (rawDate(current, 'due') !== item.due) edits.push(setOwnDate(file, current, 'due', item.due));
  for (const key of ['forecast', 'completed'] as const) {
    const wantedDate = item[key];
    const written = rawDate(current, key);
    if (wantedDate !== undefined && written !== wantedDate) edits.push(setOwnDate(file, current, key, wantedDate));
    else if (wantedDate === undefined && written !== undefined) {
      const removal = removeOwnField(file, current, key);
      if (removal) edits.push(removal);
    }
  }
  edits.push(...listEdits(file, current, 'predecessors', item.predecessors.filter((link) => !removed.has(link.id)), (id) => !removed.has(id)));
  if (options.features) edits.push(...listEdits(file, current, 'features', item.features.filter((id) => !removed.has(id)).map((id) => ({ id })), () => true));
  else if (removed.size > 0) edits.push(...listEdits(file, current, 'features', current.featureReferences.filter((reference) => !removed.has(reference.id)).map((reference) => ({ id: reference.id })), () => true));
  return edits;
}

/** The date as written, valid or not: an invalid date the schedule has a real one for is replaced. */
function rawDate(item: PlanItem, key: 'due' | 'forecast' | 'completed'): string | undefined {
  const value = item.field(key)?.value;
  if (value?.kind !== 'scalar' || value.value === null || value.value === '') return undefined;
  return typeof value.value === 'string' ? value.value : value.source;
}

/** A scalar replaced by a new text value, keeping its quotes where it had some. */
function scalarEdit(text: string, span: { start: number; end: number }, value: string, inFlow: boolean): TextEdit {
  const first = text[span.start];
  if (first === "'") return { ...span, text: `'${value.replace(/'/g, "''")}'` };
  if (first === '"') return { ...span, text: JSON.stringify(value) };
  return { ...span, text: plainOrQuoted(value, inFlow) };
}

/**
 * The edits that make a `predecessors` or `features` list hold the wanted IDs (in any order): the
 * IDs no longer wanted removed, the new ones added at its end, the list written when there was none.
 */
function listEdits(file: PlanFile, item: PlanItem, key: 'predecessors' | 'features', wanted: ImportedLink[], keep: (id: string) => boolean): TextEdit[] {
  const text = file.text;
  const references = key === 'predecessors' ? item.predecessorReferences : item.featureReferences;
  const wantedIds = new Set(wanted.map((link) => link.id));
  const writtenIds = new Set(references.map((reference) => reference.id));
  const stale = references.filter((reference) => !wantedIds.has(reference.id) || !keep(reference.id));
  const missing = wanted.filter((link) => !writtenIds.has(link.id));
  if (stale.length === 0 && missing.length === 0) return [];
  const edits = mergedDeletions(stale.map((reference) => removeListItem(file.text, reference.span)));
  const field = item.field(key);
  const eol = lineEnding(text);
  const list = field?.value;
  const entry = item.valueNode;
  if (missing.length === 0) {
    // Every ID removed from a block list: the key says the list is empty, the comments stay.
    if (list?.kind === 'seq' && !list.flow && stale.length === references.length && field) edits.push({ start: field.keySpan.end + 1, end: field.keySpan.end + 1, text: ' []' });
    return edits;
  }
  if (list?.kind === 'seq' && list.flow) {
    const close = item.absolute({ start: list.end - 1, end: list.end });
    const empty = stale.length === references.length;
    edits.push({ start: close.start, end: close.start, text: `${empty ? '' : ', '}${missing.map((link) => plainOrQuoted(link.id, true)).join(', ')}` });
    return edits;
  }
  if (list?.kind === 'seq' && field) {
    const last = references[references.length - 1]!;
    const line = wholeLine(text, last.span.end);
    const indent = /^[ \t]*/.exec(text.slice(line.start))![0];
    edits.push(insertLines(text, line.end, missing.map((link) => predecessorLine(link).replace(/^ {6}/, indent))));
    return edits;
  }
  if (entry?.kind === 'map' && entry.flow) {
    const close = item.absolute({ start: entry.end - 1, end: entry.end });
    edits.push({ start: close.start, end: close.start, text: `, ${key}: [${missing.map((link) => plainOrQuoted(link.id, true)).join(', ')}]` });
    return edits;
  }
  if (field) {
    // `predecessors:` with no value, or a value that is not a list: written anew after the key.
    edits.push({ start: field.keySpan.end + 1, end: field.value ? field.valueSpan.end : field.keySpan.end + 1, text: ` [${missing.map((link) => plainOrQuoted(link.id, true)).join(', ')}]` });
    return edits;
  }
  const end = wholeLine(text, Math.max(item.entrySpan.end - 1, item.entrySpan.start));
  const keyIndent = /^[ \t]*/.exec(text.slice(wholeLine(text, item.idSpan.start).start))![0];
  const fieldIndent = `${keyIndent}  `;
  const lines = [`${fieldIndent}${key}:`, ...missing.map((link) => predecessorLine(link).replace(/^ {6}/, `${fieldIndent}  `))];
  edits.push(insertLines(text, end.end, lines, eol));
  return edits;
}

/** An insertion of whole lines at a line's end (after a line break if the text ends without one). */
function insertLines(text: string, at: number, lines: string[], eol = lineEnding(text)): TextEdit {
  const needsBreak = at === text.length && text.length > 0 && !text.endsWith('\n');
  return { start: at, end: at, text: `${needsBreak ? eol : ''}${lines.map((line) => `${line}${eol}`).join('')}` };
}

/** The lines of an entry, from its ID to its last value. */
function entryRemoval(text: string, item: PlanItem): TextEdit {
  const start = wholeLine(text, item.idSpan.start).start;
  const end = wholeLine(text, Math.max(item.entrySpan.end - 1, item.idSpan.start)).end;
  return { start, end, text: '' };
}

/** New items at the end of their section, in the schedule's order; a section the file lacks is added at its end. */
function appended(file: PlanFile, added: readonly ImportedItem[], removed: ReadonlySet<string>): TextEdit[] {
  const text = file.text;
  const eol = lineEnding(text);
  const edits: TextEdit[] = [];
  for (const kind of ['milestone', 'feature'] as const) {
    const items = added.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    const lines = items.flatMap((item) => itemLines(item));
    const all = kind === 'milestone' ? file.milestones : file.features;
    const existing = all.filter((item) => !removed.has(item.id));
    const last = existing[existing.length - 1];
    if (last) {
      edits.push(insertLines(text, wholeLine(text, Math.max(last.entrySpan.end - 1, last.idSpan.start)).end, lines, eol));
      continue;
    }
    if (all[0]) {
      // Every entry of the section pruned: the new ones take the place of the first.
      edits.push(insertLines(text, wholeLine(text, all[0].idSpan.start).start, lines, eol));
      continue;
    }
    const section = kind === 'milestone' ? 'milestones' : 'features';
    const root = parseYaml(text).root;
    const pair = root?.kind === 'map' ? root.pairs.find((candidate) => candidate.key.kind === 'scalar' && candidate.key.value === section) : undefined;
    const empty = pair?.value === null || (pair?.value?.kind === 'scalar' && pair.value.value === null);
    if (pair && (empty || (pair.value?.kind === 'map' && pair.value.pairs.length === 0))) {
      // `milestones:` with nothing under it (or `{}`): the entries go right under the key.
      const keyLine = wholeLine(text, pair.key.start);
      if (!empty && pair.value) edits.push({ start: pair.value.start, end: pair.value.end, text: '' });
      edits.push(insertLines(text, keyLine.end, lines, eol));
    } else if (!pair) {
      edits.push(insertLines(text, text.length, [...(text.trim() === '' ? [] : ['']), `${section}:`, ...lines], eol));
    }
  }
  return edits;
}

/** Insertions at one offset made one edit, in the order they were made, so that their order is kept. */
function joinedInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  const insertions = new Map<number, TextEdit>();
  for (const edit of edits) {
    if (edit.start !== edit.end) {
      joined.push(edit);
      continue;
    }
    const earlier = insertions.get(edit.start);
    if (earlier) earlier.text += edit.text;
    else {
      const copy = { ...edit };
      insertions.set(edit.start, copy);
      joined.push(copy);
    }
  }
  // Where a line is removed and another inserted at its start, the removal comes first.
  return joined.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The plan's text after an update. */
export function updatedText(file: PlanFile, update: PlanUpdate): string {
  return applyEdits(file.text, update.edits);
}
