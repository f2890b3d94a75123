// The model of one plan file: its milestones, features and acronyms with the spans of their IDs,
// fields and references, built per segment and cached with it. Spans are absolute offsets in the
// file, computed from the segment's current base.
import { dateProblem } from './dates';
import type { Problem } from './problems';
import { dateKeys, checkSchema } from './schemaCheck';
import type { Segment } from './segments';
import { scalarText, type Span, type YMap, type YNode, type YPair, type YScalar } from './yamlTree';

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
  /** The list item, for edits that remove it. */
  node: YNode;
}

function shift(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base };
}

/** A milestone or a feature. */
export class PlanItem {
  /** The entry's keys and values, by key (the first of a key written twice). Spans relative to the segment. */
  readonly fields = new Map<string, YPair>();
  readonly references: { id: string; span: Span; node: YNode }[] = [];
  readonly name: string | undefined;
  /** The due and completion dates when they are real dates; invalid ones are left out. */
  readonly due: string | undefined;
  readonly completed: string | undefined;
  readonly level: number | undefined;

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    readonly uri: string,
    readonly segment: Segment,
    private readonly pair: YPair,
  ) {
    const value = pair.value;
    if (value?.kind === 'map') {
      for (const field of value.pairs) {
        const key = scalarText(field.key);
        if (key === undefined || this.fields.has(key)) continue;
        this.fields.set(key, field);
      }
    }
    const text = (key: string) => {
      const node = this.fields.get(key)?.value;
      return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
    };
    this.name = text('name');
    this.due = validDate(this.fields.get('due')?.value);
    this.completed = validDate(this.fields.get('completed')?.value);
    const level = this.fields.get('level')?.value;
    this.level = level?.kind === 'scalar' && typeof level.value === 'number' ? level.value : undefined;
    const list = this.fields.get('features')?.value;
    if (kind === 'milestone' && list?.kind === 'seq') {
      for (const item of list.items) {
        const id = scalarText(item);
        // The node is its own span: no object more per reference.
        if (id !== undefined && id !== '') this.references.push({ id, span: item, node: item });
      }
    }
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
    return shift(this.pair.key, this.base);
  }
  /** From the ID to the end of the entry's value. */
  get entrySpan(): Span {
    return { start: this.pair.key.start + this.base, end: Math.max(this.pair.end, this.pair.key.end) + this.base };
  }
  field(key: string): Field | undefined {
    const pair = this.fields.get(key);
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
    return this.references.map((reference) => ({ id: reference.id, span: shift(reference.span, base), node: reference.node }));
  }
  /** The value node of the entry (a map, normally). */
  get valueNode(): YNode | null {
    return this.pair.value;
  }
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
  /** Name and description scalars, for acronym checks. */
  freeText: YScalar[];
}

export function segmentModel(segment: Segment, uri: string): SegmentModel {
  const cached = segment.model as (SegmentModel & { uri: string }) | undefined;
  if (cached && cached.uri === uri) return cached;
  const model = { ...buildSegmentModel(segment, uri), uri };
  segment.model = model;
  return model;
}

const none: never[] = [];
const noFields = new Map<string, TopField>();

/** Empty lists and maps are shared: most segments have no problems, no acronyms, no top-level fields. */
function compact(model: SegmentModel): SegmentModel {
  return {
    milestones: model.milestones.length > 0 ? model.milestones : none,
    features: model.features.length > 0 ? model.features : none,
    acronyms: model.acronyms.length > 0 ? model.acronyms : none,
    top: model.top.size > 0 ? model.top : noFields,
    problems: model.problems.length > 0 ? model.problems : none,
    freeText: model.freeText.length > 0 ? model.freeText : none,
  };
}

function buildSegmentModel(segment: Segment, uri: string): SegmentModel {
  return compact(collectSegmentModel(segment, uri));
}

function collectSegmentModel(segment: Segment, uri: string): SegmentModel {
  const model: SegmentModel = { milestones: [], features: [], acronyms: [], top: new Map(), problems: [], freeText: [] };
  const { root, errors } = segment.parsed;
  for (const error of errors) model.problems.push({ code: 'yaml-syntax', message: error.message, start: error.start, end: error.end });
  const extra = segment.parsed.extraDocument;
  if (extra) {
    model.problems.push({ code: 'schema', message: 'A plan is one YAML document: this second document, and any after it, is not read. Move its content into the first document or into a plan file of its own.', start: extra.start, end: extra.end });
  }
  if (!root) return model;
  if (segment.split && root.kind !== 'map') {
    // What a whole parse reports here: a line at a map's indentation must be a key.
    model.problems.push({ code: 'yaml-syntax', message: 'Implicit map keys need to be followed by map values: add ":" after the key, or indent the line to continue the value above.', start: root.start, end: root.end });
  }
  const section = segment.section;
  if (section !== undefined) {
    if (root.kind === 'map') addSection(model, section, root, segment, uri);
  } else if (root.kind === 'map') {
    for (const pair of root.pairs) {
      const key = scalarText(pair.key);
      if (key === undefined) continue;
      if (key === 'milestones' || key === 'features' || key === 'acronyms') {
        if (pair.value?.kind === 'map') addSection(model, key, pair.value, segment, uri);
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
  for (const item of [...model.milestones, ...model.features]) {
    const label = `${item.kind} ${item.id}`;
    const due = item.fields.get('due');
    if (due) model.problems.push(...checkDate(due.value, 'due', label, due.key, true));
    const completed = item.fields.get('completed');
    if (completed) model.problems.push(...checkDate(completed.value, 'completed', label, completed.key, false));
    for (const key of ['name', 'description']) {
      const node = item.fields.get(key)?.value;
      if (node?.kind === 'scalar' && typeof node.value === 'string') model.freeText.push(node);
    }
  }
  return model;
}

function addSection(model: SegmentModel, section: string, map: YMap, segment: Segment, uri: string): void {
  for (const pair of map.pairs) {
    const id = scalarText(pair.key);
    if (id === undefined || id === '') continue;
    if (section === 'milestones') model.milestones.push(new PlanItem('milestone', id, uri, segment, pair));
    else if (section === 'features') model.features.push(new PlanItem('feature', id, uri, segment, pair));
    else if (section === 'acronyms' && pair.value?.kind === 'scalar' && typeof pair.value.value === 'string') {
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
