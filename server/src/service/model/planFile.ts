// One plan file as last given to the workspace: its text (held here only, in a TextStore that an
// edit changes where it lands), its segments and what they contribute — milestones, features,
// acronyms, top-level fields — and its lines.
import { isDate } from '../text/dates';
import type { TextEdit } from '../text/edits';
import type { TextLines } from '../text/lineIndex';
import { TextStore, type TextChange } from '../text/textStore';
import { largerThan } from '../text/utf8';
import { SegmentParser } from '../yaml/segments';
import { shifted } from '../yaml/nodes';
import type { PlanItem } from './planItem';
import type { AcronymDefinition, PlanSegment, SegmentModel, TopField } from './segmentModel';

/** The items a change of a file removed and added. */
export interface ItemChanges {
  removed: PlanItem[];
  added: PlanItem[];
}

export class PlanFile {
  private readonly parser: SegmentParser<SegmentModel>;
  private readonly store = new TextStore();
  /** Counts the texts the file has had: what is derived from one text can be kept until it changes. */
  version = 0;
  segments: PlanSegment[] = [];
  /** True when the file could not be split into segments and was parsed whole. */
  whole = false;
  tooLarge = false;
  private items: { milestones: PlanItem[]; features: PlanItem[] } | undefined;
  private fields: { acronyms: AcronymDefinition[]; top: Map<string, TopField> } | undefined;

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
    for (const segment of this.segments) {
      if (segment.section !== undefined && segment.section !== 'acronyms') continue;
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
    if (edit && this.store.length - (edit.end - edit.start) + edit.text.length === text.length) this.store.applyEdit(edit);
    else this.store.setText(text);
    return this.reparse(maxFileSize, edit);
  }

  /** Applies an editor's changes (each in the text the previous ones left) and re-splits only around them. */
  edit(changes: readonly TextChange[], maxFileSize: number): ItemChanges {
    const whole = changes.some((change) => !change.range);
    const edit = this.store.applyChanges(changes);
    return this.reparse(maxFileSize, whole ? undefined : edit);
  }

  private reparse(maxFileSize: number, edit: TextEdit | undefined): ItemChanges {
    this.version++;
    const text = this.store;
    this.tooLarge = largerThan(text, maxFileSize);
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
    }
    this.items = undefined;
    this.fields = undefined;
    return { removed: itemsOf(removed), added: itemsOf(added) };
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

function itemsOf(segments: readonly PlanSegment[]): PlanItem[] {
  const items: PlanItem[] = [];
  for (const segment of segments) items.push(...segment.derived.milestones, ...segment.derived.features);
  return items;
}
