// Completion: feature IDs in a milestone's `features` list, acronyms in free text, keys of the
// schema at the right level (and snippets for whole entries), and dates on date values. While the
// user types the YAML is often incomplete, so the context comes from the lines around the cursor.
import { progressHint } from '../model/itemState';
import type { PlanFile } from '../model/planFile';
import { isRequiredKey, keyDescription, schemaKeys } from '../model/schema';
import { today } from '../text/dates';
import { lineStartOf } from '../text/edits';
import { fuzzyMatches } from '../text/matching';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export type CompletionKind = 'feature' | 'acronym' | 'key' | 'snippet' | 'date';

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

/** The lines above `line` that hold it: each next line up with less indentation, nearest first. */
function enclosingKeys(text: string, lineStart: number, indent: number): { key: string; indent: number; start: number }[] {
  const found: { key: string; indent: number; start: number }[] = [];
  let end = lineStart - 1;
  let limit = indent;
  while (end > 0 && limit > 0) {
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

export function doComplete(workspace: Workspace, file: PlanFile, offset: number): PlanCompletion[] {
  const line = lineAt(file.text, offset);
  const listItem = /^(\s*)-\s*("?)([A-Za-z0-9._-]*)$/.exec(line.before);
  const flowItem = /^(\s*)features:\s*\[(?:[^\]]*,)?\s*("?)([A-Za-z0-9._-]*)$/.exec(line.before);
  if (listItem || flowItem) {
    const typed = (listItem ?? flowItem)![3]!;
    const indent = listItem ? indentOf(line.text) + 1 : indentOf(line.text) + 1;
    const parents = flowItem ? [{ key: 'features', indent: indentOf(line.text), start: line.start }, ...enclosingKeys(file.text, line.start, indentOf(line.text))] : enclosingKeys(file.text, line.start, indent);
    if (parents[0]?.key === 'features' && parents[2]?.key === 'milestones') {
      return featureCompletions(workspace, file, parents[1]!.key, { start: offset - typed.length, end: offset });
    }
    return [];
  }
  const dateValue = /^(\s*)(due|completed|asOf):\s*("?)([0-9-]*)$/.exec(line.before);
  if (dateValue) {
    return dateCompletions(workspace, file, line, dateValue[2]!, { start: offset - dateValue[4]!.length, end: offset });
  }
  const freeText = /^(\s*)(name|description|title):\s*(.*)$/.exec(line.before) ?? (isInBlockText(file.text, line) ? [line.before, '', '', line.before] : null);
  if (freeText) {
    const word = /[A-Z][A-Za-z0-9&-]*$/.exec(freeText[3]!)?.[0];
    if (!word) return [];
    return acronymCompletions(workspace, word, { start: offset - word.length, end: offset });
  }
  const keyTyped = /^(\s*)([A-Za-z]*)$/.exec(line.before);
  if (keyTyped) return keyCompletions(file, line, keyTyped[1]!.length, { start: offset - keyTyped[2]!.length, end: offset });
  return [];
}

/** Whether the line is inside a multi-line `description: >-` or `|` block. */
function isInBlockText(text: string, line: Line): boolean {
  const parents = enclosingKeys(text, line.start, indentOf(line.text) || 1);
  const parent = parents[0];
  if (!parent || !['description', 'name', 'title'].includes(parent.key)) return false;
  const end = text.indexOf('\n', parent.start);
  return /:\s*[|>][-+]?\s*(#.*)?$/.test(text.slice(parent.start, end < 0 ? text.length : end).replace(/\r$/, ''));
}

function featureCompletions(workspace: Workspace, file: PlanFile, milestoneId: string, replace: Span): PlanCompletion[] {
  const { index } = workspace.analyze();
  const milestone = file.milestones.find((item) => item.id === milestoneId) ?? index.milestones.get(milestoneId);
  const listed = new Set(milestone?.references.map((reference) => reference.id) ?? []);
  const completions: PlanCompletion[] = [];
  const typed = replace.end > replace.start ? file.text.slice(replace.start, replace.end).replace(/^"/, '') : '';
  for (const [id, feature] of index.features) {
    // What is typed narrows the list here already (the editor filters the same way, fuzzily).
    if (typed !== '' && !fuzzyMatches(typed, `${id} ${feature.name ?? ''}`)) continue;
    const state = progressHint(feature, workspace.asOf(feature.uri));
    completions.push({
      label: id,
      kind: 'feature',
      detail: `${feature.name ?? ''} · ${state}`,
      documentation: feature.name,
      // Features not yet listed first, by due date; those already listed last.
      sortText: `${listed.has(id) ? '1' : '0'}${feature.due ?? '9999'}${id}`,
      filterText: `${id} ${feature.name ?? ''}`,
      insertText: id,
      replace,
    });
  }
  return completions;
}

function dateCompletions(workspace: Workspace, file: PlanFile, line: Line, key: string, replace: Span): PlanCompletion[] {
  const dates = new Map<string, string>();
  dates.set(today(), 'today');
  const asOf = workspace.asOf(file.uri);
  if (!dates.has(asOf)) dates.set(asOf, 'the plan\'s asOf');
  const owner = enclosingKeys(file.text, line.start, indentOf(line.text))[0];
  if (owner) {
    const { index } = workspace.analyze();
    for (const parent of index.parents(owner.key)) {
      if (parent.due && !dates.has(parent.due)) dates.set(parent.due, `due date of ${parent.id}`);
      if (key === 'completed' && parent.completed && !dates.has(parent.completed)) dates.set(parent.completed, `completion of ${parent.id}`);
    }
    const item = index.milestones.get(owner.key) ?? index.features.get(owner.key);
    if (key === 'completed' && item?.due && !dates.has(item.due)) dates.set(item.due, 'its due date');
  }
  let rank = 0;
  return [...dates].map(([date, why]) => ({ label: date, kind: 'date' as const, detail: why, sortText: String(rank++).padStart(3, '0'), insertText: date, replace }));
}

function acronymCompletions(workspace: Workspace, typed: string, replace: Span): PlanCompletion[] {
  const glossary = workspace.analyze().glossary;
  return glossary
    .terms()
    .filter((term) => term.startsWith(typed))
    .map((term) => {
      const meanings = glossary.distinctMeanings(term);
      return {
        label: term,
        kind: 'acronym' as const,
        detail: glossary.preferred(term)?.definition,
        documentation: meanings.length > 1 ? meanings.map((meaning) => `- ${meaning.definition}${meaning.tags.length ? ` (${meaning.tags.join(', ')})` : ''}`).join('\n') : undefined,
        insertText: term,
        replace,
      };
    });
}

function keyCompletions(file: PlanFile, line: Line, indent: number, replace: Span): PlanCompletion[] {
  const parents = enclosingKeys(file.text, line.start, indent);
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
        insertText: key === 'features' || key === 'aka' ? `${key}:\n${' '.repeat(indent + 2)}- ` : `${key}: `,
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
