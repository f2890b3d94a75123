// The effective plan: what every check, fix, view, report and export reads of the plans. For each
// item, its fields as they stand once the overrides files apply (name, level, due, forecast,
// completed, predecessors, features), where each value comes from (the plan's entry or an
// overrides file, and where in it), its expected date and its one status; and the marks the rules
// that fired put on it. No consumer reads an entry's own values (PlanItem's `own…`): they ask here.
import type { FileProblems, ReportedProblem } from '../checks/problems';
import { expectedDate, progressOf, withDateOverrides, type ExpectedDate, type ItemDates, type Progress } from './itemState';
import { dateOverridesOf, overridesByCode, overridesFileName, type CodeOverrides, type OverridesFile } from './overrides';
import type { PlanIndex } from './planIndex';
import type { IdReference, ItemKind, PlanItem } from './planItem';
import type { Span } from '../yaml/nodes';

/** The fields an overrides file may set, or the plan alone. */
export type EffectiveField = 'name' | 'level' | 'due' | 'forecast' | 'completed';

/** Where a field's value comes from: the item's own entry in a plan, or an overrides file's entry of its code. */
export interface Origin {
  kind: 'plan' | 'overrides';
  uri: string;
  /** The file's name, for messages: `local.yaml`, `plan.milestones.yaml`. */
  fileName: string;
  /** The key that sets the value, and the value (absent when the field is not written: then the plan's entry is where it would go). */
  keySpan?: Span;
  valueSpan?: Span;
}

/** What a rule that fired says of an item: `inconsistent` (its dates disagree with another's), `slipped`, `cycle`, … */
export type Mark = string;

const noMarks: ReadonlySet<Mark> = new Set();

/** A milestone or feature as the plan stands once the overrides files apply. Immutable. */
export class EffectiveItem implements ItemDates {
  readonly id: string;
  readonly kind: ItemKind;
  /** The plan file that defines it. */
  readonly uri: string;
  readonly name: string | undefined;
  readonly level: number | undefined;
  readonly due: string | undefined;
  readonly forecast: string | undefined;
  readonly completed: string | undefined;
  readonly completedWritten: boolean;
  /** The date it is expected: its forecast where it has one, else its due date. */
  readonly expected: ExpectedDate | undefined;
  readonly status: Progress;

  constructor(
    /** Its definition in a plan: the entry, for its spans and its own values. */
    readonly definition: PlanItem,
    private readonly overrides: CodeOverrides | undefined,
    /** The date its status is judged against. */
    readonly asOf: string,
    /** Dates to take instead of those the plan and the overrides give: what a move would make of them (its preview). */
    movedDates?: ItemDates,
  ) {
    this.id = definition.id;
    this.kind = definition.kind;
    this.uri = definition.uri;
    this.name = overrides?.name?.value ?? definition.ownName;
    this.level = overrides?.level?.value ?? definition.ownLevel;
    const dates = movedDates ?? withDateOverrides(definition.ownDates, dateOverridesOf(overrides));
    this.due = dates.due;
    this.forecast = dates.forecast;
    this.completed = dates.completed;
    this.completedWritten = dates.completedWritten;
    this.expected = expectedDate(dates);
    this.status = progressOf(dates, asOf);
  }

  /** The IDs of its `predecessors`, in order (repeats kept). */
  get predecessors(): readonly string[] {
    return this.definition.predecessorIdList;
  }

  /** The features a milestone lists, in order, with the spans of the list items. */
  get featureReferences(): IdReference[] {
    return this.definition.featureReferences;
  }

  /** Whether an overrides file sets this field. */
  isOverridden(field: EffectiveField): boolean {
    return field !== 'forecast' && this.overrides?.[field] !== undefined;
  }

  /** The value the plan's entry writes, where an overrides file may have replaced it. */
  ownValue(field: EffectiveField): string | number | undefined {
    const item = this.definition;
    return { name: item.ownName, level: item.ownLevel, due: item.ownDue, forecast: item.ownForecast, completed: item.ownCompleted }[field];
  }

  /** Where a field's value comes from, with the spans of its key and value there. */
  origin(field: EffectiveField): Origin {
    const overridden = field === 'forecast' ? undefined : this.overrides?.[field];
    if (overridden) {
      const pair = overridden.pair;
      return { kind: 'overrides', uri: overridden.file.uri, fileName: overridesFileName(overridden.file), keySpan: pair.key, valueSpan: pair.value ?? undefined };
    }
    const written = this.definition.field(field);
    return { kind: 'plan', uri: this.uri, fileName: overridesFileName(this.definition), keySpan: written?.keySpan, valueSpan: written?.valueSpan };
  }

  /** The name of the overrides file that sets a field, for messages; undefined when the plan does. */
  sourceOf(field: EffectiveField): string | undefined {
    const overridden = field === 'forecast' ? undefined : this.overrides?.[field];
    return overridden && overridesFileName(overridden.file);
  }

  /** A date with where it comes from when an overrides file set it: `2018-01-15 (local.yaml)`. */
  dateText(field: 'due' | 'forecast' | 'completed'): string {
    const date = this[field] ?? '—';
    const source = this.sourceOf(field);
    return source ? `${date} (${source})` : date;
  }

  /**
   * A value with where it comes from where an overrides file sets it, and what the plan says where
   * that differs: `2022-03-01 — local.yaml; the plan says 2021-06-01`; `— (local.yaml takes it
   * away; the plan says 2021-06-01)` for a date an overrides file clears.
   */
  describe(field: EffectiveField): string {
    const value = this[field];
    const source = this.sourceOf(field);
    if (!source) return value === undefined ? '—' : String(value);
    const own = this.ownValue(field);
    const plan = own === value ? '' : `; the plan says ${own === undefined ? 'none' : String(own)}`;
    return value === undefined ? `— (${source} takes it away${plan})` : `${String(value)} — ${source}${plan}`;
  }

  /** The expected date with its field and source: `due 2018-01-15 (local.yaml)`, `forecast 2021-03-02`. */
  expectedText(): string {
    return this.expected ? `${this.expected.field} ${this.dateText(this.expected.field)}` : 'no date';
  }
}

/** What the checks found, as the effective plan reads it for marks. */
export interface MarkSource {
  /** The problems of every file. */
  problems(): Iterable<FileProblems>;
  /** The marks a rule's problems put on the items they are about. */
  marksOf(code: string): readonly Mark[];
}

/**
 * The effective plan of one analysis. Items are made on first use and kept (by definition) until
 * their entry, the overrides or the asOf date change; a request reads one consistent state.
 */
export class EffectivePlan {
  private collected: { byId: Map<string, Set<Mark>>; own: Map<string, Set<Mark>>; byPair: Map<string, { marks: Set<Mark>; problems: ReportedProblem[] }> } | undefined;

  constructor(
    /** The IDs of the workspace: which items exist, list and follow which. */
    readonly index: PlanIndex,
    private readonly overrides: ReadonlyMap<string, CodeOverrides>,
    private readonly asOf: (uri: string) => string,
    private readonly cache: WeakMap<PlanItem, EffectiveItem>,
    private readonly markSource: MarkSource | undefined,
    /** Items whose dates a move would change, by ID, with their dates after it. */
    private readonly moved?: ReadonlyMap<string, ItemDates>,
  ) {}

  /** The effective item of a definition. */
  of(definition: PlanItem): EffectiveItem {
    let item = this.cache.get(definition);
    if (!item) {
      item = new EffectiveItem(definition, this.overrides.get(definition.id), this.asOf(definition.uri), this.moved?.get(definition.id));
      this.cache.set(definition, item);
    }
    return item;
  }

  /** The plan as it would be with some items' dates changed (by ID), for the preview of a move; it has no marks. */
  withDates(moved: ReadonlyMap<string, ItemDates>): EffectivePlan {
    return new EffectivePlan(this.index, this.overrides, this.asOf, new WeakMap(), undefined, moved);
  }

  /** The item an ID names (its first definition), milestone or feature. */
  item(id: string): EffectiveItem | undefined {
    const definition = this.index.item(id);
    return definition && this.of(definition);
  }

  milestone(id: string): EffectiveItem | undefined {
    const definition = this.index.milestones.get(id);
    return definition && this.of(definition);
  }

  feature(id: string): EffectiveItem | undefined {
    const definition = this.index.features.get(id);
    return definition && this.of(definition);
  }

  /** Every milestone (the first definition of each ID). */
  milestones(): EffectiveItem[] {
    return [...this.index.milestones.values()].map((definition) => this.of(definition));
  }

  features(): EffectiveItem[] {
    return [...this.index.features.values()].map((definition) => this.of(definition));
  }

  /** The milestones that list a feature, in file order. */
  parents(id: string): EffectiveItem[] {
    return this.index.parents(id).map((definition) => this.of(definition));
  }

  /** The items that name an ID as a predecessor, in file order. */
  successors(id: string): EffectiveItem[] {
    return this.index.successors(id).map((definition) => this.of(definition));
  }

  /** The IDs a milestone lists, each once, and those of them that a plan defines as features. */
  listedFeatures(milestone: EffectiveItem): { ids: string[]; features: EffectiveItem[] } {
    const { ids, features } = this.index.listedFeatures(milestone.definition);
    return { ids, features: features.map((definition) => this.of(definition)) };
  }

  /** The known predecessors an item names, each once, in the order written. */
  predecessorsOf(item: EffectiveItem): EffectiveItem[] {
    const found: EffectiveItem[] = [];
    for (const id of new Set(item.predecessors)) {
      const predecessor = this.item(id);
      if (predecessor) found.push(predecessor);
    }
    return found;
  }

  /** The overrides files' values for a code, field by field. */
  overridesOf(id: string): CodeOverrides | undefined {
    return this.overrides.get(id);
  }

  /** The marks the rules that fired put on an item (a failed pair or link check: `inconsistent`). */
  marks(id: string): ReadonlySet<Mark> {
    return this.collect().byId.get(id) ?? noMarks;
  }

  /** The marks of the checks between one milestone and one feature it lists: a row of the tree and the timeline. */
  pairMarks(milestone: string, feature: string): ReadonlySet<Mark> {
    return this.collect().byPair.get(pairKey(milestone, feature))?.marks ?? noMarks;
  }

  /** The problems that put those marks. */
  pairProblems(milestone: string, feature: string): readonly ReportedProblem[] {
    return this.collect().byPair.get(pairKey(milestone, feature))?.problems ?? [];
  }

  /** The marks on an item from problems that are not about one of its pairs with a milestone. */
  ownMarks(id: string): ReadonlySet<Mark> {
    return this.collect().own.get(id) ?? noMarks;
  }

  private collect(): NonNullable<EffectivePlan['collected']> {
    if (this.collected) return this.collected;
    const byId = new Map<string, Set<Mark>>();
    const own = new Map<string, Set<Mark>>();
    const byPair = new Map<string, { marks: Set<Mark>; problems: ReportedProblem[] }>();
    const add = (map: Map<string, Set<Mark>>, key: string, marks: readonly Mark[]) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set<Mark>()));
      for (const mark of marks) set.add(mark);
    };
    for (const file of this.markSource?.problems() ?? []) {
      for (const problem of file.all) {
        const marks = this.markSource!.marksOf(problem.code);
        if (marks.length === 0) continue;
        const data = problem.data;
        if (data?.kind === 'pair') {
          add(byId, data.milestone, marks);
          add(byId, data.feature, marks);
          const key = pairKey(data.milestone, data.feature);
          let pair = byPair.get(key);
          if (!pair) byPair.set(key, (pair = { marks: new Set(), problems: [] }));
          for (const mark of marks) pair.marks.add(mark);
          pair.problems.push(problem);
        } else {
          const ids = data?.kind === 'link' ? [data.item, data.predecessor] : data?.kind === 'item' ? [data.id] : [];
          for (const id of ids) {
            add(byId, id, marks);
            add(own, id, marks);
          }
        }
      }
    }
    return (this.collected = { byId, own, byPair });
  }
}

function pairKey(milestone: string, feature: string): string {
  return `${milestone}\u0000${feature}`;
}

/**
 * The effective items of plan entries read outside a workspace (a version of the plans from git),
 * by ID, the first definition of each; `asOf` judges their status.
 */
export function effectiveItemsOf(definitions: Iterable<PlanItem>, overrides: Iterable<OverridesFile>, asOf = ''): Map<string, EffectiveItem> {
  const byCode = overridesByCode(overrides);
  const items = new Map<string, EffectiveItem>();
  for (const definition of definitions) if (!items.has(definition.id)) items.set(definition.id, new EffectiveItem(definition, byCode.get(definition.id), asOf));
  return items;
}
