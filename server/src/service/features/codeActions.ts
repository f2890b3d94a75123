// Quick fixes and "fix all": each a minimal text edit that keeps comments, quoting, indentation
// and line ends, after which the problem is gone.
import { idPattern } from '../../../../common/planSnapshot';
import type { ReportedProblem } from '../checks/problems';
import { disableComment } from '../checks/suppression';
import { expectedDate, isCompleted } from '../model/itemState';
import { itemAt } from '../model/locate';
import type { OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { csvTermAddition } from '../glossary/glossaryFiles';
import { normalizeDate, today } from '../text/dates';
import { appendLine, indentAt, lineEnding, singleEdit, wholeLine, type TextEdit, type WorkspaceEdit } from '../text/edits';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface PlanCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.milestones';
  isPreferred?: boolean;
  /** The problem the action fixes, for the editor to link them. */
  problem?: ReportedProblem;
  edits: WorkspaceEdit;
  /** What to select once the edits are made (a span of the text after them): a placeholder to type over. */
  select?: { uri: string; span: Span };
}

/** Replaces a scalar's value, keeping its quotes. */
function replaceScalar(file: PlanFile, span: Span, value: string): TextEdit {
  const written = file.text.slice(span.start, span.end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  return { start: span.start, end: span.end, text: `${quote}${value}${quote}` };
}

/** Sets a date field of an item: replaces its value, fills an empty one, or adds the key after `due`. */
export function setDate(file: PlanFile, item: PlanItem, key: 'due' | 'forecast' | 'completed', date: string): TextEdit {
  const field = item.field(key);
  if (field) {
    const value = field.value;
    if (value && value.kind === 'scalar' && value.end > value.start && value.value !== null) return replaceScalar(file, field.valueSpan, date);
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
export function removeField(file: PlanFile, item: PlanItem, key: string): TextEdit | undefined {
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

/** Removes one item of a `features` list: its line for a block list, the item and a comma for a flow list. */
export function removeListItem(file: PlanFile, span: Span): TextEdit {
  const text = file.text;
  const line = wholeLine(text, span.start);
  const before = text.slice(line.start, span.start);
  const after = text.slice(span.end, line.end).replace(/\r?\n$/, '');
  if (/^\s*-\s*$/.test(before) && /^\s*(#.*)?$/.test(after)) return { ...line, text: '' };
  // Flow list: take the comma after the item, or else the one before it.
  const following = /^\s*,\s*/.exec(text.slice(span.end));
  if (following) return { start: span.start, end: span.end + following[0].length, text: '' };
  const preceding = /,\s*$/.exec(text.slice(Math.max(0, span.start - 40), span.start));
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

/** Where a stub feature goes: after the last feature of the file that defines the most features. */
function stubFeature(workspace: Workspace, file: PlanFile, id: string, due: string | undefined): WorkspaceEdit {
  const files = [file, ...workspace.allFiles().filter((other) => other !== file)];
  const home = files.find((candidate) => candidate.features.length > 0 && candidate === file) ?? files.sort((a, b) => b.features.length - a.features.length)[0]!;
  const eol = lineEnding(home.text);
  const last = home.features[home.features.length - 1];
  const body = (indent: string) => `${indent}${id}:${eol}${indent}  name: to be described${eol}${indent}  due: ${due ?? today()}${eol}`;
  if (last) {
    const end = wholeLine(home.text, last.entrySpan.end - 1).end;
    const atEnd = end === home.text.length && !home.text.endsWith('\n');
    return singleEdit(home.uri, { start: end, end }, `${atEnd ? eol : ''}${body(indentAt(home.text, last.idSpan.start))}`);
  }
  const text = file.text;
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return singleEdit(file.uri, { start: text.length, end: text.length }, `${prefix}${eol}features:${eol}${body('  ')}`);
}

/** A glossary term as a YAML key: plain when it has the shape of an ID, else double-quoted. */
function yamlKey(term: string): string {
  return idPattern.test(term) ? term : JSON.stringify(term);
}

/** Adds a term to the file's `acronyms:` map (creating it), with a placeholder to type the meaning. */
function addAcronym(file: PlanFile, term: string): WorkspaceEdit {
  const eol = lineEnding(file.text);
  const last = file.acronyms[file.acronyms.length - 1];
  const key = yamlKey(term);
  if (last) {
    const end = wholeLine(file.text, last.keySpan.start).end;
    const atEnd = end === file.text.length && !file.text.endsWith('\n');
    return singleEdit(file.uri, { start: end, end }, `${atEnd ? eol : ''}${indentAt(file.text, last.keySpan.start)}${key}: TODO define ${term}${eol}`);
  }
  const text = file.text;
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return singleEdit(file.uri, { start: text.length, end: text.length }, `${prefix}${eol}acronyms:${eol}  ${key}: TODO define ${term}${eol}`);
}

function silence(file: { uri: string; text: string }, problem: ReportedProblem): PlanCodeAction {
  const line = wholeLine(file.text, problem.start);
  const indent = indentAt(file.text, line.start + /^[ \t]*/.exec(file.text.slice(line.start, line.end))![0].length);
  return {
    title: `Silence ${problem.code} on this line`,
    kind: 'quickfix',
    problem,
    edits: singleEdit(file.uri, { start: line.start, end: line.start }, `${indent}${disableComment(problem.code)}${lineEnding(file.text)}`),
  };
}

/** Files outside the plans that a fix may add to: the configured glossary file and skip list. */
export interface FixTargets {
  glossaryFile?: { uri: string; name: string; text: string };
  skipFile?: { uri: string; name: string; text: string };
}

/** Adds `term` to a glossary file in its format; the placeholder definition's span after the edit is where the cursor goes. */
function addToGlossary(name: string, text: string, term: string): { edit: TextEdit; definitionSpan: Span } {
  const definition = `TODO define ${term}`;
  if (/\.csv$/i.test(name)) return csvTermAddition(text, term, definition);
  const edit = appendLine(text, `${/\.ya?ml$/i.test(name) ? `${yamlKey(term)}: ` : `${term}:`}${definition}`);
  const start = edit.start + edit.text.length - lineEnding(text).length - definition.length;
  return { edit, definitionSpan: { start, end: start + definition.length } };
}

/** The quick fixes for the problems of `file` that touch `range`. */
export function getCodeActions(workspace: Workspace, file: PlanFile, range: Span, targets: FixTargets = {}): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  for (const problem of workspace.problems(file.uri)) {
    if (problem.end < range.start || problem.start > range.end) continue;
    actions.push(...fixesFor(workspace, file, problem));
    actions.push(...glossaryFixes(problem, targets));
    actions.push(silence(file, problem));
  }
  return withoutRepeats(actions);
}

/** The quick fixes in an overrides file: an unknown acronym of its prose replaced, or added to a glossary or the skip list. */
export function getOverridesCodeActions(workspace: Workspace, file: OverridesFile, range: Span, targets: FixTargets = {}): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  for (const problem of workspace.problems(file.uri)) {
    if (problem.end < range.start || problem.start > range.end) continue;
    if (problem.code === 'unknown-acronym' && problem.data?.kind === 'acronym' && problem.data.suggestion) {
      actions.push({ title: `Replace with ${problem.data.suggestion}`, kind: 'quickfix', isPreferred: true, problem, edits: singleEdit(file.uri, problem, problem.data.suggestion) });
    }
    actions.push(...glossaryFixes(problem, targets));
    actions.push(silence(file, problem));
  }
  return withoutRepeats(actions);
}

/** For an unknown acronym: add it to the configured glossary file, or to the skip list. */
function glossaryFixes(problem: ReportedProblem, targets: FixTargets): PlanCodeAction[] {
  if (problem.code !== 'unknown-acronym' || problem.data?.kind !== 'acronym') return [];
  const term = problem.data.term;
  const { glossaryFile, skipFile } = targets;
  const actions: PlanCodeAction[] = [];
  if (glossaryFile) {
    const { edit, definitionSpan } = addToGlossary(glossaryFile.name, glossaryFile.text, term);
    actions.push({ title: `Add ${term} to ${glossaryFile.name}`, kind: 'quickfix', problem, edits: new Map([[glossaryFile.uri, [edit]]]), select: { uri: glossaryFile.uri, span: definitionSpan } });
  }
  if (skipFile) actions.push({ title: `Add ${term} to the skip list ${skipFile.name}`, kind: 'quickfix', problem, edits: new Map([[skipFile.uri, [appendLine(skipFile.text, term)]]]) });
  return actions;
}

/**
 * Two problems on one place can offer the same fix (a feature both due and completed after its
 * milestone: "Remove F from M" for each); the lightbulb lists it once.
 */
function withoutRepeats(actions: PlanCodeAction[]): PlanCodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = JSON.stringify([action.title, [...action.edits]]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fixesFor(workspace: Workspace, file: PlanFile, problem: ReportedProblem): PlanCodeAction[] {
  const { index } = workspace.analyze();
  const data = problem.data;
  const action = (title: string, edits: WorkspaceEdit, isPreferred = false): PlanCodeAction => ({ title, kind: 'quickfix', isPreferred, problem, edits });
  const fileOf = (item: PlanItem) => workspace.getFile(item.uri)!;
  /** For two items whose dates are out of order: move either's date to the other's, each the date the check compared (its forecast where it has one). */
  const moveEitherDate = (first: PlanItem, second: PlanItem): PlanCodeAction[] => {
    const firstDate = expectedDate(first);
    const secondDate = expectedDate(second);
    if (!firstDate || !secondDate) return [];
    const words = (field: string) => (field === 'due' ? 'due date' : field);
    return [
      action(`Move ${first.id}'s ${words(firstDate.field)} to ${secondDate.date}`, new Map([[first.uri, [setDate(fileOf(first), first, firstDate.field, secondDate.date)]]])),
      action(`Move ${second.id}'s ${words(secondDate.field)} to ${firstDate.date}`, new Map([[second.uri, [setDate(fileOf(second), second, secondDate.field, firstDate.date)]]])),
    ];
  };
  switch (problem.code) {
    case 'feature-due-after-milestone':
    case 'feature-open-in-completed-milestone':
    case 'feature-completed-after-milestone': {
      if (data?.kind !== 'pair') return [];
      const milestone = file.milestones.find((item) => item.id === data.milestone && item.idSpan.start <= problem.start && problem.start <= item.entrySpan.end) ?? index.milestones.get(data.milestone);
      const feature = index.features.get(data.feature);
      if (!milestone || !feature) return [];
      const actions: PlanCodeAction[] = [];
      if (problem.code === 'feature-due-after-milestone') actions.push(...moveEitherDate(milestone, feature));
      if (problem.code === 'feature-open-in-completed-milestone' && isCompleted(milestone)) {
        if (milestone.completed) actions.push(action(`Mark ${feature.id} completed on ${milestone.completed}`, new Map([[feature.uri, [setDate(fileOf(feature), feature, 'completed', milestone.completed)]]])));
        const reopen = removeField(fileOf(milestone), milestone, 'completed');
        if (reopen) actions.push(action(`Reopen ${milestone.id}`, new Map([[milestone.uri, [reopen]]])));
      }
      if (problem.code === 'feature-completed-after-milestone' && feature.completed && milestone.completed) {
        actions.push(action(`Set ${milestone.id}'s completion to ${feature.completed}`, new Map([[milestone.uri, [setDate(fileOf(milestone), milestone, 'completed', feature.completed)]]])));
        actions.push(action(`Set ${feature.id}'s completion to ${milestone.completed}`, new Map([[feature.uri, [setDate(fileOf(feature), feature, 'completed', milestone.completed)]]])));
      }
      // Every listing of the feature, or it would still be in the milestone (and the problem with it).
      const listings = milestone.featureReferences.filter((reference) => reference.id === feature.id);
      const removals = listings.length > 0 ? listings.map((reference) => removeListItem(fileOf(milestone), reference.span)) : [removeListItem(file, problem)];
      actions.push(action(`Remove ${feature.id} from ${milestone.id}`, new Map([[listings.length > 0 ? milestone.uri : file.uri, mergedDeletions(removals)]])));
      return actions;
    }
    case 'unknown-feature': {
      if (data?.kind !== 'unknown-feature') return [];
      const matches = workspace.featureMatches(data.feature);
      const actions = matches.map((id, rank) => action(`Replace with ${id}`, new Map([[file.uri, [replaceScalar(file, problem, id)]]]), rank === 0 && id === data.suggestion));
      const milestone = index.milestones.get(data.milestone);
      if (!index.milestones.has(data.feature)) actions.push(action(`Create feature ${data.feature}`, stubFeature(workspace, file, data.feature, milestone?.due)));
      return actions;
    }
    case 'predecessor-due-after':
    case 'predecessor-open':
    case 'dependency-cycle': {
      if (data?.kind !== 'link') return [];
      const item = itemAt(file, problem.start);
      const predecessor = index.item(data.predecessor);
      if (!item || !predecessor) return [];
      const actions: PlanCodeAction[] = [];
      if (problem.code === 'predecessor-due-after') actions.push(...moveEitherDate(item, predecessor));
      if (problem.code === 'predecessor-open' && item.completed) {
        actions.push(action(`Mark ${predecessor.id} completed on ${item.completed}`, new Map([[predecessor.uri, [setDate(fileOf(predecessor), predecessor, 'completed', item.completed)]]])));
      }
      actions.push(removePredecessor(file, item, data.predecessor, action));
      return actions;
    }
    case 'unknown-predecessor': {
      if (data?.kind !== 'unknown-predecessor') return [];
      const item = itemAt(file, problem.start);
      const listed = new Set(item?.predecessorIdList ?? []);
      const matches = workspace.idMatches(data.predecessor).filter((id) => !listed.has(id) && id !== item?.id);
      const actions = matches.map((id, rank) => action(`Replace with ${id}`, new Map([[file.uri, [replaceScalar(file, problem, id)]]]), rank === 0 && id === data.suggestion));
      if (item) actions.push(removePredecessor(file, item, data.predecessor, action));
      return actions;
    }
    case 'duplicate-feature':
      return [action('Remove the repeated feature', singleEdit(file.uri, removeListItem(file, problem), ''), true)];
    case 'unknown-acronym': {
      if (data?.kind !== 'acronym') return [];
      const actions: PlanCodeAction[] = [];
      if (data.suggestion) actions.push(action(`Replace with ${data.suggestion}`, singleEdit(file.uri, problem, data.suggestion), true));
      actions.push(action(`Add ${data.term} to this plan's acronyms`, addAcronym(file, data.term)));
      return actions;
    }
    case 'invalid-date': {
      const written = file.text.slice(problem.start, problem.end).replace(/^["']|["']$/g, '');
      const normalized = normalizeDate(written);
      return normalized ? [action(`Change to ${normalized}`, new Map([[file.uri, [replaceScalar(file, problem, normalized)]]]), true)] : [];
    }
    case 'overdue': {
      if (data?.kind !== 'item') return [];
      const item = file.milestones.find((candidate) => candidate.id === data.id) ?? file.features.find((candidate) => candidate.id === data.id);
      if (!item) return [];
      const date = today();
      const mark = (title: string, on: string) => action(title, new Map([[file.uri, [setDate(file, item, 'completed', on)]]]));
      // A plan judged as of a past date would call today's date "in the future" (an error): there,
      // completion on the plan's date comes first, and today's is still offered for a plan being brought up to date.
      const asOf = workspace.asOf(file.uri);
      const actions = asOf < date ? [mark(`Mark ${item.id} completed on ${asOf} (as of)`, asOf)] : [];
      actions.push(mark(`Mark ${item.id} completed today (${date})`, date));
      return actions;
    }
    case 'schema': {
      if (data?.kind !== 'unknown-key' || !data.suggestion) return [];
      return [action(`Rename to ${data.suggestion}`, singleEdit(file.uri, problem, data.suggestion), true)];
    }
    default:
      return [];
  }
}

/** Removes every listing of a predecessor from an item's list (a repeat would keep the link). */
function removePredecessor(file: PlanFile, item: PlanItem, id: string, action: (title: string, edits: WorkspaceEdit) => PlanCodeAction): PlanCodeAction {
  const removals = item.predecessorReferences.filter((reference) => reference.id === id).map((reference) => removeListItem(file, reference.span));
  return action(`Remove ${id} from ${item.id}'s predecessors`, new Map([[file.uri, mergedDeletions(removals)]]));
}

/** Whether the milestone whose list holds the problem lists `id` already (replacing an ID by it would list it twice). */
function listedBy(file: PlanFile, problem: ReportedProblem, id: string): boolean {
  return itemAt(file, problem.start)?.featureReferences.some((reference) => reference.id === id) ?? false;
}

/** Every fix that has a single obvious answer, in one edit of the file. */
export function fixAll(workspace: Workspace, file: PlanFile): PlanCodeAction | undefined {
  const deletions: TextEdit[] = [];
  const replacements: TextEdit[] = [];
  let fixed = 0;
  for (const problem of workspace.problems(file.uri)) {
    const obvious =
      problem.code === 'invalid-date' ||
      problem.code === 'duplicate-feature' ||
      (problem.code === 'unknown-feature' && problem.data?.kind === 'unknown-feature' && problem.data.suggestion !== undefined && workspace.featureMatches(problem.data.feature, 2).length === 1 && !listedBy(file, problem, problem.data.suggestion)) ||
      (problem.code === 'unknown-predecessor' && problem.data?.kind === 'unknown-predecessor' && problem.data.suggestion !== undefined && workspace.idMatches(problem.data.predecessor, 2).length === 1) ||
      (problem.code === 'schema' && problem.data?.kind === 'unknown-key' && problem.data.suggestion !== undefined);
    if (!obvious) continue;
    const fix = fixesFor(workspace, file, problem).find((candidate) => candidate.edits.size === 1 && candidate.edits.has(file.uri) && (candidate.isPreferred || (problem.code !== 'unknown-feature' && problem.code !== 'unknown-predecessor')));
    const edit = fix?.edits.get(file.uri)?.[0];
    if (!edit) continue;
    // Deletions may overlap each other (neighbours in a flow list share a comma) and are merged; any other overlap is left for the next run.
    const overlaps = (others: TextEdit[]) => others.some((other) => other.start < edit.end && edit.start < other.end);
    if (overlaps(replacements) || (edit.text !== '' && overlaps(deletions))) continue;
    (edit.text === '' ? deletions : replacements).push(edit);
    fixed++;
  }
  if (fixed === 0) return undefined;
  const edits = [...mergedDeletions(deletions), ...replacements].sort((a, b) => a.start - b.start);
  return { title: `Fix all obvious problems (${fixed})`, kind: 'source.fixAll.milestones', edits: new Map([[file.uri, edits]]) };
}
