// One plan file as last given to the workspace: its text (held here only, in a TextStore that an
// edit changes where it lands), its segments and what they contribute — milestones, features,
// acronyms, top-level fields — and its lines.
import { isDate } from '../text/dates';
import type { TextEdit } from '../text/edits';
import type { TextLines } from '../text/lineIndex';
import { TextStore, type TextChange } from '../text/textStore';
import { SegmentParser } from '../yaml/segments';
import { shifted } from '../yaml/nodes';
import type { PlanItem } from './planItem';
import type { AcronymDefinition, PlanSegment, SegmentModel, TopField } from './segmentModel';

/** The items a change of a file removed and added. */
export interface ItemChanges {
  removed: PlanItem[];
  added: PlanItem[];
}

/**
 * What changed in a file since its problems were last assembled (workspace.ts): the segments to
 * assemble again and those gone, every other one the same and on the same line; or everything.
 */
export interface SegmentChanges {
  everything: boolean;
  touched: Set<PlanSegment>;
  removed: Set<PlanSegment>;
}

export class PlanFile {
  private readonly parser: SegmentParser<SegmentModel>;
  private readonly store = new TextStore();
  /** Counts the texts the file has had: what is derived from one text can be kept until it changes. */
  version = 0;
  /** How many segments hold a `milestones-disable-next-line` comment: without any, a segment's problems do not depend on the one before it. */
  directives = 0;
  private segmentChanges: SegmentChanges = { everything: true, touched: new Set(), removed: new Set() };
  segments: PlanSegment[] = [];
  /** True when the file could not be split into segments and was parsed whole. */
  whole = false;
  tooLarge = false;
  private items: { milestones: PlanItem[]; features: PlanItem[] } | undefined;
  private fields: { acronyms: AcronymDefinition[]; top: Map<string, TopField> } | undefined;
  private fieldSegments: PlanSegment[] | undefined;

  constructor(
    readonly uri: string,
    /** Builds the model of a segment parsed anew (see workspace.ts). */
    derive: (segment: PlanSegment) => SegmentModel,
    segmented = true,
  ) {
    this.parser = new SegmentParser(derive, segmented);
  }

  /** Every milestone of the file, in file order. Computed on first use after a change. */
  get milestones(): PlanItem[] {
    return (this.items ??= this.collectItems()).milestones;
  }
  get features(): PlanItem[] {
    return (this.items ??= this.collectItems()).features;
  }
  get acronyms(): AcronymDefinition[] {
    return (this.fields ??= this.collectFields()).acronyms;
  }
  /** Top-level scalar fields: `document`, `title`, `asOf`, and any unknown key. */
  get top(): Map<string, TopField> {
    return (this.fields ??= this.collectFields()).top;
  }

  private collectItems(): NonNullable<PlanFile['items']> {
    const items = { milestones: [] as PlanItem[], features: [] as PlanItem[] };
    for (const segment of this.segments) {
      const model = segment.derived;
      for (const item of model.milestones) items.milestones.push(item);
      for (const item of model.features) items.features.push(item);
    }
    return items;
  }

  /** Acronyms and top-level fields come from a few segments; only those are looked at. */
  private collectFields(): NonNullable<PlanFile['fields']> {
    const fields = { acronyms: [] as AcronymDefinition[], top: new Map<string, TopField>() };
    for (const segment of (this.fieldSegments ??= this.segments.filter(holdsFields))) {
      const model = segment.derived;
      const base = segment.base;
      for (const acronym of model.acronyms) fields.acronyms.push({ ...acronym, keySpan: shifted(acronym.keySpan, base), valueSpan: shifted(acronym.valueSpan, base) });
      if (segment.section !== undefined) continue;
      for (const [key, field] of model.top) {
        if (!fields.top.has(key)) fields.top.set(key, { ...field, keySpan: shifted(field.keySpan, base), valueSpan: shifted(field.valueSpan, base) });
      }
    }
    return fields;
  }

  /** The whole text, built when asked for after an edit: a keystroke's work reads only the text around it. */
  get text(): string {
    return this.store.text;
  }

  /** The file's text as a source of pieces, lines and positions, without building the whole. */
  get textStore(): TextStore {
    return this.store;
  }

  get lineIndex(): TextLines {
    return this.store;
  }

  /** `edit`, when given, is what changed since the previous text: the parser re-splits only around it. */
  update(text: string, maxFileSize: number, edit?: TextEdit): ItemChanges {
    if (edit && this.store.length - (edit.end - edit.start) + edit.text.length === text.length) return this.reparse(maxFileSize, edit, this.store.applyEdit(edit) !== 0);
    this.store.setText(text);
    return this.reparse(maxFileSize, undefined, true);
  }

  /** Applies an editor's changes (each in the text the previous ones left) and re-splits only around them. */
  edit(changes: readonly TextChange[], maxFileSize: number): ItemChanges {
    const whole = changes.some((change) => !change.range);
    const { edit, linesMoved } = this.store.applyChanges(changes);
    return this.reparse(maxFileSize, whole ? undefined : edit, linesMoved);
  }

  /** The segments changed since the last call (all of them at first), for the workspace to assemble their problems again. */
  takeSegmentChanges(): SegmentChanges {
    const changes = this.segmentChanges;
    this.segmentChanges = { everything: false, touched: new Set(), removed: new Set() };
    return changes;
  }

  private reparse(maxFileSize: number, edit: TextEdit | undefined, linesMoved: boolean): ItemChanges {
    this.version++;
    const text = this.store;
    this.tooLarge = text.byteLength > maxFileSize;
    let removed: PlanSegment[];
    let added: PlanSegment[];
    if (this.tooLarge) {
      removed = this.segments;
      added = [];
      this.segments = [];
      this.whole = true;
      this.parser.parse('');
    } else {
      const parsed = this.parser.parse(text, edit);
      this.segments = parsed.segments;
      this.whole = parsed.whole;
      removed = parsed.removed;
      added = parsed.added;
      if (parsed.region && !linesMoved) this.noteRegion(parsed.region, removed);
      else this.segmentChanges.everything = true;
      // Split whole again, segments may have been re-used in another order.
      if (!parsed.region) this.fieldSegments = undefined;
    }
    if (this.tooLarge) {
      this.segmentChanges.everything = true;
      this.fieldSegments = undefined;
    }
    for (const segment of removed) if (segment.derived.hasDirective) this.directives--;
    for (const segment of added) if (segment.derived.hasDirective) this.directives++;
    this.items = undefined;
    this.fields = undefined;
    // Acronyms and top-level fields come from a few segments, looked for again only when one of those came or went.
    if (removed.some(holdsFields) || added.some(holdsFields)) this.fieldSegments = undefined;
    return { removed: itemsOf(removed), added: itemsOf(added) };
  }

  private noteRegion(region: readonly PlanSegment[], removed: readonly PlanSegment[]): void {
    const { touched, removed: gone } = this.segmentChanges;
    for (const segment of removed) {
      touched.delete(segment);
      gone.add(segment);
    }
    for (const segment of region) touched.add(segment);
  }

  /** The plan's own `asOf`, when it is a real date. */
  get asOf(): string | undefined {
    const value = this.top.get('asOf')?.value;
    return isDate(value) ? value : undefined;
  }

  get documentHandle(): string | undefined {
    const value = this.top.get('document')?.value;
    return typeof value === 'string' ? value : undefined;
  }
}

/** Whether a segment may hold acronyms or top-level fields: the top-level ones and the entries of `acronyms`. */
function holdsFields(segment: PlanSegment): boolean {
  return segment.section === undefined || segment.section === 'acronyms';
}

function itemsOf(segments: readonly PlanSegment[]): PlanItem[] {
  const items: PlanItem[] = [];
  // One by one: a file parsed whole is one segment, which may hold more items than a call takes arguments.
  for (const segment of segments) for (const list of [segment.derived.milestones, segment.derived.features]) for (const item of list) items.push(item);
  return items;
}
