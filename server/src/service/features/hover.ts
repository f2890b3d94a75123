// Hover: an acronym's meanings, an ID's name, dates, state, parents, predecessors, successors and
// driving path, a key's schema description.
import { findAcronyms, type GlossaryEntry, type Meaning } from '../glossary/glossary';
import { drivingPath, drivingPredecessor } from '../model/drivingPath';
import { completionText, forecastText, isCompleted, progressText } from '../model/itemState';
import { locate } from '../model/locate';
import type { OverrideEntry, OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { keyDescription } from '../model/schema';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface HoverResult {
  markdown: string;
  span: Span;
}

export function doHover(workspace: Workspace, file: PlanFile, offset: number): HoverResult | undefined {
  const located = locate(file, offset);
  if (!located) return undefined;
  switch (located.kind) {
    case 'definition':
      return { markdown: describeItem(workspace, located.item), span: located.span };
    case 'reference': {
      const { index } = workspace.analyze();
      const feature = index.features.get(located.reference.id);
      if (!feature) {
        const milestone = index.milestones.get(located.reference.id);
        const markdown = milestone ? describeItem(workspace, milestone) : `**${located.reference.id}** is not defined in any plan.`;
        return { markdown, span: located.span };
      }
      return { markdown: describeItem(workspace, feature), span: located.span };
    }
    case 'predecessor': {
      const predecessor = workspace.analyze().index.item(located.reference.id);
      return { markdown: predecessor ? describeItem(workspace, predecessor) : `**${located.reference.id}** is not defined in any plan.`, span: located.span };
    }
    case 'key': {
      const description = keyDescription(located.section, located.key);
      return description ? { markdown: `**${located.key}**\n\n${description}`, span: located.span } : undefined;
    }
    case 'acronym': {
      const markdown = describeTerm(workspace, located.term);
      return markdown ? { markdown, span: located.span } : undefined;
    }
    case 'value': {
      const node = located.node;
      if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
      if (!['name', 'description', 'title'].includes(located.key)) return undefined;
      return acronymHover(workspace, file.text, located.span, offset);
    }
  }
}

/** Hover in an overrides file: an acronym of a description, name or comment; a code, with the plan's item of that code too. */
export function doOverridesHover(workspace: Workspace, file: OverridesFile, offset: number): HoverResult | undefined {
  for (let index = 0; index < file.freeText.length; index += 2) {
    const span = { start: file.freeText[index]!, end: file.freeText[index + 1]! };
    if (span.start <= offset && offset <= span.end) return acronymHover(workspace, file.text, span, offset);
  }
  const entry = file.entries.find((candidate) => candidate.keySpan.start <= offset && offset <= candidate.keySpan.end);
  if (!entry) return undefined;
  const { index } = workspace.analyze();
  const item = index.milestones.get(entry.code) ?? index.features.get(entry.code);
  const here = entry.fields.size > 0 ? `Overridden here:\n\n${overriddenFields(file, entry)}` : 'Nothing overridden here.';
  return { markdown: `${item ? describeItem(workspace, item, false) : `**${entry.code}** is not defined in any plan.`}\n\n---\n\n${here}`, span: entry.keySpan };
}

/** An overrides entry's fields as a list, each value as written (folded lines joined). */
function overriddenFields(file: OverridesFile, entry: OverrideEntry): string {
  return [...entry.fields].map(([key, pair]) => `- ${key}: ${pair.value?.kind === 'scalar' ? file.text.slice(pair.value.start, pair.value.end).replace(/\s*\n\s*/g, ' ') || '""' : '…'}`).join('\n');
}

/** The meanings of the acronym at `offset` in the prose `span` of `text`. */
function acronymHover(workspace: Workspace, text: string, span: Span, offset: number): HoverResult | undefined {
  const glossary = workspace.analyze().glossary;
  const hit = findAcronyms(text.slice(span.start, span.end), glossary).find((candidate) => span.start + candidate.start <= offset && offset <= span.start + candidate.end);
  if (!hit) return undefined;
  const markdown = describeTerm(workspace, hit.term) ?? `**${hit.term}** is not in any glossary.`;
  return { markdown, span: { start: span.start + hit.start, end: span.start + hit.end } };
}

/** Every meaning of a term with its sources and tags, the one that applies first and marked ✓ when there are several. */
function describeTerm(workspace: Workspace, term: string): string | undefined {
  const meanings = workspace.analyze().glossary.distinctMeanings(term);
  if (meanings.length === 0) return undefined;
  if (meanings.length === 1) return `**${term}** — ${meanings[0]!.definition}\n\n_${originLabel(meanings[0]!)}_`;
  const lines = meanings.map((meaning, position) => `- ${meaning.definition}${position === 0 ? ' ✓' : ''} _(${originLabel(meaning)})_`);
  return `**${term}** has ${meanings.length} meanings:\n\n${lines.join('\n')}`;
}

/** Where a meaning comes from: its sources in the order they apply, and its tags. */
function originLabel(meaning: Meaning): string {
  const sources = [...new Set(meaning.entries.map(sourceLabel))].join(', ');
  return meaning.tags.length > 0 ? `${sources} · tags: ${meaning.tags.join(', ')}` : sources;
}

function sourceLabel(entry: GlossaryEntry): string {
  if (entry.source === 'built-in') return 'built-in glossary (LDM-564)';
  const name = decodeURIComponent(entry.source.slice(entry.source.lastIndexOf('/') + 1));
  return entry.source.startsWith('file:') ? `acronyms of ${name}` : name;
}

/**
 * An item with the dates the overrides files give it, then what they say of its code; or, without
 * `withOverrides` (in the overrides file itself, which lists them), as the plans say it.
 */
function describeItem(workspace: Workspace, planned: PlanItem, withOverrides = true): string {
  const { index, problems } = workspace.analyze();
  const item = withOverrides ? workspace.withOverrides(planned) : planned;
  const asOf = workspace.asOf(item.uri);
  const kind = item.kind === 'milestone' ? 'Milestone' : 'Feature';
  const lines = [`**${item.id}** · ${kind}${item.level !== undefined ? ` · level ${item.level}` : ''}`, '', item.name ?? '_no name_', '', `Due ${item.due ?? '—'}${forecastOf(item)} · ${progressText(item, asOf)}`];
  if (item.kind === 'feature') {
    const parents = index.parents(item.id);
    if (parents.length === 0) {
      lines.push('', 'No milestone lists it.');
    } else {
      lines.push('', `Delivered by ${parents.length === 1 ? 'one milestone' : `${parents.length} milestones`}:`);
      for (const parent of parents) {
        const issues = (problems.get(parent.uri)?.all ?? []).filter((problem) => problem.data?.kind === 'pair' && problem.data.milestone === parent.id && problem.data.feature === item.id);
        const flag = issues.length > 0 ? ` — ⚠ ${issues.map((problem) => problem.code).join(', ')}` : '';
        const dated = workspace.withOverrides(parent);
        lines.push(`- ${parent.id}: ${parent.name ?? ''} (due ${dated.due ?? '—'}${forecastOf(dated)}${isCompleted(dated) ? `, completed ${completionText(dated)}` : ''})${flag}`);
      }
    }
  } else {
    const { ids, features } = index.listedFeatures(item);
    const open = features.filter((feature) => !isCompleted(workspace.withOverrides(feature))).length;
    lines.push('', ids.length === 0 ? 'No features.' : `${ids.length} feature${ids.length === 1 ? '' : 's'} · ${open} open`);
  }
  lines.push(...describeLinks(workspace, item));
  if (withOverrides) {
    for (const overrides of workspace.allOverridesFiles()) {
      const entry = overrides.entries.find((candidate) => candidate.code === item.id);
      if (entry && entry.fields.size > 0) lines.push('', '---', '', `Overridden in ${decodeURIComponent(overrides.uri.slice(overrides.uri.lastIndexOf('/') + 1))}:`, '', overriddenFields(overrides, entry));
    }
  }
  return lines.join('\n');
}

/** An item's direct predecessors (the driving one marked) and successors with their dates, and its driving path. */
function describeLinks(workspace: Workspace, item: PlanItem): string[] {
  const { index } = workspace.analyze();
  const lines: string[] = [];
  const dates = (other: PlanItem) => `due ${other.due ?? '—'}${isCompleted(other) ? `, completed ${completionText(other)}` : ''}`;
  const predecessorIds = [...new Set(item.predecessorIdList)];
  if (predecessorIds.length > 0) {
    const driving = drivingPredecessor(index, item);
    lines.push('', `Predecessors (${predecessorIds.length}):`);
    for (const id of predecessorIds) {
      const predecessor = index.item(id);
      lines.push(predecessor ? `- ${id}: ${predecessor.name ?? ''} (${dates(predecessor)})${predecessor === driving ? ' — **driving**' : ''}` : `- ${id}: _not defined_`);
    }
  }
  const successors = [...new Set(index.successors(item.id))];
  if (successors.length > 0) {
    lines.push('', `Successors (${successors.length}):`);
    for (const successor of successors) lines.push(`- ${successor.id}: ${successor.name ?? ''} (${dates(successor)})`);
  }
  const path = drivingPath(index, item);
  if (path.length > 2) lines.push('', `Driving path: ${path.map((step) => `${step.id} (${step.due ?? '—'})`).join(' → ')}`);
  return lines;
}

/** ` · forecast 2021-03-02 · 60 days late against baseline`, or nothing without a forecast. */
function forecastOf(item: PlanItem): string {
  const text = forecastText(item);
  return text ? ` · ${text}` : '';
}
