// The workspace: every plan file, one index of IDs across all of them, one merged glossary, and
// the problems of each file. It orchestrates: files are parsed by the model, problems found by the
// checks, and after a change only what the change can affect is checked again.
import type { Severity } from '../../../common/planSnapshot';
import { cappedProblems, FileProblems, shiftedProblem, type Problem, type ProblemGroup, type ReportedProblem } from './checks/problems';
import { hasDirective, report } from './checks/suppression';
import { builtinGlossary } from './glossary/builtinGlossary';
import { Glossary, type GlossaryEntry } from './glossary/glossary';
import { overridesDocument, planDocument, type PlanDocument } from './model/document';
import { EffectivePlan, type EffectiveItem } from './model/effectivePlan';
import { overridesByCode, overridesSignature, parseOverrides, type CodeOverrides, type OverridesFile } from './model/overrides';
import { PlanFile, type ItemChanges, type SegmentChanges } from './model/planFile';
import { DependencyGraph } from './model/dependencies';
import { FloatAnalysis, FloatNetwork } from './model/float';
import { PlanIndex } from './model/planIndex';
import type { PlanItem } from './model/planItem';
import { buildSegmentModel, type PlanSegment, type SegmentModel } from './model/segmentModel';
import { fileTooLarge } from './rules/fileTooLarge';
import { RuleRegistry } from './rules/registry';
import type { ItemCheckContext, Rule } from './rules/rule';
import { defaultSettings, type Settings } from './settings';
import { isDate, today } from './text/dates';
import type { TextEdit } from './text/edits';
import type { TextChange } from './text/textStore';
import { segmentAt } from './yaml/segments';
import { SpellingIndex } from './text/matching';

export type { PlanFile };

const noProblems: Problem[] = [];
const noReported: ReportedProblem[] = [];

export interface Analysis {
  index: PlanIndex;
  /** The plans with the overrides files applied: what every feature reads of the items. */
  plan: EffectivePlan;
  /** Each item's float over the effective plan, and the critical chains. */
  float: FloatAnalysis;
  glossary: Glossary;
  /** Problems of each file (plans and overrides files), with their severity, suppressions applied. */
  problems: Map<string, FileProblems>;
  /** Files whose problems may differ from the previous analysis. */
  changed: Set<string>;
}

export interface WorkspaceOptions {
  /** `false` parses every file whole: the reference the segmented parse is tested against. */
  segmented?: boolean;
  /** The rules to check (default: the built-in ones, rules/registry.ts). */
  rules?: readonly Rule[];
}

export class Workspace {
  private readonly files = new Map<string, PlanFile>();
  /** Overrides files (model/overrides.ts), by URI. */
  private readonly overrides = new Map<string, OverridesFile>();
  /** What the overrides files set for each code, and a signature of it to tell what an edit changed. */
  private codeOverrides = new Map<string, CodeOverrides>();
  private codeSignatures = new Map<string, string>();
  /** Codes whose overridden values changed since the last analysis. */
  private readonly pendingCodes = new Set<string>();
  private readonly overridesChanged = new Set<string>();
  /** Effective items by definition, kept until the overrides or an asOf date change. */
  private effectiveCache = new WeakMap<PlanItem, EffectiveItem>();
  readonly rules: RuleRegistry;

  constructor(private readonly options: WorkspaceOptions = {}) {
    this.rules = new RuleRegistry(options.rules);
  }

  /** The model of a segment parsed anew, with what the checks of the segment alone find in it. */
  private deriveSegment(segment: PlanSegment, uri: string): SegmentModel {
    const model = buildSegmentModel(segment, uri);
    const local = this.rules.checkSegment(segment, model);
    if (local.length > 0) model.localProblems = local;
    model.hasDirective = hasDirective(segment);
    return model;
  }

  /** A rule's severity under the settings, or undefined when it is off. */
  private readonly severityOf = (code: string): Severity | undefined => this.rules.severity(code, this.settings.rules);

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
  private readonly float = new FloatAnalysis();
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
      file = new PlanFile(uri, (segment) => this.deriveSegment(segment, uri), this.options.segmented ?? true);
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
    // Plans by path: when two define a term differently, the order they were opened in does not matter.
    for (const file of [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
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
    /** Files whose every item is checked again: their problems are assembled whole. */
    const checkedWhole = new Set<string>();
    for (const file of files) {
      const asOf = this.settingAsOf() ?? file.asOf ?? workspaceAsOf;
      if (this.checkEverything || this.asOfUsed.get(file.uri) !== asOf) {
        this.asOfUsed.set(file.uri, asOf);
        // The status of an item depends on its file's asOf.
        this.effectiveCache = new WeakMap();
        for (const item of file.milestones) dirty.add(item);
        for (const item of file.features) dirty.add(item);
        changed.add(file.uri);
        checkedWhole.add(file.uri);
      }
    }
    const checkedEverything = this.checkEverything;
    this.checkEverything = false;
    // Codes whose overridden values changed are as if their entries had: what compares with them is checked again.
    const touched = new Set<string>(this.pendingCodes);
    this.pendingCodes.clear();
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
    // Float changes where dates, states or links changed: the touched IDs, those their old entries named, and the items on a cycle that came or went.
    const floatTouched = new Set(touched);
    for (const item of removed) for (const id of item.predecessorIdList) floatTouched.add(id);
    // A link that came or went may open or close a cycle: every item on one, before or after, is checked again.
    for (const id of this.dependencies.update(index, touched)) {
      floatTouched.add(id);
      for (const item of index.definitions(id)) dirty.add(item);
    }
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
      this.idSpelling.retain((word) => index.isPredecessor(word) || this.overriddenCodes().has(word));
      this.idAnswersKept = this.idSpelling.answered;
    }

    const problems = this.fileProblems;
    const plan = new EffectivePlan(index, this.codeOverrides, (uri) => this.asOfUsed.get(uri) ?? this.asOf(uri), this.effectiveCache, {
      problems: () => problems.values(),
      marksOf: (code) => this.rules.marksOf(code),
    });
    const network = this.floatNetwork(plan);
    if (checkedEverything) this.float.recompute(network);
    else this.float.update(network, floatTouched);
    const context = this.checkContext(plan);
    /** The segments of the items checked again, by file: their problems are assembled again. */
    const checkedSegments = new Map<string, Set<PlanSegment>>();
    for (const item of dirty) {
      if (!this.files.has(item.uri)) continue;
      const found = this.rules.checkItem(plan.of(item), context);
      item.checkedProblems = found.length > 0 ? found : noProblems;
      item.checkedBase = item.segment.base;
      item.segment.derived.problemsGeneration = -1;
      changed.add(item.uri);
      let segments = checkedSegments.get(item.uri);
      if (!segments) checkedSegments.set(item.uri, (segments = new Set()));
      segments.add(item.segment);
    }

    const glossaryChanged = this.assembledGeneration !== this.glossaryGeneration;
    if (glossaryChanged) {
      this.assembledGeneration = this.glossaryGeneration;
      for (const file of files) changed.add(file.uri);
    }
    for (const uri of changed) {
      const file = this.files.get(uri);
      if (!file) {
        if (!this.overrides.has(uri)) {
          problems.delete(uri);
          this.asOfUsed.delete(uri);
        }
        continue;
      }
      const segments = file.takeSegmentChanges();
      const previous = problems.get(uri);
      const whole = segments.everything || glossaryChanged || checkedWhole.has(uri) || !previous || previous.suppressible !== isSuppressible(file);
      problems.set(uri, whole ? this.assemble(file, glossary, context) : this.assembleChanges(file, glossary, context, previous, segments, checkedSegments.get(uri)));
    }
    // An overrides file's problems depend on which codes the plans define, and on the glossary.
    const idsChanged = idsAppeared.length > 0 || idsVanished.length > 0;
    for (const overrides of this.overrides.values()) {
      if (!checkedEverything && !glossaryChanged && !idsChanged && !this.overridesChanged.has(overrides.uri) && problems.has(overrides.uri)) continue;
      problems.set(overrides.uri, this.overridesProblems(overrides, plan, glossary));
      changed.add(overrides.uri);
    }
    for (const uri of this.overridesChanged) {
      if (this.overrides.has(uri)) continue;
      problems.delete(uri);
      changed.add(uri);
    }
    this.overridesChanged.clear();
    this.analysis = { index, plan, float: this.float, glossary, problems, changed };
    return this.analysis;
  }

  /**
   * A file's problems: for each segment, those of the segment alone and those its items' checks
   * found, as reported, kept with the segment (relative to it) until the glossary, the settings or
   * one of its items changes.
   */
  private assemble(file: PlanFile, glossary: Glossary, context: ItemCheckContext): FileProblems {
    if (file.tooLarge) {
      const problem = fileTooLarge(file.text, this.settings.maxFileSize);
      const reported = report(file.text, [problem], this.severityOf, false);
      return new FileProblems(reported.length > 0 ? [{ base: 0, text: file.text.slice(0, problem.end), problems: reported }] : [], false);
    }
    return new FileProblems(this.assembleGroups(file, glossary, context), isSuppressible(file));
  }

  /**
   * A file's problems after a change that left most segments as they were (see PlanFile's
   * SegmentChanges): only the touched segments and those of items checked again are assembled, and
   * the groups that came and went are told; the whole list is gathered only when asked for.
   */
  private assembleChanges(file: PlanFile, glossary: Glossary, context: ItemCheckContext, previous: FileProblems, changes: SegmentChanges, checked: ReadonlySet<PlanSegment> | undefined): FileProblems {
    const suppressible = isSuppressible(file);
    const removed: ProblemGroup[] = [];
    const added: ProblemGroup[] = [];
    for (const segment of changes.removed) if (segment.derived.problems.length > 0) removed.push({ base: segment.base, text: segment.text, problems: segment.derived.problems });
    const touched = checked ? new Set([...changes.touched, ...checked]) : changes.touched;
    for (const segment of touched) {
      if (changes.removed.has(segment)) continue;
      const model = segment.derived;
      const before = model.problems;
      const index = suppressible ? segmentAt(file.segments, segment.base) : 0;
      model.problems = this.segmentProblems(file, segment, glossary, context, suppressible);
      model.problemsGeneration = this.glossaryGeneration;
      model.problemsAfter = suppressible && index > 0 ? file.segments[index - 1]! : null;
      if (model.problems === before) continue;
      if (before.length > 0) removed.push({ base: segment.base, text: segment.text, problems: before });
      if (model.problems.length > 0) added.push({ base: segment.base, text: segment.text, problems: model.problems });
    }
    return new FileProblems(() => this.assembleGroups(file, glossary, context), suppressible, { previous, removed, added });
  }

  /** Every segment's problems, assembled again where they may be out of date, as groups in file order. */
  private assembleGroups(file: PlanFile, glossary: Glossary, context: ItemCheckContext): ProblemGroup[] {
    const mayBeSuppressed = isSuppressible(file);
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
    return groups;
  }

  /** The problems of one segment as reported, relative to it. */
  private segmentProblems(file: PlanFile, segment: PlanSegment, glossary: Glossary, context: ItemCheckContext, mayBeSuppressed: boolean): readonly ReportedProblem[] {
    const model = segment.derived;
    const found: Problem[] = [...model.localProblems, ...this.rules.checkProse(segment.text, model.freeText, glossary)];
    for (const items of [model.milestones, model.features]) {
      for (const item of items) {
        if (!item.checkedProblems) {
          const problems = this.rules.checkItem(context.plan.of(item), context);
          item.checkedProblems = problems.length > 0 ? problems : noProblems;
          item.checkedBase = segment.base;
        }
        for (const problem of item.checkedProblems) found.push(shiftedProblem(problem, -item.checkedBase));
      }
    }
    // Most segments have no problems: they share one empty list.
    if (found.length === 0) return noReported;
    const reported = report(file.textStore, found, this.severityOf, mayBeSuppressed, segment.base, model.freeText);
    return reported.length > 0 ? cappedProblems(reported) : noReported;
  }

  /** The network float is computed over, of `plan` (the effective plan, or what a move would make of it). */
  floatNetwork(plan: EffectivePlan): FloatNetwork {
    return new FloatNetwork(plan, this.dependencies, {
      criticalFloatDays: this.settings.criticalFloatDays,
      slipThresholdDays: this.rules.severity('slipped', this.settings.rules) ? this.settings.slipThresholdDays : undefined,
    });
  }

  /** What an item's checks may ask, over `plan`. */
  private checkContext(plan: EffectivePlan): ItemCheckContext {
    return {
      plan,
      slipThresholdDays: this.settings.slipThresholdDays,
      where: (item) => {
        const file = this.files.get(item.uri)!;
        return `${baseName(item.uri)}:${file.lineIndex.positionAt(item.idSpan.start).line + 1}`;
      },
      suggestFeature: (id) => this.featureSpelling.suggest(id),
      suggestId: (id) => this.idSpelling.suggest(id),
      cycleThrough: (id, predecessor) => this.dependencies.cycleThrough(id, predecessor),
    };
  }

  /**
   * The problems the checks of some entries would report over `plan` (the effective plan, or what a
   * move would make of it), severities and the disable comments applied: to tell what a change
   * would make fail or clear before it is made.
   */
  checkAsIf(plan: EffectivePlan, definitions: Iterable<PlanItem>): Map<PlanItem, ReportedProblem[]> {
    this.analyze();
    const context = this.checkContext(plan);
    const found = new Map<PlanItem, ReportedProblem[]>();
    for (const definition of definitions) {
      const file = this.files.get(definition.uri);
      if (!file) continue;
      found.set(definition, report(file.textStore, this.rules.checkItem(plan.of(definition), context), this.severityOf, true));
    }
    return found;
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
    return this.analyze().problems.get(uri)?.all ?? [];
  }

  setOverridesFile(uri: string, text: string): OverridesFile {
    const file = parseOverrides(uri, text);
    this.overrides.set(uri, file);
    this.applyOverrides(uri);
    return file;
  }

  removeOverridesFile(uri: string): void {
    if (!this.overrides.delete(uri)) return;
    this.applyOverrides(uri);
  }

  /** What the overrides set, read again; the codes whose values changed are checked again, with what compares with them. */
  private applyOverrides(uri: string): void {
    this.overridesChanged.add(uri);
    this.analysis = undefined;
    const byCode = overridesByCode(this.overrides.values());
    const signatures = new Map<string, string>();
    for (const [code, overrides] of byCode) signatures.set(code, overridesSignature(overrides));
    for (const code of new Set([...signatures.keys(), ...this.codeSignatures.keys()])) {
      if (signatures.get(code) !== this.codeSignatures.get(code)) this.pendingCodes.add(code);
    }
    // The values and the spans they come from are read anew (fixes edit them where they are now).
    this.codeOverrides = byCode;
    this.codeSignatures = signatures;
    this.effectiveCache = new WeakMap();
  }

  /** Codes the overrides files name, for "did you mean" of unknown codes to be kept. */
  private overriddenCodes(): Set<string> {
    const codes = new Set<string>();
    for (const file of this.overrides.values()) for (const entry of file.entries) codes.add(entry.code);
    return codes;
  }

  getOverridesFile(uri: string): OverridesFile | undefined {
    return this.overrides.get(uri);
  }

  allOverridesFiles(): OverridesFile[] {
    return [...this.overrides.values()];
  }

  /** A plan or an overrides file the service holds. */
  document(uri: string): PlanDocument | undefined {
    const plan = this.files.get(uri);
    if (plan) return planDocument(plan);
    const overrides = this.overrides.get(uri);
    return overrides && overridesDocument(overrides);
  }

  /** An overrides file's problems: its YAML, its schema, its dates, its codes, and the acronyms of its prose. */
  private overridesProblems(file: OverridesFile, plan: EffectivePlan, glossary: Glossary): FileProblems {
    const found = this.rules.checkOverrides(file, { plan, glossary, suggestId: (id) => this.idSpelling.suggest(id) });
    for (const problem of this.rules.checkProse(file.text, file.freeText, glossary)) found.push(problem);
    const reported = cappedProblems(report(file.text, found, this.severityOf, true, 0, file.freeText));
    return new FileProblems(reported.length > 0 ? [{ base: 0, text: file.text, problems: reported }] : []);
  }
}

/** Whether a segment's problems may depend on the segment before it: a directive at its end silences the next line. */
function isSuppressible(file: PlanFile): boolean {
  return file.whole || file.directives > 0;
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
