// The workspace model: every plan file, parsed segment by segment, one index of IDs across all of
// them, one merged glossary, and the problems of each file. Pure: text in, model and problems out.
import { builtinGlossary } from './builtinGlossary';
import { checkItem, PlanIndex, type CheckContext } from './checks';
import { isDate, today } from './dates';
import { findAcronyms, Glossary, type GlossaryEntry } from './glossary';
import { segmentModel, type AcronymDefinition, type PlanItem, type SegmentModel, type TopField } from './plan';
import { shifted, shiftedProblem, type Problem, type ReportedProblem } from './problems';
import { effectiveSeverity, type RuleCode, type RuleSetting } from './rules';
import { Segment, SegmentParser, type TextEdit } from './segments';
import { LineIndex } from './text';

export interface Settings {
  /** Severity per rule code. */
  rules: Partial<Record<string, RuleSetting>>;
  /** Overrides every plan's `asOf` when set. */
  asOf?: string;
  glossaryTags: string[];
  skipAcronyms: string[];
  maxFileSize: number;
}

export const defaultSettings: Settings = { rules: {}, glossaryTags: [], skipAcronyms: [], maxFileSize: 5 * 1024 * 1024 };

const noProblems: Problem[] = [];

/** One plan file as last given to the workspace. */
export class PlanFile {
  readonly parser: SegmentParser;
  text = '';
  segments: Segment[] = [];
  /** True when the file could not be split into segments and was parsed whole. */
  whole = false;
  tooLarge = false;
  private items: { milestones: PlanItem[]; features: PlanItem[] } | undefined;
  private fields: { acronyms: AcronymDefinition[]; top: Map<string, TopField> } | undefined;
  private lines: LineIndex | undefined;

  constructor(
    readonly uri: string,
    segmented = true,
  ) {
    this.parser = new SegmentParser(segmented, (segment) => segmentModel(segment, uri));
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
      const model = segmentModel(segment, this.uri);
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
      const model = segmentModel(segment, this.uri);
      const base = segment.base;
      for (const acronym of model.acronyms) fields.acronyms.push({ ...acronym, keySpan: shifted(acronym.keySpan, base) });
      if (segment.section !== undefined) continue;
      for (const [key, field] of model.top) {
        if (!fields.top.has(key)) fields.top.set(key, { ...field, keySpan: shifted(field.keySpan, base), valueSpan: shifted(field.valueSpan, base) });
      }
    }
    return fields;
  }

  /** `edit`, when given, is what changed since the previous text: it lets the parser re-split only around it. */
  update(text: string, maxFileSize: number, edit?: TextEdit): ItemChanges {
    this.text = text;
    this.lines = undefined;
    this.tooLarge = largerThan(text, maxFileSize);
    let removed: Segment[];
    let added: Segment[];
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
    return { removed: itemsOf(removed, this.uri), added: itemsOf(added, this.uri) };
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
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

/** The items a change of a file removed and added. */
export interface ItemChanges {
  removed: PlanItem[];
  added: PlanItem[];
}

function itemsOf(segments: readonly Segment[], uri: string): PlanItem[] {
  const items: PlanItem[] = [];
  for (const segment of segments) {
    const model = segmentModel(segment, uri);
    items.push(...model.milestones, ...model.features);
  }
  return items;
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
      file = new PlanFile(uri, this.options.segmented ?? true);
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
      featureIds: () => (featureIds ??= [...index.features.keys()]),
    };
    for (const item of dirty) {
      if (!this.files.has(item.uri)) continue;
      const problems = checkItem(item, context);
      item.checkedProblems = problems.length > 0 ? problems : noProblems;
      item.checkedBase = item.segment.base;
      item.segment.problemsGeneration = -1;
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
    if (file.tooLarge) {
      const firstLineEnd = file.text.indexOf('\n');
      return [{
        code: 'file-too-large',
        message: `This file is ${formatSize(utf8Length(file.text))}, larger than the limit of ${formatSize(this.settings.maxFileSize)} (setting milestones.maxFileSize): it is not checked.`,
        start: 0,
        end: Math.min(firstLineEnd < 0 ? file.text.length : firstLineEnd, 200),
      }];
    }
    const problems: Problem[] = [];
    for (const segment of file.segments) {
      if (segment.problemsGeneration !== this.glossaryGeneration) {
        segment.problems = this.segmentProblems(segment, file.uri, glossary, context);
        segment.problemsGeneration = this.glossaryGeneration;
      }
      const found = segment.problems as Problem[];
      for (let index = 0; index < found.length; index++) problems.push(shiftedProblem(found[index]!, segment.base));
    }
    return problems;
  }

  /** The problems of one segment, relative to it. */
  private segmentProblems(segment: Segment, uri: string, glossary: Glossary, context: CheckContext): Problem[] {
    const model = segmentModel(segment, uri);
    const found: Problem[] = [...model.problems, ...this.acronymProblems(segment, model, glossary)];
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

  private acronymProblems(segment: Segment, model: SegmentModel, glossary: Glossary): Problem[] {
    const found: Problem[] = [];
    for (let index = 0; index < model.freeText.length; index += 2) {
      const node = { start: model.freeText[index]!, end: model.freeText[index + 1]! };
      const source = segment.text.slice(node.start, node.end);
      for (const hit of findAcronyms(source, glossary)) {
        if (hit.known) continue;
        const suggestion = glossary.suggest(hit.term);
        const meaning = suggestion ? glossary.preferred(suggestion)?.definition : undefined;
        found.push({
          code: 'unknown-acronym',
          message: suggestion
            ? `Unknown acronym ${hit.term}: did you mean ${suggestion}${meaning ? ` (${meaning})` : ''}?`
            : `Unknown acronym ${hit.term}: no glossary defines it. Add it to the plan's acronyms or a glossary, or to the skip list.`,
          start: node.start + hit.start,
          end: node.start + hit.end,
          data: { kind: 'acronym', term: hit.term, suggestion },
        });
      }
    }
    return found;
  }

  /** Applies severities and `# milestones-disable-next-line` comments, and orders by position. */
  private report(file: PlanFile, problems: Problem[]): ReportedProblem[] {
    const reported: ReportedProblem[] = [];
    const mayBeSuppressed = file.segments.some((segment) => segment.hasDirective) || file.whole;
    for (const problem of problems) {
      const severity = effectiveSeverity(problem.code, this.settings.rules);
      if (!severity) continue;
      if (mayBeSuppressed && isSuppressed(file.text, problem.start, problem.code)) continue;
      reported.push({ code: problem.code, message: problem.message, start: problem.start, end: problem.end, data: problem.data, severity });
    }
    reported.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return reported;
  }
}

const directive = /#\s*milestones-disable-next-line\b([^\n]*)/;

/** Whether the line above `offset` is a comment that silences `code` (or every rule when it names none). */
export function isSuppressed(text: string, offset: number, code: RuleCode): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart === 0) return false;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = text.slice(previousStart, lineStart - 1);
  const match = directive.exec(previous);
  if (!match || previous.slice(0, match.index).trim() !== '') return false;
  const codes = match[1]!.replace(/#.*$/, '').split(/[\s,]+/).filter(Boolean);
  return codes.length === 0 || codes.includes(code);
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The size of `text` in UTF-8, as the file has it on disk, counting no further than `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether `text` is larger than `limit` bytes in UTF-8; decided by its length alone when it can be, as it is on every keystroke. */
function largerThan(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every character takes at least one byte
  if (text.length * 3 <= limit) return false; // and at most three (a pair of two takes four)
  return utf8Length(text, limit) > limit;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
