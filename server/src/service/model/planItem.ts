// A milestone or a feature of a plan file: its ID, dates, name, listed features and predecessors
// with their spans. Spans are absolute offsets in the file, computed from its segment's current base.
import type { Problem } from '../checks/problems';
import type { ItemDates } from './itemState';
import { isDate } from '../text/dates';
import type { Segment } from '../yaml/segments';
import { findPair, scalarText, type Span, type YMap, type YNode, type YPair } from '../yaml/nodes';
import type { SegmentModel } from './segmentModel';

export type ItemKind = 'milestone' | 'feature';

export interface Field {
  key: string;
  keySpan: Span;
  value: YNode | null;
  /** The value's span; an empty span right after the key's colon when the value is missing. */
  valueSpan: Span;
}

export interface IdReference {
  id: string;
  span: Span;
}

/** Shared by the many items that list no features. */
const none: never[] = [];

/**
 * A milestone or a feature. What checks, views and the index read of it is kept here; the rest
 * (fields, value nodes) is read from its segment's tree, which the segment may build anew.
 */
export class PlanItem {
  /** The IDs of the features a milestone lists, and the start and end of each in the list, relative to the segment. */
  private readonly referenceIds: readonly string[];
  private readonly referenceOffsets: readonly number[];
  /** The IDs of the item's `predecessors`, and the start and end of each in the list, relative to the segment. */
  private readonly predecessorIds: readonly string[];
  private readonly predecessorOffsets: readonly number[];
  // What the entry itself writes. Every feature reads an item's values from the effective plan
  // (effectivePlan.ts), where an overrides file may replace them; these are read only there, by
  // the history of a plan (which compares what was written) and by edits of the entry's text.
  readonly ownName: string | undefined;
  /** The due (baseline), forecast and completion dates when they are real dates; invalid ones are left out. */
  readonly ownDue: string | undefined;
  readonly ownForecast: string | undefined;
  readonly ownCompleted: string | undefined;
  /** Whether `completed` has a value, valid or not (not `null`, not empty). */
  readonly ownCompletedWritten: boolean;
  readonly ownLevel: number | undefined;
  /** What the checks that look beyond the entry found, relative to the segment's base then (see workspace.ts). */
  checkedProblems: Problem[] | undefined;
  checkedBase = 0;
  private lowered: readonly [string, string] | undefined = undefined;
  // The ID's span and the entry's end, relative to the segment.
  private readonly keyStart: number;
  private readonly keyEnd: number;
  private readonly entryEnd: number;

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    readonly uri: string,
    readonly segment: Segment<SegmentModel>,
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
    this.ownName = name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined;
    this.ownDue = validDate(value('due'));
    this.ownForecast = validDate(value('forecast'));
    const completed = value('completed');
    this.ownCompleted = validDate(completed);
    this.ownCompletedWritten = completed?.kind === 'scalar' && completed.value !== null && completed.value !== '';
    const level = value('level');
    this.ownLevel = level?.kind === 'scalar' && typeof level.value === 'number' ? level.value : undefined;
    const features = kind === 'milestone' ? idList(value('features')) : undefined;
    this.referenceIds = features?.ids ?? none;
    this.referenceOffsets = features?.offsets ?? none;
    const predecessors = idList(value('predecessors'));
    this.predecessorIds = predecessors?.ids ?? none;
    this.predecessorOffsets = predecessors?.offsets ?? none;
  }

  /** The features a milestone lists, in order, with spans relative to the segment. */
  get references(): IdReference[] {
    return this.referenceIds.map((id, index) => ({ id, span: { start: this.referenceOffsets[2 * index]!, end: this.referenceOffsets[2 * index + 1]! } }));
  }

  /** The IDs in the item's `predecessors` list, in order (repeats kept). */
  get predecessorIdList(): readonly string[] {
    return this.predecessorIds;
  }

  /** The item's predecessors, in order, with the spans of the list items. */
  get predecessorReferences(): IdReference[] {
    const base = this.base;
    return this.predecessorIds.map((id, index) => ({ id, span: { start: this.predecessorOffsets[2 * index]! + base, end: this.predecessorOffsets[2 * index + 1]! + base } }));
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
    return value?.kind === 'map' ? findPair(value, key) : undefined;
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

  /** The dates the entry writes, before any overrides file applies. */
  get ownDates(): ItemDates {
    return { due: this.ownDue, forecast: this.ownForecast, completed: this.ownCompleted, completedWritten: this.ownCompletedWritten };
  }

  /** The ID and the name in lower case, for matching what is typed in a completion or a search (made on first use). */
  get lowerCase(): readonly [id: string, name: string] {
    return (this.lowered ??= [this.id.toLowerCase(), (this.ownName ?? '').toLowerCase()]);
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
  get featureReferences(): IdReference[] {
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

/** The IDs of a block or flow list and the start and end of each, relative to the segment; undefined when there are none. */
function idList(list: YNode | null | undefined): { ids: string[]; offsets: number[] } | undefined {
  if (list?.kind !== 'seq') return undefined;
  const ids: string[] = [];
  const offsets: number[] = [];
  for (const item of list.items) {
    const id = scalarText(item);
    if (id === undefined || id === '') continue;
    ids.push(id);
    offsets.push(item.start, item.end);
  }
  // Copies of exactly the length: lists grown by push keep room for more.
  return ids.length > 0 ? { ids: ids.slice(), offsets: offsets.slice() } : undefined;
}

function validDate(node: YNode | null | undefined): string | undefined {
  return node?.kind === 'scalar' && isDate(node.value) ? node.value : undefined;
}
