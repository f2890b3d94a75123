// The workspace: every plan file, one index of IDs across all of them, one merged glossary, and
// the problems of each file. It orchestrates: files are parsed by the model, problems found by the
// checks, and after a change only what the change can affect is checked again.
import { acronymProblems } from './checks/acronyms';
import { fileTooLarge } from './checks/fileSize';
import { checkItem, type CheckContext } from './checks/itemChecks';
import { shiftedProblem, type Problem, type ReportedProblem } from './checks/problems';
import { checkSegment } from './checks/segmentChecks';
import { hasDirective, report } from './checks/suppression';
import { builtinGlossary } from './glossary/builtinGlossary';
import { Glossary, type GlossaryEntry } from './glossary/glossary';
import { PlanFile, type ItemChanges } from './model/planFile';
import { PlanIndex } from './model/planIndex';
import type { PlanItem } from './model/planItem';
import { buildSegmentModel, type PlanSegment, type SegmentModel } from './model/segmentModel';
import { defaultSettings, type Settings } from './settings';
import { isDate, today } from './text/dates';
import type { TextEdit } from './text/edits';
import { closestMatch } from './text/matching';

export type { PlanFile };

const noProblems: Problem[] = [];

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
  problems: Map<string, ReportedProblem[]>;
  /** Files whose problems may differ from the previous analysis. */
  changed: Set<string>;
}

export class Workspace {
  private readonly files = new Map<string, PlanFile>();

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
  private readonly withUnknownFeatures = new Set<PlanItem>();
  private readonly fileProblems = new Map<string, ReportedProblem[]>();
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
    if (this.settings.asOf && isDate(this.settings.asOf)) return this.settings.asOf;
    return this.files.get(uri)?.asOf ?? this.workspaceAsOf();
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
   * definition of those IDs, and milestones with unknown features (whose suggestions may change).
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
      const asOf = (this.settings.asOf && isDate(this.settings.asOf) ? this.settings.asOf : undefined) ?? file.asOf ?? workspaceAsOf;
      if (this.checkEverything || this.asOfUsed.get(file.uri) !== asOf) {
        this.asOfUsed.set(file.uri, asOf);
        for (const item of file.milestones) dirty.add(item);
        for (const item of file.features) dirty.add(item);
        changed.add(file.uri);
      }
    }
    this.checkEverything = false;
    const touched = new Set<string>();
    for (const item of removed.concat(added)) {
      touched.add(item.id);
      if (item.kind === 'milestone') for (const reference of item.references) touched.add(reference.id);
    }
    for (const id of touched) {
      for (const milestone of index.parents(id)) dirty.add(milestone);
      for (const item of index.definitions(id)) dirty.add(item);
    }
    if (removed.length + added.length > 0) for (const milestone of this.withUnknownFeatures) dirty.add(milestone);
    // Messages about duplicates name the other definitions' lines, which move with any edit.
    for (const id of index.duplicated) for (const item of index.definitions(id)) dirty.add(item);
    for (const item of removed) this.withUnknownFeatures.delete(item);

    let featureIds: string[] | undefined;
    const context: CheckContext = {
      index,
      asOf: (uri) => this.asOfUsed.get(uri) ?? this.asOf(uri),
      where: (item) => {
        const file = this.files.get(item.uri)!;
        return `${baseName(item.uri)}:${file.lineIndex.positionAt(item.idSpan.start).line + 1}`;
      },
      suggestFeature: (id) => closestMatch(id, (featureIds ??= [...index.features.keys()])),
    };
    for (const item of dirty) {
      if (!this.files.has(item.uri)) continue;
      const problems = checkItem(item, context);
      item.checkedProblems = problems.length > 0 ? problems : noProblems;
      item.checkedBase = item.segment.base;
      item.segment.derived.problemsGeneration = -1;
      if (problems.some((problem) => problem.code === 'unknown-feature')) this.withUnknownFeatures.add(item);
      else this.withUnknownFeatures.delete(item);
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
      this.fileProblems.set(uri, this.report(file, this.assemble(file, glossary, context)));
    }
    this.analysis = { index, glossary, problems: this.fileProblems, changed };
    return this.analysis;
  }

  /**
   * A file's problems: for each segment, those of the segment alone and those its items' checks
   * found, kept with the segment (relative to it) until the glossary or one of its items changes.
   */
  private assemble(file: PlanFile, glossary: Glossary, context: CheckContext): Problem[] {
    if (file.tooLarge) return [fileTooLarge(file.text, this.settings.maxFileSize)];
    const problems: Problem[] = [];
    for (const segment of file.segments) {
      const model = segment.derived;
      if (model.problemsGeneration !== this.glossaryGeneration) {
        model.problems = this.segmentProblems(segment, glossary, context);
        model.problemsGeneration = this.glossaryGeneration;
      }
      const found = model.problems;
      for (let index = 0; index < found.length; index++) problems.push(shiftedProblem(found[index]!, segment.base));
    }
    return problems;
  }

  /** The problems of one segment, relative to it. */
  private segmentProblems(segment: PlanSegment, glossary: Glossary, context: CheckContext): readonly Problem[] {
    const model = segment.derived;
    const found: Problem[] = [...model.localProblems, ...acronymProblems(segment.text, model, glossary)];
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
    return found.length > 0 ? found : noProblems;
  }

  problems(uri: string): ReportedProblem[] {
    return this.analyze().problems.get(uri) ?? [];
  }

  /** Applies severities and `# milestones-disable-next-line` comments, and orders by position. */
  private report(file: PlanFile, problems: Problem[]): ReportedProblem[] {
    const mayBeSuppressed = file.whole || file.segments.some((segment) => segment.derived.hasDirective);
    return report(file.text, problems, this.settings.rules, mayBeSuppressed);
  }
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
