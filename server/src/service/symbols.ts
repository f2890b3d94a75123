// Document outline, workspace symbol search, folding and selection ranges, from the model's spans.
import { itemAt } from './locate';
import type { PlanItem } from './plan';
import type { Span, YNode } from './yamlTree';
import type { PlanFile, Workspace } from './workspace';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'milestone' | 'feature' | 'reference' | 'acronym' | 'section';
  /** The whole entry. */
  span: Span;
  /** The ID or key, what the editor selects. */
  selection: Span;
  children: OutlineSymbol[];
}

function describeDates(item: PlanItem): string {
  return [item.name ?? '', item.due ? `due ${item.due}` : '', item.completed ? `completed ${item.completed}` : ''].filter(Boolean).join(' · ');
}

/** Milestones with the features they list beneath, then features, then acronyms. */
export function documentSymbols(file: PlanFile): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const section = (name: string, kind: OutlineSymbol['kind'], children: OutlineSymbol[]) => {
    if (children.length === 0) return;
    const span = { start: children[0]!.span.start, end: children[children.length - 1]!.span.end };
    symbols.push({ name, detail: `${children.length}`, kind: 'section', span, selection: children[0]!.selection, children });
  };
  section(
    'milestones',
    'section',
    file.milestones.map((milestone) => ({
      name: milestone.id,
      detail: describeDates(milestone),
      kind: 'milestone' as const,
      span: milestone.entrySpan,
      selection: milestone.idSpan,
      children: milestone.featureReferences.map((reference) => ({ name: reference.id, detail: '', kind: 'reference' as const, span: reference.span, selection: reference.span, children: [] })),
    })),
  );
  section(
    'features',
    'section',
    file.features.map((feature) => ({ name: feature.id, detail: describeDates(feature), kind: 'feature' as const, span: feature.entrySpan, selection: feature.idSpan, children: [] })),
  );
  section(
    'acronyms',
    'section',
    file.acronyms.map((acronym) => ({ name: acronym.term, detail: acronym.definition, kind: 'acronym' as const, span: acronym.keySpan, selection: acronym.keySpan, children: [] })),
  );
  return symbols;
}

export interface WorkspaceSymbol {
  name: string;
  detail: string;
  kind: 'milestone' | 'feature';
  uri: string;
  span: Span;
}

/** Whether every character of `query` appears in `text` in order, ignoring case. */
export function fuzzyMatches(query: string, text: string): boolean {
  const lower = text.toLowerCase();
  let at = 0;
  for (const character of query.toLowerCase()) {
    at = lower.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Milestones and features of every file whose ID or name matches the query, IDs that contain it first. */
export function workspaceSymbols(workspace: Workspace, query: string, limit = 500): WorkspaceSymbol[] {
  const found: { symbol: WorkspaceSymbol; rank: number }[] = [];
  const needle = query.trim().toLowerCase();
  for (const file of workspace.allFiles()) {
    for (const item of [...file.milestones, ...file.features]) {
      const label = `${item.id} ${item.name ?? ''}`;
      if (needle !== '' && !fuzzyMatches(needle, label)) continue;
      const rank = item.id.toLowerCase().includes(needle) ? 0 : label.toLowerCase().includes(needle) ? 1 : 2;
      found.push({ symbol: { name: item.id, detail: item.name ?? '', kind: item.kind, uri: item.uri, span: item.idSpan }, rank });
    }
  }
  found.sort((a, b) => a.rank - b.rank || (a.symbol.name < b.symbol.name ? -1 : a.symbol.name > b.symbol.name ? 1 : 0));
  return found.slice(0, limit).map((entry) => entry.symbol);
}

/** Folding ranges as spans: each section, each entry, each block value that spans lines. */
export function foldingSpans(file: PlanFile): Span[] {
  const spans: Span[] = [];
  let section: { name: string; start: number; end: number } | undefined;
  const closeSection = () => {
    if (section && section.end > section.start) spans.push({ start: section.start, end: section.end });
    section = undefined;
  };
  for (const segment of file.segments) {
    const root = segment.parsed.root;
    if (segment.section === undefined) {
      closeSection();
      // A section split into entries: its header segment is `key:` with no value.
      const header = root?.kind === 'map' && root.pairs.length === 1 && root.pairs[0]!.value?.kind === 'scalar' && root.pairs[0]!.value.value === null ? root.pairs[0]! : undefined;
      if (header) section = { name: String((header.key as { value?: unknown }).value), start: header.key.start + segment.base, end: header.key.end + segment.base };
    } else if (section && segment.section === section.name && root) {
      section.end = root.end + segment.base;
    }
    if (root) collectFolds(root, segment.base, spans);
  }
  closeSection();
  return spans;
}

function collectFolds(node: YNode, base: number, spans: Span[]): void {
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      if (pair.value && pair.value.kind !== 'scalar') {
        spans.push({ start: pair.key.start + base, end: pair.value.end + base });
        collectFolds(pair.value, base, spans);
      } else if (pair.value?.kind === 'scalar' && pair.value.style === 'block') {
        spans.push({ start: pair.key.start + base, end: pair.value.end + base });
      }
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) collectFolds(item, base, spans);
  }
}

/** Ever wider spans around an offset: the scalar, its key-value pair, the entry, the section. */
export function selectionSpans(file: PlanFile, offset: number): Span[] {
  const spans: Span[] = [];
  const add = (span: Span | undefined) => {
    if (!span) return;
    const last = spans[spans.length - 1];
    if (!last || (span.start <= last.start && span.end >= last.end && (span.start < last.start || span.end > last.end))) spans.push(span);
  };
  const item = itemAt(file, offset);
  if (item) {
    for (const reference of item.featureReferences) if (reference.span.start <= offset && offset <= reference.span.end) add(reference.span);
    for (const key of item.fieldKeys()) {
      const field = item.field(key)!;
      if (field.keySpan.start <= offset && offset <= field.keySpan.end) add(field.keySpan);
      else if (field.valueSpan.start <= offset && offset <= field.valueSpan.end) add(field.valueSpan);
      if (field.keySpan.start <= offset && offset <= field.valueSpan.end) add({ start: field.keySpan.start, end: field.valueSpan.end });
    }
    if (item.idSpan.start <= offset && offset <= item.idSpan.end) add(item.idSpan);
    add(item.entrySpan);
    const siblings = item.kind === 'milestone' ? file.milestones : file.features;
    if (siblings.length > 0) add({ start: siblings[0]!.entrySpan.start, end: siblings[siblings.length - 1]!.entrySpan.end });
  }
  add({ start: 0, end: file.text.length });
  return spans;
}
