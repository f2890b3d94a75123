// Completion: feature IDs in a milestone's `features` list, milestone and feature IDs in a
// `predecessors` list (those that would close a cycle last), acronyms in free text, keys of the
// schema at the right level (and snippets for whole entries), and dates on date values. While the
// user types the YAML is often incomplete, so the context comes from the lines around the cursor.
// What is typed narrows the list, and only the best few hundred are given: the editor asks again
// as the word grows (the list is incomplete).
import type { PlanDocument } from '../model/document';
import { progressHint } from '../model/itemState';
import type { OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { isRequiredKey, keyDescription, schemaKeys } from '../model/schema';
import { today } from '../text/dates';
import { lineStartOf } from '../text/edits';
import { firstInOrder, matcher } from '../text/matching';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';
import { segmentAt } from '../yaml/segments';

/** The most completions given at once: the best of a plan's 50,000 feature IDs or a glossary's 100,000 terms, as the editor shows a dozen. */
export const completionLimit = 200;

/** A completion's place among those given, as the editor sorts it. */
const rankText = (position: number) => String(position).padStart(4, '0');

export type CompletionKind = 'feature' | 'milestone' | 'acronym' | 'key' | 'snippet' | 'date';

export interface PlanCompletion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** The text to insert; a snippet (with $1 tab stops) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** What the insertion replaces: the word being typed. */
  replace: Span;
}

interface Line {
  text: string; // the whole line, without its line break
  start: number; // offset of the line's start
  before: string; // the text of the line before the cursor
}

function lineAt(text: string, offset: number): Line {
  const start = lineStartOf(text, offset);
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).replace(/\r$/, '');
  return { text: line, start, before: text.slice(start, offset) };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The lines above `line` that hold it: each next line up with less indentation, nearest first.
 * Inside an entry of a section the lines above the entry are not read: every line of the entries
 * before it is indented at least as far as its first line, so the only line left is the section's
 * header (in a plan of 10,000 milestones, tens of thousands of lines up).
 */
function enclosingKeys(file: PlanFile, lineStart: number, indent: number): { key: string; indent: number; start: number }[] {
  const text = file.text;
  const entry = entryHolding(file, lineStart);
  const found: { key: string; indent: number; start: number }[] = [];
  let end = lineStart - 1;
  let limit = indent;
  while (end > 0 && limit > 0) {
    if (entry && end < entry.start) {
      found.push({ key: entry.section, indent: 0, start: entry.header });
      break;
    }
    const start = lineStartOf(text, end);
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lineIndent = indentOf(line);
    if (lineIndent >= limit) continue;
    const key = /^\s*("?)([^"#:]+?)\1\s*:(?:\s|$)/.exec(line)?.[2];
    if (key !== undefined) found.push({ key, indent: lineIndent, start });
    limit = lineIndent;
  }
  return found;
}

/** The entry of a section whose lines after its first hold `offset`: where it starts, its section, and where the section's header line starts. */
function entryHolding(file: PlanFile, offset: number): { start: number; section: string; header: number } | undefined {
  const segments = file.segments;
  const low = segmentAt(segments, offset);
  const segment = segments[low];
  if (!segment || segment.section === undefined || segment.base >= offset || offset > segment.end) return undefined;
  for (let index = low - 1; index >= 0; index--) {
    const before = segments[index]!;
    if (before.section === undefined) return { start: segment.base, section: segment.section, header: before.base };
  }
  return undefined;
}

/** The completions at `offset` of a plan or an overrides file. */
export function doComplete(workspace: Workspace, document: PlanDocument, offset: number): PlanCompletion[] {
  return document.kind === 'plan' ? planComplete(workspace, document.file, offset) : overridesComplete(workspace, document.file, offset);
}

function planComplete(workspace: Workspace, file: PlanFile, offset: number): PlanCompletion[] {
  const line = lineAt(file.text, offset);
  const listItem = /^(\s*)-\s*("?)([A-Za-z0-9._-]*)$/.exec(line.before);
  const flowItem = /^(\s*)(features|predecessors):\s*\[(?:[^\]]*,)?\s*("?)([A-Za-z0-9._-]*)$/.exec(line.before);
  if (listItem || flowItem) {
    const typed = listItem ? listItem[3]! : flowItem![4]!;
    const indent = listItem ? indentOf(line.text) + 1 : indentOf(line.text) + 1;
    const parents = flowItem ? [{ key: flowItem[2]!, indent: indentOf(line.text), start: line.start }, ...enclosingKeys(file, line.start, indentOf(line.text))] : enclosingKeys(file, line.start, indent);
    if (parents[0]?.key === 'features' && parents[2]?.key === 'milestones') {
      return featureCompletions(workspace, file, parents[1]!.key, { start: offset - typed.length, end: offset });
    }
    if (parents[0]?.key === 'predecessors' && (parents[2]?.key === 'milestones' || parents[2]?.key === 'features')) {
      return predecessorCompletions(workspace, file, parents[1]!.key, { start: offset - typed.length, end: offset });
    }
    return [];
  }
  const dateValue = /^(\s*)(due|forecast|completed|asOf):\s*("?)([0-9-]*)$/.exec(line.before);
  if (dateValue) {
    return dateCompletions(workspace, file, line, dateValue[2]!, { start: offset - dateValue[4]!.length, end: offset });
  }
  const freeText = /^(\s*)(name|description|title):\s*(.*)$/.exec(line.before) ?? (isInBlockText(file, line) ? [line.before, '', '', line.before] : null);
  if (freeText) {
    const word = /[A-Z][A-Za-z0-9&-]*$/.exec(freeText[3])?.[0];
    if (!word) return [];
    return acronymCompletions(workspace, word, { start: offset - word.length, end: offset });
  }
  const keyTyped = /^(\s*)([A-Za-z]*)$/.exec(line.before);
  if (keyTyped) return keyCompletions(file, line, keyTyped[1]!.length, { start: offset - keyTyped[2]!.length, end: offset });
  return [];
}

/** Completion in an overrides file: glossary terms in a description, name or comment. */
function overridesComplete(workspace: Workspace, file: OverridesFile, offset: number): PlanCompletion[] {
  for (let index = 0; index < file.freeText.length; index += 2) {
    if (file.freeText[index]! > offset || offset > file.freeText[index + 1]!) continue;
    const word = /[A-Z][A-Za-z0-9&-]*$/.exec(file.text.slice(file.freeText[index], offset))?.[0];
    return word ? acronymCompletions(workspace, word, { start: offset - word.length, end: offset }) : [];
  }
  return [];
}

/** Whether the line is inside a multi-line `description: >-` or `|` block. */
function isInBlockText(file: PlanFile, line: Line): boolean {
  const text = file.text;
  const parents = enclosingKeys(file, line.start, indentOf(line.text) || 1);
  const parent = parents[0];
  if (!parent || !['description', 'name', 'title'].includes(parent.key)) return false;
  const end = text.indexOf('\n', parent.start);
  return /:\s*[|>][-+]?\s*(#.*)?$/.test(text.slice(parent.start, end < 0 ? text.length : end).replace(/\r$/, ''));
}

function featureCompletions(workspace: Workspace, file: PlanFile, milestoneId: string, replace: Span): PlanCompletion[] {
  const { index, plan } = workspace.analyze();
  const milestone = file.milestones.find((item) => item.id === milestoneId) ?? index.milestones.get(milestoneId);
  // The IDs listed, but for the one being typed (it is not listed yet: it may be completed to itself).
  const references = milestone?.featureReferences ?? [];
  const typing = milestone?.uri === file.uri ? references.find((reference) => reference.span.start <= replace.end && replace.start <= reference.span.end) : undefined;
  const listed = new Set(references.filter((reference) => reference !== typing).map((reference) => reference.id));
  const typed = replace.end > replace.start ? file.text.slice(replace.start, replace.end).replace(/^"/, '') : '';
  const rank = matcher(typed);
  const found: { id: string; feature: PlanItem; rank: number; listed: boolean }[] = [];
  for (const [id, feature] of index.features) {
    // What is typed narrows the list here already (the editor filters the same way, fuzzily).
    const featureRank = rank(...feature.lowerCase);
    if (featureRank !== undefined) found.push({ id, feature, rank: featureRank, listed: listed.has(id) });
  }
  // Features not yet listed first, the best matches of those, by due date; those already listed last.
  const dueOf = (feature: PlanItem) => plan.of(feature).due ?? '9999';
  const best = firstInOrder(found, (a, b) => Number(a.listed) - Number(b.listed) || a.rank - b.rank || compareText(dueOf(a.feature), dueOf(b.feature)) || compareText(a.id, b.id), completionLimit);
  return best.map(({ id, feature: definition }, position) => {
    const feature = plan.of(definition);
    return {
      label: id,
      kind: 'feature' as const,
      detail: `${feature.name ?? ''} · ${progressHint(feature, feature.asOf)}`,
      documentation: feature.name,
      sortText: rankText(position),
      filterText: `${id} ${feature.name ?? ''}`,
      insertText: id,
      replace,
    };
  });
}

/**
 * Milestone and feature IDs for an item's `predecessors`: not yet listed first, then those already
 * listed, and last, marked, those that would close a cycle (the item itself and everything that
 * waits for it, directly or not).
 */
function predecessorCompletions(workspace: Workspace, file: PlanFile, itemId: string, replace: Span): PlanCompletion[] {
  const { index, plan } = workspace.analyze();
  const item = file.milestones.find((candidate) => candidate.id === itemId) ?? file.features.find((candidate) => candidate.id === itemId) ?? index.item(itemId);
  const references = item?.predecessorReferences ?? [];
  const typing = item?.uri === file.uri ? references.find((reference) => reference.span.start <= replace.end && replace.start <= reference.span.end) : undefined;
  const listed = new Set(references.filter((reference) => reference !== typing).map((reference) => reference.id));
  const waiting = new Set([itemId]);
  const queue = [itemId];
  for (let at = 0; at < queue.length; at++) {
    for (const successor of index.successors(queue[at]!)) {
      if (waiting.has(successor.id)) continue;
      waiting.add(successor.id);
      queue.push(successor.id);
    }
  }
  const typed = replace.end > replace.start ? file.text.slice(replace.start, replace.end).replace(/^["']/, '') : '';
  const rank = matcher(typed);
  // 0: may be named; 1: named already; 2: would close a cycle.
  const found: { id: string; item: PlanItem; rank: number; group: number }[] = [];
  for (const items of [index.milestones, index.features]) {
    for (const [id, candidate] of items) {
      if (items === index.features && index.milestones.has(id)) continue;
      const candidateRank = rank(...candidate.lowerCase);
      if (candidateRank === undefined) continue;
      found.push({ id, item: candidate, rank: candidateRank, group: waiting.has(id) ? 2 : listed.has(id) ? 1 : 0 });
    }
  }
  const dueOf = (definition: PlanItem) => plan.of(definition).due ?? '9999';
  const best = firstInOrder(found, (a, b) => a.group - b.group || a.rank - b.rank || compareText(dueOf(a.item), dueOf(b.item)) || compareText(a.id, b.id), completionLimit);
  return best.map(({ id, item: definition, group }, position) => {
    const candidate = plan.of(definition);
    return {
      label: id,
      kind: candidate.kind,
      detail: `${group === 2 ? '⚠ would make a cycle · ' : ''}${candidate.name ?? ''} · ${progressHint(candidate, candidate.asOf)}`,
      documentation: candidate.name,
      sortText: rankText(position),
      filterText: `${id} ${candidate.name ?? ''}`,
      insertText: id,
      replace,
    };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateCompletions(workspace: Workspace, file: PlanFile, line: Line, key: string, replace: Span): PlanCompletion[] {
  const dates = new Map<string, string>();
  dates.set(today(), 'today');
  const asOf = workspace.asOf(file.uri);
  if (!dates.has(asOf)) dates.set(asOf, 'the plan\'s asOf');
  const owner = enclosingKeys(file, line.start, indentOf(line.text))[0];
  if (owner) {
    const { plan } = workspace.analyze();
    for (const parent of plan.parents(owner.key)) {
      if (parent.due && !dates.has(parent.due)) dates.set(parent.due, `due date of ${parent.id}${parent.isOverridden('due') ? ` (${parent.sourceOf('due')})` : ''}`);
      if (key === 'forecast' && parent.forecast && !dates.has(parent.forecast)) dates.set(parent.forecast, `forecast of ${parent.id}`);
      if (key === 'completed' && parent.completed && !dates.has(parent.completed)) dates.set(parent.completed, `completion of ${parent.id}${parent.isOverridden('completed') ? ` (${parent.sourceOf('completed')})` : ''}`);
    }
    const item = plan.milestone(owner.key) ?? plan.feature(owner.key);
    if ((key === 'completed' || key === 'forecast') && item?.due && !dates.has(item.due)) dates.set(item.due, 'its due date');
    if (key === 'completed' && item?.forecast && !dates.has(item.forecast)) dates.set(item.forecast, 'its forecast');
  }
  let rank = 0;
  return [...dates].map(([date, why]) => ({ label: date, kind: 'date' as const, detail: why, sortText: String(rank++).padStart(3, '0'), insertText: date, replace }));
}

/** Terms that start with what is typed: the term itself first, then the shortest, then in order. */
function acronymCompletions(workspace: Workspace, typed: string, replace: Span): PlanCompletion[] {
  const glossary = workspace.analyze().glossary;
  const terms = firstInOrder(glossary.termsStartingWith(typed), (a, b) => a.length - b.length || compareText(a, b), completionLimit);
  return terms.map((term, position) => {
    const meanings = glossary.distinctMeanings(term);
    return {
      label: term,
      kind: 'acronym' as const,
      detail: meanings[0]?.definition,
      documentation: meanings.length > 1 ? meanings.map((meaning) => `- ${meaning.definition}${meaning.tags.length ? ` (${meaning.tags.join(', ')})` : ''}`).join('\n') : undefined,
      sortText: rankText(position),
      insertText: term,
      replace,
    };
  });
}

function keyCompletions(file: PlanFile, line: Line, indent: number, replace: Span): PlanCompletion[] {
  const parents = enclosingKeys(file, line.start, indent);
  const present = (start: number, childIndent: number) => siblingKeys(file.text, start, childIndent);
  if (indent === 0) {
    const existing = present(-1, 0);
    return schemaKeys('plan')
      .filter((key) => !existing.has(key))
      .map((key) => ({ label: key, kind: 'key' as const, documentation: keyDescription('plan', key), insertText: `${key}: `, replace }));
  }
  const section = parents.at(-1)?.key;
  if (parents.length === 1 && (section === 'milestones' || section === 'features')) {
    const kind = section === 'milestones' ? 'milestone' : 'feature';
    const body = ' '.repeat(indent + 2);
    const lines = [`\${1:ID}:`, `${body}name: \${2:name}`, `${body}due: \${3:${today()}}`, ...(kind === 'milestone' ? [`${body}features:`, `${body}  - \${4}`] : [])];
    return [{ label: `new ${kind}`, kind: 'snippet', detail: `A ${kind} with its required keys`, insertText: lines.join('\n'), snippet: true, replace }];
  }
  if (parents.length === 2 && (section === 'milestones' || section === 'features')) {
    const kind = section === 'milestones' ? 'milestone' : 'feature';
    const existing = present(parents[0]!.start, indent);
    return schemaKeys(kind)
      .filter((key) => !existing.has(key))
      .map((key) => ({
        label: key,
        kind: 'key' as const,
        documentation: keyDescription(kind, key),
        sortText: `${isRequiredKey(kind, key) ? '0' : '1'}${key}`,
        insertText: key === 'features' || key === 'aka' || key === 'predecessors' ? `${key}:\n${' '.repeat(indent + 2)}- ` : `${key}: `,
        replace,
      }));
  }
  return [];
}

/** The keys already written at `indent` below the line at `parentStart` (or at the top level). */
function siblingKeys(text: string, parentStart: number, indent: number): Set<string> {
  const keys = new Set<string>();
  let position = parentStart < 0 ? 0 : text.indexOf('\n', parentStart) + 1;
  while (position > 0 || (parentStart < 0 && position === 0)) {
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    const line = text.slice(position, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent === indent) {
        const key = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line)?.[1];
        if (key) keys.add(key);
      }
    }
    if (end >= text.length) break;
    position = end + 1;
  }
  return keys;
}
