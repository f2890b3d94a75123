// The model of one plan file: its milestones, features and acronyms with the spans of their IDs,
// fields and references, built per segment and cached with it. Spans are absolute offsets in the
// file, computed from the segment's current base.
import { dateProblem } from './dates';
import type { Problem } from './problems';
import { dateKeys, checkSchema } from './schemaCheck';
import type { Segment } from './segments';
import { findPair, scalarText, type Span, type YMap, type YNode, type YPair } from './yamlTree';

export type ItemKind = 'milestone' | 'feature';

export interface Field {
  key: string;
  keySpan: Span;
  value: YNode | null;
  /** The value's span; an empty span right after the key's colon when the value is missing. */
  valueSpan: Span;
}

export interface FeatureReference {
  id: string;
  span: Span;
}

/** Shared by the many items and segments that have no references, problems or acronyms. */
const none: never[] = [];

/**
 * A milestone or a feature. What checks, views and the index read of it is kept here; the rest
 * (fields, value nodes) is read from its segment's tree, which the segment may build anew.
 */
export class PlanItem {
  /** The IDs of the features a milestone lists, and the start and end of each in the list, relative to the segment. */
  private readonly referenceIds: readonly string[];
  private readonly referenceOffsets: readonly number[];
  readonly name: string | undefined;
  /** The due and completion dates when they are real dates; invalid ones are left out. */
  readonly due: string | undefined;
  readonly completed: string | undefined;
  /** Whether `completed` has a value, valid or not (not `null`, not empty). */
  readonly completedWritten: boolean;
  readonly level: number | undefined;
  /** What the checks that look beyond the entry found, relative to the segment's base then (see workspace.ts). */
  checkedProblems: Problem[] | undefined;
  checkedBase = 0;
  // The ID's span and the entry's end, relative to the segment.
  private readonly keyStart: number;
  private readonly keyEnd: number;
  private readonly entryEnd: number;

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    readonly uri: string,
    readonly segment: Segment,
    pair: YPair,
    /** Where the pair is in the segment's tree: the section's index in the root map (-1 when the root is the section's map), and the pair's in the section's map. */
    private readonly sectionIndex: number,
    private readonly entryIndex: number,
  ) {
    this.keyStart = pair.key.start;
    this.keyEnd = pair.key.end;
    this.entryEnd = Math.max(pair.end, pair.key.end);
    const map = pair.value?.kind === 'map' ? pair.value : undefined;
    const value = (key: string) => (map ? findValue(map, key) : undefined);
    const name = value('name');
    this.name = name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined;
    this.due = validDate(value('due'));
    const completed = value('completed');
    this.completed = validDate(completed);
    this.completedWritten = completed?.kind === 'scalar' && completed.value !== null && completed.value !== '';
    const level = value('level');
    this.level = level?.kind === 'scalar' && typeof level.value === 'number' ? level.value : undefined;
    const list = value('features');
    this.referenceIds = none;
    this.referenceOffsets = none;
    if (kind === 'milestone' && list?.kind === 'seq') {
      const ids: string[] = [];
      const offsets: number[] = [];
      for (const item of list.items) {
        const id = scalarText(item);
        if (id === undefined || id === '') continue;
        ids.push(id);
        offsets.push(item.start, item.end);
      }
      // Copies of exactly the length: lists grown by push keep room for more.
      if (ids.length > 0) {
        this.referenceIds = ids.slice();
        this.referenceOffsets = offsets.slice();
      }
    }
  }

  /** The features a milestone lists, in order, with spans relative to the segment. */
  get references(): FeatureReference[] {
    return this.referenceIds.map((id, index) => ({ id, span: { start: this.referenceOffsets[2 * index]!, end: this.referenceOffsets[2 * index + 1]! } }));
  }

  /** The entry's key and value in the segment's tree. */
  private get pair(): YPair {
    const root = this.segment.parsed.root as YMap;
    const map = this.sectionIndex < 0 ? root : (root.pairs[this.sectionIndex]!.value as YMap);
    return map.pairs[this.entryIndex]!;
  }

  /** The entry's pair for a key (the first, when the key is written twice). Spans relative to the segment. */
  pairOf(key: string): YPair | undefined {
    const value = this.pair.value;
    if (value?.kind !== 'map') return undefined;
    for (const field of value.pairs) if (scalarText(field.key) === key) return field;
    return undefined;
  }

  /** The entry's keys, each once, in the order written. */
  fieldKeys(): string[] {
    const value = this.pair.value;
    if (value?.kind !== 'map') return [];
    const keys = new Set<string>();
    for (const field of value.pairs) {
      const key = scalarText(field.key);
      if (key !== undefined) keys.add(key);
    }
    return [...keys];
  }

  get base(): number {
    return this.segment.base;
  }
  /** A span relative to this item's segment, as an absolute one. */
  absolute(span: Span): Span {
    return { start: span.start + this.segment.base, end: span.end + this.segment.base };
  }
  /** The span of the ID where it is defined (the key). */
  get idSpan(): Span {
    return { start: this.keyStart + this.base, end: this.keyEnd + this.base };
  }
  /** From the ID to the end of the entry's value. */
  get entrySpan(): Span {
    return { start: this.keyStart + this.base, end: this.entryEnd + this.base };
  }
  field(key: string): Field | undefined {
    const pair = this.pairOf(key);
    if (!pair) return undefined;
    const base = this.base;
    const keyEnd = pair.key.end + base;
    return {
      key,
      keySpan: { start: pair.key.start + base, end: keyEnd },
      value: pair.value,
      valueSpan: pair.value ? { start: pair.value.start + base, end: pair.value.end + base } : { start: keyEnd + 1, end: keyEnd + 1 },
    };
  }
  /** The features this milestone lists, in order, with the spans of the list items. */
  get featureReferences(): FeatureReference[] {
    const base = this.base;
    return this.referenceIds.map((id, index) => ({ id, span: { start: this.referenceOffsets[2 * index]! + base, end: this.referenceOffsets[2 * index + 1]! + base } }));
  }
  /** The value node of the entry (a map, normally). */
  get valueNode(): YNode | null {
    return this.pair.value;
  }
}

/** The value of the first pair with a key. */
function findValue(map: YMap, key: string): YNode | null | undefined {
  for (const pair of map.pairs) if (scalarText(pair.key) === key) return pair.value;
  return undefined;
}

function validDate(node: YNode | null | undefined): string | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  return dateProblem(node.value) === undefined ? node.value : undefined;
}

export interface AcronymDefinition {
  term: string;
  definition: string;
  keySpan: Span;
}

export interface TopField {
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
  node: YNode | null;
}

/** What one segment contributes to its file's model. Spans relative to the segment. */
export interface SegmentModel {
  milestones: PlanItem[];
  features: PlanItem[];
  acronyms: AcronymDefinition[];
  top: Map<string, TopField>;
  /** Problems that depend on this segment alone: syntax, schema, dates. */
  problems: Problem[];
  /** Where names and descriptions are, for acronym checks: start and end of each, one after the other. */
  freeText: number[];
}

export function segmentModel(segment: Segment, uri: string): SegmentModel {
  const cached = segment.model as (SegmentModel & { uri: string }) | undefined;
  if (cached && cached.uri === uri) return cached;
  const model = compact(collectSegmentModel(segment, uri), uri);
  segment.model = model;
  return model;
}

const noFields = new Map<string, TopField>();

/** A list as a copy of exactly its length (lists grown by push keep room for more), or the shared empty list. */
function exact<T>(list: T[]): T[] {
  return list.length > 0 ? list.slice() : none;
}

/**
 * The model as kept: empty lists and maps shared (most segments have no problems, no acronyms, no
 * top-level fields), in one object literal, so that every model has the same hidden class in V8
 * (a copy by spread gave each its own, a few hundred bytes apiece).
 */
function compact(model: SegmentModel, uri: string): SegmentModel & { uri: string } {
  return {
    milestones: exact(model.milestones),
    features: exact(model.features),
    acronyms: exact(model.acronyms),
    top: model.top.size > 0 ? model.top : noFields,
    problems: exact(model.problems),
    freeText: exact(model.freeText),
    uri,
  };
}

function collectSegmentModel(segment: Segment, uri: string): SegmentModel {
  const model: SegmentModel = { milestones: [], features: [], acronyms: [], top: new Map(), problems: [], freeText: [] };
  const parsed = segment.parsed;
  const { root, errors } = parsed;
  for (const error of errors) model.problems.push({ code: 'yaml-syntax', message: error.message, start: error.start, end: error.end });
  const extra = parsed.extraDocument;
  if (extra) {
    model.problems.push({ code: 'schema', message: 'A plan is one YAML document: this second document, and any after it, is not read. Move its content into the first document or into a plan file of its own.', start: extra.start, end: extra.end });
  }
  if (!root) return model;
  if (segment.split && root.kind !== 'map') {
    // What a whole parse reports here: a line at a map's indentation must be a key.
    model.problems.push({ code: 'yaml-syntax', message: 'Implicit map keys need to be followed by map values: add ":" after the key, or indent the line to continue the value above.', start: root.start, end: root.end });
  }
  const section = segment.section;
  const entries: { item: PlanItem; pair: YPair }[] = [];
  if (section !== undefined) {
    if (root.kind === 'map') addSection(model, entries, section, root, -1, segment, uri);
  } else if (root.kind === 'map') {
    for (const [index, pair] of root.pairs.entries()) {
      const key = scalarText(pair.key);
      if (key === undefined) continue;
      if (key === 'milestones' || key === 'features' || key === 'acronyms') {
        if (pair.value?.kind === 'map') addSection(model, entries, key, pair.value, index, segment, uri);
      } else if (!model.top.has(key)) {
        model.top.set(key, {
          value: pair.value?.kind === 'scalar' ? pair.value.value : undefined,
          keySpan: { start: pair.key.start, end: pair.key.end },
          valueSpan: pair.value ? { start: pair.value.start, end: pair.value.end } : { start: pair.key.end + 1, end: pair.key.end + 1 },
          node: pair.value,
        });
      }
    }
  }
  model.problems.push(...checkSchema(root, section));
  const asOf = model.top.get('asOf');
  if (asOf) model.problems.push(...checkDate(asOf.node, 'asOf', 'the plan', asOf.keySpan, true));
  for (const { item, pair } of entries) {
    if (pair.value?.kind !== 'map') continue;
    const label = `${item.kind} ${item.id}`;
    const due = findPair(pair.value, 'due');
    if (due) model.problems.push(...checkDate(due.value, 'due', label, due.key, true));
    const completed = findPair(pair.value, 'completed');
    if (completed) model.problems.push(...checkDate(completed.value, 'completed', label, completed.key, false));
    for (const key of ['name', 'description']) {
      const node = findPair(pair.value, key)?.value;
      if (node?.kind === 'scalar' && typeof node.value === 'string') model.freeText.push(node.start, node.end);
    }
  }
  return model;
}

/** Adds the items of a section's map, at `sectionIndex` in the root map (-1 when the map is the root). */
function addSection(model: SegmentModel, entries: { item: PlanItem; pair: YPair }[], section: string, map: YMap, sectionIndex: number, segment: Segment, uri: string): void {
  for (const [index, pair] of map.pairs.entries()) {
    const id = scalarText(pair.key);
    if (id === undefined || id === '') continue;
    if (section === 'milestones' || section === 'features') {
      const item = new PlanItem(section === 'milestones' ? 'milestone' : 'feature', id, uri, segment, pair, sectionIndex, index);
      (section === 'milestones' ? model.milestones : model.features).push(item);
      entries.push({ item, pair });
    } else if (section === 'acronyms' && pair.value?.kind === 'scalar' && typeof pair.value.value === 'string') {
      model.acronyms.push({ term: id, definition: pair.value.value, keySpan: { start: pair.key.start, end: pair.key.end } });
    }
  }
}

/** `invalid-date` for a malformed date; `schema` for a missing value or a list or map. */
function checkDate(node: YNode | null, key: string, owner: string, keySpan: Span, required: boolean): Problem[] {
  if (!dateKeys.has(key)) return [];
  if (!node || (node.kind === 'scalar' && (node.value === null || node.value === ''))) {
    if (!required) return [];
    const span = node && node.end > node.start ? node : keySpan;
    return [{ code: 'schema', message: `"${key}" of ${owner} must be a date (YYYY-MM-DD).`, start: span.start, end: span.end }];
  }
  if (node.kind !== 'scalar') {
    return [{ code: 'schema', message: `"${key}" of ${owner} must be a date (YYYY-MM-DD), not a ${node.kind === 'seq' ? 'list' : 'map'}.`, start: node.start, end: node.end }];
  }
  const problem = dateProblem(typeof node.value === 'string' ? node.value : (node.source || String(node.value)));
  return problem ? [{ code: 'invalid-date', message: problem, start: node.start, end: node.end }] : [];
}
