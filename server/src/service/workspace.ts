// The workspace: every plan file, one index of IDs across all of them, one merged glossary, and
// the problems of each file. It orchestrates: files are parsed by the model, problems found by the
// checks, and after a change only what the change can affect is checked again.
import { acronymProblems } from './checks/acronyms';
import { checkDate } from './checks/dates';
import { fileTooLarge } from './checks/fileSize';
import { checkItem, type CheckContext } from './checks/itemChecks';
import { FileProblems, shiftedProblem, type Problem, type ProblemGroup, type ReportedProblem } from './checks/problems';
import { checkOverridesSchema } from './checks/schema';
import { checkSegment } from './checks/segmentChecks';
import { hasDirective, report } from './checks/suppression';
import { builtinGlossary } from './glossary/builtinGlossary';
import { Glossary, type GlossaryEntry } from './glossary/glossary';
import { overriddenDatesOf, parseOverrides, withOverriddenDates, type OverriddenDates, type OverridesFile } from './model/overrides';
import { PlanFile, type ItemChanges } from './model/planFile';
import { DependencyGraph } from './model/dependencies';
import { PlanIndex } from './model/planIndex';
import type { PlanItem } from './model/planItem';
import { buildSegmentModel, type PlanSegment, type SegmentModel } from './model/segmentModel';
import { defaultSettings, type Settings } from './settings';
import { isDate, today } from './text/dates';
import type { TextEdit } from './text/edits';
import type { TextChange } from './text/textStore';
import { SpellingIndex } from './text/matching';

export type { PlanFile };

const noProblems: Problem[] = [];
const noReported: ReportedProblem[] = [];

/** The model of a segment parsed anew, with what the checks of the segment alone find in it. */
function deriveSegment(segment: PlanSegment, uri: string): SegmentModel {
  const model = buildSegmentModel(segment, uri);
  const local = checkSegment(segment, model);
  if (local.length > 0) model.localProblems = local;
  model.hasDirective = hasDirective(segment);
  return model;
}

export interface Analysis {
  index: PlanIndex;
  glossary: Glossary;
  /** Problems of each file, with their severity, suppressions applied. */
  problems: Map<string, FileProblems>;
  /** Files whose problems may differ from the previous analysis. */
  changed: Set<string>;
}

export class Workspace {
  private readonly files = new Map<string, PlanFile>();
  /** Overrides files (model/overrides.ts), by URI. */
  private readonly overrides = new Map<string, OverridesFile>();
  private overriddenDates = new Map<string, OverriddenDates>();
  private overriddenDatesSignature = '[]';

  /** `segmented: false` parses files whole, for tests that compare the two. */
  constructor(private readonly options: { segmented?: boolean } = {}) {}

  private settings: Settings = defaultSettings;
  private glossaryFileEntries: GlossaryEntry[] = [];
  private glossarySkip: string[] = [];
  private glossary: Glossary | undefined;
  private glossarySignature = '';
  private glossaryGeneration = 0;
  private analysis: Analysis | undefined;

  // What the next analysis must bring up to date.
  private readonly index = new PlanIndex();
  private readonly pendingRemoved = new Set<PlanItem>();
  private readonly pendingAdded = new Set<PlanItem>();
  private readonly changedFiles = new Set<string>();
  private checkEverything = true;
  // What the previous analyses found, kept to be re-used.
  /** The feature IDs of the index, with "did you mean" answered once per unknown ID. */
  private readonly featureSpelling = new SpellingIndex();
  private spellingAnswersKept = 0;
  /** Every milestone and feature ID, for "did you mean" of unknown predecessors. */
  private readonly idSpelling = new SpellingIndex();
  private idAnswersKept = 0;
  private readonly dependencies = new DependencyGraph();
  private readonly fileProblems = new Map<string, FileProblems>();
  private readonly asOfUsed = new Map<string, string>();
  private assembledGeneration = -1;

  setSettings(settings: Partial<Settings>): void {
    const next = { ...defaultSettings, ...settings };
    const reparse = next.maxFileSize !== this.settings.maxFileSize;
    this.settings = next;
    this.glossary = undefined;
    this.analysis = undefined;
    this.checkEverything = true;
    if (reparse) for (const file of this.files.values()) this.track(file.uri, file.update(file.text, next.maxFileSize));
  }

  getSettings(): Settings {
    return this.settings;
  }

  /** Entries of the configured glossary files and words of the skip-list file. */
  setGlossaryFiles(entries: GlossaryEntry[], skip: string[] = []): void {
    this.glossaryFileEntries = entries;
    this.glossarySkip = skip;
    this.glossary = undefined;
    this.analysis = undefined;
  }

  setFile(uri: string, text: string, edit?: TextEdit): PlanFile {
    let file = this.files.get(uri);
    if (!file) {
      file = new PlanFile(uri, (segment) => deriveSegment(segment, uri), this.options.segmented ?? true);
      this.files.set(uri, file);
    } else if (file.text === text) {
      return file;
    }
    const fits = edit && file.text.length - (edit.end - edit.start) + edit.text.length === text.length;
    this.track(uri, file.update(text, this.settings.maxFileSize, fits ? edit : undefined));
    return file;
  }

  /** Applies an editor's changes to a file's text where they land (each in the text the previous ones left). */
  editFile(uri: string, changes: readonly TextChange[]): PlanFile | undefined {
    const file = this.files.get(uri);
    if (!file || changes.length === 0) return file;
    this.track(uri, file.edit(changes, this.settings.maxFileSize));
    return file;
  }

  removeFile(uri: string): void {
    const file = this.files.get(uri);
    if (!file) return;
    this.files.delete(uri);
    this.track(uri, { removed: [...file.milestones, ...file.features], added: [] });
  }

  private track(uri: string, changes: ItemChanges): void {
    // An item added since the last analysis and removed again never reaches the index.
    for (const item of changes.removed) if (!this.pendingAdded.delete(item)) this.pendingRemoved.add(item);
    for (const item of changes.added) this.pendingAdded.add(item);
    this.changedFiles.add(uri);
    this.analysis = undefined;
  }

  getFile(uri: string): PlanFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): PlanFile[] {
    return [...this.files.values()];
  }

  /**
   * The date items of a file are judged against: the setting, else the file's own `asOf`, else the
   * latest `asOf` of the workspace's plans (a file of features shares its plan's date), else today.
   */
  asOf(uri: string): string {
    return this.settingAsOf() ?? this.files.get(uri)?.asOf ?? this.workspaceAsOf();
  }

  /** The date of the plans as a whole, for reports and the burndown: the setting, else the latest `asOf` of the plans, else today. */
  planAsOf(): string {
    return this.settingAsOf() ?? this.workspaceAsOf();
  }

  private settingAsOf(): string | undefined {
    return this.settings.asOf && isDate(this.settings.asOf) ? this.settings.asOf : undefined;
  }

  private workspaceAsOf(): string {
    let latest: string | undefined;
    for (const file of this.files.values()) {
      const asOf = file.asOf;
      if (asOf && (!latest || asOf > latest)) latest = asOf;
    }
    return latest ?? today();
  }

  getGlossary(): Glossary {
    const planEntries: GlossaryEntry[] = [];
    for (const file of this.files.values()) {
      for (const acronym of file.acronyms) {
        planEntries.push({ term: acronym.term, definition: acronym.definition, source: file.uri, tags: [] });
      }
    }
    const signature = planEntries.map((entry) => `${entry.source}\u0000${entry.term}\u0000${entry.definition}`).join('\u0001');
    if (!this.glossary || signature !== this.glossarySignature) {
      const builtin = builtinGlossary.map((entry) => ({ term: entry.term, definition: entry.definition, source: 'built-in', tags: [] }));
      this.glossary = new Glossary([...planEntries, ...this.glossaryFileEntries, ...builtin], {
        preferredTags: this.settings.glossaryTags,
        skip: [...this.settings.skipAcronyms, ...this.glossarySkip],
      });
      this.glossarySignature = signature;
      this.glossaryGeneration++;
    }
    return this.glossary;
  }

  /**
   * Brings the problems up to date. After a change, only the items it touches are checked again:
   * the entries it removed and added, the milestones that list or listed their IDs, every
   * definition of those IDs, and the milestones listing an unknown ID whose suggestion changed.
   */
  analyze(): Analysis {
    if (this.analysis) return this.analysis;
    const glossary = this.getGlossary();
    const index = this.index;
    const removed = [...this.pendingRemoved];
    const added = [...this.pendingAdded];
    this.pendingRemoved.clear();
    this.pendingAdded.clear();
    for (const item of removed) index.remove(item);
    for (const item of added) index.add(item);

    const files = [...this.files.values()];
    const dirty = new Set<PlanItem>();
    const changed = new Set(this.changedFiles);
    this.changedFiles.clear();
    const workspaceAsOf = this.workspaceAsOf();
    for (const file of files) {
      const asOf = this.settingAsOf() ?? file.asOf ?? workspaceAsOf;
      if (this.checkEverything || this.asOfUsed.get(file.uri) !== asOf) {
        this.asOfUsed.set(file.uri, asOf);
        for (const item of file.milestones) dirty.add(item);
        for (const item of file.features) dirty.add(item);
        changed.add(file.uri);
      }
    }
    this.checkEverything = false;
    const touched = new Set<string>();
    const appeared: string[] = [];
    const vanished: string[] = [];
    const idsAppeared: string[] = [];
    const idsVanished: string[] = [];
    for (const item of removed.concat(added)) {
      touched.add(item.id);
      if (item.kind === 'milestone') for (const reference of item.references) touched.add(reference.id);
    }
    for (const id of touched) {
      for (const milestone of index.parents(id)) dirty.add(milestone);
      for (const item of index.definitions(id)) dirty.add(item);
      const defined = index.features.has(id);
      if (defined !== this.featureSpelling.has(id)) (defined ? appeared : vanished).push(id);
      // Whatever names the ID as a predecessor compares its dates and state with it.
      for (const successor of index.successors(id)) dirty.add(successor);
      const known = index.item(id) !== undefined;
      if (known !== this.idSpelling.has(id)) (known ? idsAppeared : idsVanished).push(id);
    }
    for (const word of this.idSpelling.update(idsAppeared, idsVanished)) for (const item of index.successors(word)) dirty.add(item);
    // A link that came or went may open or close a cycle: every item on one, before or after, is checked again.
    for (const id of this.dependencies.update(index, touched)) for (const item of index.definitions(id)) dirty.add(item);
    // A feature ID that came or went changes the suggestion for the unknown IDs close to it.
    for (const word of this.featureSpelling.update(appeared, vanished)) for (const milestone of index.parents(word)) dirty.add(milestone);
    // Messages about duplicates name the other definitions' lines, which move with any edit.
    for (const id of index.duplicated) for (const item of index.definitions(id)) dirty.add(item);
    // Suggestions are kept for the IDs still listed somewhere, not for every ID ever typed.
    if (this.featureSpelling.answered > 2 * this.spellingAnswersKept + 256) {
      this.featureSpelling.retain((word) => index.isListed(word));
      this.spellingAnswersKept = this.featureSpelling.answered;
    }
    if (this.idSpelling.answered > 2 * this.idAnswersKept + 256) {
      this.idSpelling.retain((word) => index.isPredecessor(word));
      this.idAnswersKept = this.idSpelling.answered;
    }

    const context: CheckContext = {
      index,
      asOf: (uri) => this.asOfUsed.get(uri) ?? this.asOf(uri),
      slipThresholdDays: this.settings.slipThresholdDays,
      where: (item) => {
        const file = this.files.get(item.uri)!;
        return `${baseName(item.uri)}:${file.lineIndex.positionAt(item.idSpan.start).line + 1}`;
      },
      suggestFeature: (id) => this.featureSpelling.suggest(id),
      suggestId: (id) => this.idSpelling.suggest(id),
      cycleThrough: (id, predecessor) => this.dependencies.cycleThrough(id, predecessor),
      overriddenDates: (id) => this.overriddenDates.get(id),
      withOverrides: (item) => this.withOverrides(item),
    };
    for (const item of dirty) {
      if (!this.files.has(item.uri)) continue;
      const problems = checkItem(item, context);
      item.checkedProblems = problems.length > 0 ? problems : noProblems;
      item.checkedBase = item.segment.base;
      item.segment.derived.problemsGeneration = -1;
      changed.add(item.uri);
    }

    if (this.assembledGeneration !== this.glossaryGeneration) {
      this.assembledGeneration = this.glossaryGeneration;
      for (const file of files) changed.add(file.uri);
    }
    for (const uri of changed) {
      const file = this.files.get(uri);
      if (!file) {
        this.fileProblems.delete(uri);
        this.asOfUsed.delete(uri);
        continue;
      }
      this.fileProblems.set(uri, this.assemble(file, glossary, context));
    }
    this.analysis = { index, glossary, problems: this.fileProblems, changed };
    return this.analysis;
  }

  /**
   * A file's problems: for each segment, those of the segment alone and those its items' checks
   * found, as reported, kept with the segment (relative to it) until the glossary, the settings or
   * one of its items changes.
   */
  private assemble(file: PlanFile, glossary: Glossary, context: CheckContext): FileProblems {
    if (file.tooLarge) {
      const problem = fileTooLarge(file.text, this.settings.maxFileSize);
      const reported = report(file.text, [problem], this.settings.rules, false);
      return new FileProblems(reported.length > 0 ? [{ base: 0, text: file.text.slice(0, problem.end), problems: reported }] : []);
    }
    const mayBeSuppressed = file.whole || file.segments.some((segment) => segment.derived.hasDirective);
    const groups: ProblemGroup[] = [];
    let previous: PlanSegment | null = null;
    for (const segment of file.segments) {
      const model = segment.derived;
      const after = mayBeSuppressed ? previous : null;
      if (model.problemsGeneration !== this.glossaryGeneration || model.problemsAfter !== after) {
        model.problems = this.segmentProblems(file, segment, glossary, context, mayBeSuppressed);
        model.problemsGeneration = this.glossaryGeneration;
        model.problemsAfter = after;
      }
      if (model.problems.length > 0) groups.push({ base: segment.base, text: segment.text, problems: model.problems });
      previous = segment;
    }
    return new FileProblems(groups);
  }

  /** The problems of one segment as reported, relative to it. */
  private segmentProblems(file: PlanFile, segment: PlanSegment, glossary: Glossary, context: CheckContext, mayBeSuppressed: boolean): readonly ReportedProblem[] {
    const model = segment.derived;
    const found: Problem[] = [...model.localProblems, ...acronymProblems(segment.text, model.freeText, glossary)];
    for (const items of [model.milestones, model.features]) {
      for (const item of items) {
        if (!item.checkedProblems) {
          const problems = checkItem(item, context);
          item.checkedProblems = problems.length > 0 ? problems : noProblems;
          item.checkedBase = segment.base;
        }
        for (const problem of item.checkedProblems) found.push(shiftedProblem(problem, -item.checkedBase));
      }
    }
    // Most segments have no problems: they share one empty list.
    if (found.length === 0) return noReported;
    const reported = report(file.textStore, found, this.settings.rules, mayBeSuppressed, segment.base);
    return reported.length > 0 ? reported : noReported;
  }

  /** The feature IDs within spelling distance of an unknown one, closest first (for quick fixes). */
  featureMatches(id: string, limit = 3): string[] {
    this.analyze();
    return this.featureSpelling.closeMatches(id, limit);
  }

  /** The milestone and feature IDs within spelling distance of an unknown predecessor, closest first (for quick fixes). */
  idMatches(id: string, limit = 3): string[] {
    this.analyze();
    return this.idSpelling.closeMatches(id, limit);
  }

  problems(uri: string): ReportedProblem[] {
    const overrides = this.overrides.get(uri);
    if (overrides) return this.overridesProblems(overrides);
    return this.analyze().problems.get(uri)?.all ?? [];
  }

  setOverridesFile(uri: string, text: string): OverridesFile {
    const file = parseOverrides(uri, text);
    this.overrides.set(uri, file);
    this.applyOverriddenDates();
    return file;
  }

  removeOverridesFile(uri: string): void {
    this.overrides.delete(uri);
    this.applyOverriddenDates();
  }

  /** The overridden dates take part in the date checks: when they change, every item is checked again. */
  private applyOverriddenDates(): void {
    const dates = overriddenDatesOf([...this.overrides.values()]);
    const signature = JSON.stringify([...dates]);
    if (signature === this.overriddenDatesSignature) return;
    this.overriddenDates = dates;
    this.overriddenDatesSignature = signature;
    this.checkEverything = true;
    this.analysis = undefined;
  }

  getOverridesFile(uri: string): OverridesFile | undefined {
    return this.overrides.get(uri);
  }

  /** An item with the dates the overrides files give it, as the checks and the views see it (the item itself when none). */
  withOverrides(item: PlanItem): PlanItem {
    const dates = this.overriddenDates.get(item.id);
    return dates ? withOverriddenDates(item, dates) : item;
  }

  allOverridesFiles(): OverridesFile[] {
    return [...this.overrides.values()];
  }

  /** An overrides file's problems: its YAML, its schema, its dates, and the acronyms of its prose. */
  private overridesProblems(file: OverridesFile): ReportedProblem[] {
    const found: Problem[] = file.syntaxErrors.map((error) => ({ code: 'yaml-syntax', message: error.message, start: error.start, end: error.end }));
    found.push(...checkOverridesSchema(file.root));
    for (const entry of file.entries) {
      for (const key of ['due', 'completed']) {
        const pair = entry.fields.get(key);
        if (pair) found.push(...checkDate(pair.value, key, `the override of ${entry.code}`, pair.key, false));
      }
    }
    found.push(...acronymProblems(file.text, file.freeText, this.getGlossary()));
    return report(file.text, found.sort((a, b) => a.start - b.start), this.settings.rules, true);
  }
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
