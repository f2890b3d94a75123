// What is at an offset of a plan file: an ID where it is defined or listed, a key, a field's value,
// an acronym's definition. Hover, completion, navigation and code actions all start here.
import type { Location } from '../../../../common/planSnapshot';
import type { YMap, YNode, Span } from '../yaml/nodes';
import type { PlanFile } from './planFile';
import type { IdReference, PlanItem } from './planItem';
import type { TopField } from './segmentModel';

export type Located =
  | { kind: 'definition'; item: PlanItem; span: Span }
  | { kind: 'reference'; milestone: PlanItem; reference: IdReference; span: Span }
  /** An ID in an item's `predecessors` list. */
  | { kind: 'predecessor'; item: PlanItem; reference: IdReference; span: Span }
  | { kind: 'key'; key: string; item: PlanItem | undefined; section: 'plan' | 'milestone' | 'feature'; span: Span }
  | { kind: 'value'; key: string; item: PlanItem | undefined; node: YNode | null; span: Span }
  | { kind: 'acronym'; term: string; definition: string; span: Span };

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The item (milestone or feature) whose entry holds `offset`. */
export function itemAt(file: PlanFile, offset: number): PlanItem | undefined {
  const items = itemsByStart(file);
  let low = 0;
  let high = items.length - 1;
  let found: PlanItem | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = items[middle]!;
    if (item.idSpan.start <= offset) {
      if (contains(item.entrySpan, offset)) found = item;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

const sortedItems = new WeakMap<PlanFile, { version: number; items: PlanItem[] }>();

function itemsByStart(file: PlanFile): PlanItem[] {
  const cached = sortedItems.get(file);
  if (cached && cached.version === file.version) return cached.items;
  const items = [...file.milestones, ...file.features].sort((a, b) => a.idSpan.start - b.idSpan.start);
  sortedItems.set(file, { version: file.version, items });
  return items;
}

export function locate(file: PlanFile, offset: number): Located | undefined {
  const item = itemAt(file, offset);
  if (item) {
    if (contains(item.idSpan, offset)) return { kind: 'definition', item, span: item.idSpan };
    for (const reference of item.featureReferences) {
      if (contains(reference.span, offset)) return { kind: 'reference', milestone: item, reference, span: reference.span };
    }
    for (const reference of item.predecessorReferences) {
      if (contains(reference.span, offset)) return { kind: 'predecessor', item, reference, span: reference.span };
    }
    for (const key of item.fieldKeys()) {
      const field = item.field(key)!;
      if (contains(field.keySpan, offset)) return { kind: 'key', key, item, section: item.kind, span: field.keySpan };
      if (key !== 'features' && key !== 'predecessors' && contains(field.valueSpan, offset)) return { kind: 'value', key, item, node: field.value, span: field.valueSpan };
    }
    return undefined;
  }
  for (const acronym of file.acronyms) {
    if (contains(acronym.keySpan, offset)) return { kind: 'acronym', term: acronym.term, definition: acronym.definition, span: acronym.keySpan };
  }
  for (const [key, field] of file.top) {
    if (contains(field.keySpan, offset)) return { kind: 'key', key, item: undefined, section: 'plan', span: field.keySpan };
    if (isScalarField(field) && contains(field.valueSpan, offset)) return { kind: 'value', key, item: undefined, node: field.node, span: field.valueSpan };
  }
  for (const section of ['milestones', 'features', 'acronyms']) {
    const span = sectionKeySpan(file, section);
    if (span && contains(span, offset)) return { kind: 'key', key: section, item: undefined, section: 'plan', span };
  }
  return undefined;
}

function isScalarField(field: TopField): boolean {
  return field.node === null || field.node.kind === 'scalar';
}

/** The span of a top-level section's key (`milestones:`), which the model keeps apart from scalar fields. */
export function sectionKeySpan(file: PlanFile, section: string): Span | undefined {
  return sectionPair(file, section)?.keySpan;
}

/** A top-level key of a plan (`acronyms`) where it is written, and its value's node (offsets relative to `base`). */
export function sectionPair(file: PlanFile, section: string): { keySpan: Span; value: YNode | null; base: number } | undefined {
  for (const segment of file.segments) {
    if (segment.section !== undefined || segment.rootKind !== 'map') continue;
    const root = segment.parsed.root as YMap;
    for (const pair of root.pairs) {
      if (pair.key.kind === 'scalar' && pair.key.value === section) return { keySpan: { start: pair.key.start + segment.base, end: pair.key.end + segment.base }, value: pair.value, base: segment.base };
    }
  }
  return undefined;
}

/** Where an item's ID is defined, in lines and characters, for the views that reveal it. */
export function itemLocation(file: PlanFile, item: PlanItem): Location {
  const lines = file.lineIndex;
  const span = item.idSpan;
  return { uri: item.uri, range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) } };
}

/** Every place an ID occurs: its definitions and every listing of it, across the workspace. */
export interface Occurrence {
  uri: string;
  span: Span;
  kind: 'definition' | 'reference';
}
