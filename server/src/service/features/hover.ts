// Hover: an acronym's meanings, an ID's name, dates, state, float, parents, predecessors, successors
// and driving path, a key's schema description.
import { findAcronyms, type GlossaryEntry, type Meaning } from '../glossary/glossary';
import type { PlanDocument } from '../model/document';
import { drivingPath, drivingPredecessor } from '../model/drivingPath';
import type { EffectiveItem } from '../model/effectivePlan';
import { completionText, forecastText, isCompleted, progressText } from '../model/itemState';
import { locate } from '../model/locate';
import { overridesFileName, type OverrideEntry, type OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import { keyDescription } from '../model/schema';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** The hover at `offset` of a plan or an overrides file. */
export function doHover(workspace: Workspace, document: PlanDocument, offset: number): HoverResult | undefined {
  return document.kind === 'plan' ? planHover(workspace, document.file, offset) : overridesHover(workspace, document.file, offset);
}

function planHover(workspace: Workspace, file: PlanFile, offset: number): HoverResult | undefined {
  const located = locate(file, offset);
  if (!located) return undefined;
  const { plan } = workspace.analyze();
  const describeId = (id: string, span: Span, wanted: 'feature' | 'any') => {
    const item = wanted === 'feature' ? (plan.feature(id) ?? plan.milestone(id)) : plan.item(id);
    return { markdown: item ? describeItem(workspace, item) : `**${id}** is not defined in any plan.`, span };
  };
  switch (located.kind) {
    case 'definition':
      return { markdown: describeItem(workspace, plan.of(located.item)), span: located.span };
    case 'reference':
      return describeId(located.reference.id, located.span, 'feature');
    case 'predecessor':
      return describeId(located.reference.id, located.span, 'any');
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
function overridesHover(workspace: Workspace, file: OverridesFile, offset: number): HoverResult | undefined {
  for (let index = 0; index < file.freeText.length; index += 2) {
    const span = { start: file.freeText[index]!, end: file.freeText[index + 1]! };
    if (span.start <= offset && offset <= span.end) return acronymHover(workspace, file.text, span, offset);
  }
  const entry = file.entries.find((candidate) => candidate.keySpan.start <= offset && offset <= candidate.keySpan.end);
  if (!entry) return undefined;
  const item = workspace.analyze().plan.item(entry.code);
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
 * An item as the effective plan has it — each value overridden named with its source and what the
 * plan says — then what the overrides files say of its code; without `listOverrides` (in the
 * overrides file itself, which lists them), not those.
 */
function describeItem(workspace: Workspace, item: EffectiveItem, listOverrides = true): string {
  const { plan } = workspace.analyze();
  const kind = item.kind === 'milestone' ? 'Milestone' : 'Feature';
  const level = item.level !== undefined ? ` · level ${item.describe('level')}` : '';
  const name = item.name === undefined ? '_no name_' : item.isOverridden('name') ? item.describe('name') : item.name;
  const float = workspace.analyze().float.describe(item.id);
  const lines = [`**${item.id}** · ${kind}${level}`, '', name, '', `Due ${item.describe('due')}${forecastOf(item)} · ${statusText(item)}`, '', `Float: **${float.headline}** — ${float.detail}`];
  if (item.kind === 'feature') {
    const parents = plan.parents(item.id);
    if (parents.length === 0) {
      lines.push('', 'No milestone lists it.');
    } else {
      lines.push('', `Delivered by ${parents.length === 1 ? 'one milestone' : `${parents.length} milestones`}:`);
      for (const parent of parents) {
        const issues = plan.pairProblems(parent.id, item.id);
        const flag = issues.length > 0 ? ` — ⚠ ${[...new Set(issues.map((problem) => problem.code))].join(', ')}` : '';
        lines.push(`- ${parent.id}: ${parent.name ?? ''} (due ${parent.dateText('due')}${forecastOf(parent)}${isCompleted(parent) ? `, completed ${parent.dateText('completed')}` : ''})${flag}`);
      }
    }
  } else {
    const { ids, features } = plan.listedFeatures(item);
    const open = features.filter((feature) => !isCompleted(feature)).length;
    lines.push('', ids.length === 0 ? 'No features.' : `${ids.length} feature${ids.length === 1 ? '' : 's'} · ${open} open`);
  }
  lines.push(...describeLinks(workspace, item));
  if (listOverrides) {
    for (const overrides of workspace.allOverridesFiles()) {
      const entry = overrides.entries.find((candidate) => candidate.code === item.id);
      if (entry && entry.fields.size > 0) lines.push('', '---', '', `Overridden in ${overridesFileName(overrides)}:`, '', overriddenFields(overrides, entry));
    }
  }
  return lines.join('\n');
}

/** `completed 2017-11-01 — local.yaml; the plan says none`, `**overdue** (as of 2021-08-11)`, `open`. */
function statusText(item: EffectiveItem): string {
  if (item.status === 'completed' && item.isOverridden('completed')) return `completed ${item.describe('completed')}`;
  return progressText(item, item.asOf);
}

/** An item's direct predecessors (the driving one marked) and successors with their dates, and its driving path. */
function describeLinks(workspace: Workspace, item: EffectiveItem): string[] {
  const { plan } = workspace.analyze();
  const lines: string[] = [];
  const dates = (other: EffectiveItem) => `due ${other.dateText('due')}${isCompleted(other) ? `, completed ${completionText(other)}` : ''}`;
  const predecessorIds = [...new Set(item.predecessors)];
  if (predecessorIds.length > 0) {
    const driving = drivingPredecessor(plan, item);
    lines.push('', `Predecessors (${predecessorIds.length}):`);
    for (const id of predecessorIds) {
      const predecessor = plan.item(id);
      lines.push(predecessor ? `- ${id}: ${predecessor.name ?? ''} (${dates(predecessor)})${predecessor.id === driving?.id ? ' — **driving**' : ''}` : `- ${id}: _not defined_`);
    }
  }
  const successors = [...new Set(plan.successors(item.id))];
  if (successors.length > 0) {
    lines.push('', `Successors (${successors.length}):`);
    for (const successor of successors) lines.push(`- ${successor.id}: ${successor.name ?? ''} (${dates(successor)})`);
  }
  const path = drivingPath(plan, item);
  if (path.length > 2) lines.push('', `Driving path: ${path.map((step) => `${step.id} (${step.due ?? '—'})`).join(' → ')}`);
  return lines;
}

/** ` · forecast 2021-03-02 · 60 days late against baseline`, or nothing without a forecast. */
function forecastOf(item: EffectiveItem): string {
  const text = forecastText(item);
  return text ? ` · ${text}` : '';
}
