// The workspace model: every plan file, parsed segment by segment, one index of IDs across all of
// them, one merged glossary, and the problems of each file. Pure: text in, model and problems out.
import { builtinGlossary } from './builtinGlossary';
import { buildIndex, checkDuplicateIds, checkItemDates, checkMilestoneFeatures, checkUnusedFeature, type CheckContext, type PlanIndex } from './checks';
import { isDate, today } from './dates';
import { findAcronyms, Glossary, type GlossaryEntry } from './glossary';
import { segmentModel, type AcronymDefinition, type PlanItem, type SegmentModel, type TopField } from './plan';
import { shifted, type Problem, type ReportedProblem } from './problems';
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

/** One plan file as last given to the workspace. */
export class PlanFile {
  readonly parser: SegmentParser;
  text = '';
  segments: Segment[] = [];
  /** True when the file could not be split into segments and was parsed whole. */
  whole = false;
  tooLarge = false;
  models: SegmentModel[] = [];
  milestones: PlanItem[] = [];
  features: PlanItem[] = [];
  acronyms: AcronymDefinition[] = [];
  top = new Map<string, TopField>();
  private lines: LineIndex | undefined;

  constructor(
    readonly uri: string,
    segmented = true,
  ) {
    this.parser = new SegmentParser(segmented);
  }

  /** `edit`, when given, is what changed since the previous text: it lets the parser re-split only around it. */
  update(text: string, maxFileSize: number, edit?: TextEdit): void {
    this.text = text;
    this.lines = undefined;
    this.tooLarge = text.length > maxFileSize;
    if (this.tooLarge) {
      this.segments = [];
      this.whole = true;
    } else {
      const parsed = this.parser.parse(text, edit);
      this.segments = parsed.segments;
      this.whole = parsed.whole;
    }
    const models: SegmentModel[] = new Array(this.segments.length);
    const milestones: PlanItem[] = [];
    const features: PlanItem[] = [];
    this.acronyms = [];
    this.top = new Map();
    for (let index = 0; index < this.segments.length; index++) {
      const segment = this.segments[index]!;
      const model = segmentModel(segment, this.uri);
      models[index] = model;
      for (let item = 0; item < model.milestones.length; item++) milestones.push(model.milestones[item]!);
      for (let item = 0; item < model.features.length; item++) features.push(model.features[item]!);
      const base = segment.base;
      for (const acronym of model.acronyms) this.acronyms.push({ ...acronym, keySpan: shifted(acronym.keySpan, base) });
      if (segment.section !== undefined) continue; // entries hold no top-level fields
      for (const [key, field] of model.top) {
        if (!this.top.has(key)) this.top.set(key, { ...field, keySpan: shifted(field.keySpan, base), valueSpan: shifted(field.valueSpan, base) });
      }
    }
    this.models = models;
    this.milestones = milestones;
    this.features = features;
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

export interface Analysis {
  index: PlanIndex;
  glossary: Glossary;
  /** Problems of each file, with their severity, suppressions applied. */
  problems: Map<string, ReportedProblem[]>;
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

  setSettings(settings: Partial<Settings>): void {
    const next = { ...defaultSettings, ...settings };
    const reparse = next.maxFileSize !== this.settings.maxFileSize;
    this.settings = next;
    this.glossary = undefined;
    this.analysis = undefined;
    if (reparse) for (const file of this.files.values()) file.update(file.text, next.maxFileSize);
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
    file.update(text, this.settings.maxFileSize, file.text.length - (edit ? edit.end - edit.start - edit.text.length : 0) === text.length ? edit : undefined);
    this.analysis = undefined;
    return file;
  }

  removeFile(uri: string): void {
    if (this.files.delete(uri)) this.analysis = undefined;
  }

  getFile(uri: string): PlanFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): PlanFile[] {
    return [...this.files.values()];
  }

  /** The date items of a file are judged against: the setting, else the plan's `asOf`, else today. */
  asOf(uri: string): string {
    if (this.settings.asOf && isDate(this.settings.asOf)) return this.settings.asOf;
    return this.files.get(uri)?.asOf ?? today();
  }

  getGlossary(): Glossary {
    const planEntries: GlossaryEntry[] = [];
    for (const file of this.files.values()) {
      for (const acronym of file.acronyms) {
        planEntries.push({ term: acronym.term, definition: acronym.definition, source: file.uri, tags: [], line: file.lineIndex.positionAt(acronym.keySpan.start).line });
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

  analyze(): Analysis {
    if (this.analysis) return this.analysis;
    const glossary = this.getGlossary();
    const files = [...this.files.values()];
    const milestones = files.flatMap((file) => file.milestones);
    const features = files.flatMap((file) => file.features);
    const index = buildIndex(milestones, features);
    const found = new Map<string, Problem[]>();
    for (const file of files) found.set(file.uri, this.localProblems(file, glossary));
    const asOfByUri = new Map(files.map((file) => [file.uri, this.asOf(file.uri)]));
    const context: CheckContext = {
      index,
      asOf: (uri) => asOfByUri.get(uri) ?? this.asOf(uri),
      where: (item) => {
        const file = this.files.get(item.uri)!;
        return `${baseName(item.uri)}:${file.lineIndex.positionAt(item.idSpan.start).line + 1}`;
      },
      report: (uri, problem) => found.get(uri)?.push(problem),
    };
    checkDuplicateIds(context);
    for (const milestone of milestones) checkMilestoneFeatures(milestone, context);
    for (const item of milestones) checkItemDates(item, context);
    for (const item of features) checkItemDates(item, context);
    for (const feature of features) checkUnusedFeature(feature, context);
    const problems = new Map<string, ReportedProblem[]>();
    for (const file of files) problems.set(file.uri, this.report(file, found.get(file.uri)!));
    this.analysis = { index, glossary, problems };
    return this.analysis;
  }

  problems(uri: string): ReportedProblem[] {
    return this.analyze().problems.get(uri) ?? [];
  }

  /** Problems that depend on one segment alone, cached with it. */
  private localProblems(file: PlanFile, glossary: Glossary): Problem[] {
    if (file.tooLarge) {
      const firstLineEnd = file.text.indexOf('\n');
      return [{
        code: 'file-too-large',
        message: `This file is ${formatSize(file.text.length)}, larger than the limit of ${formatSize(this.settings.maxFileSize)} (setting milestones.maxFileSize): it is not checked.`,
        start: 0,
        end: Math.min(firstLineEnd < 0 ? file.text.length : firstLineEnd, 200),
      }];
    }
    const problems: Problem[] = [];
    for (let index = 0; index < file.segments.length; index++) {
      const segment = file.segments[index]!;
      const model = file.models[index]!;
      const base = segment.base;
      for (const problem of model.problems) problems.push(shifted(problem, base));
      if (segment.acronymProblems?.generation !== this.glossaryGeneration) {
        segment.acronymProblems = { generation: this.glossaryGeneration, problems: this.acronymProblems(segment, model, glossary) };
      }
      const acronymProblems = segment.acronymProblems.problems as Problem[];
      for (const problem of acronymProblems) problems.push(shifted(problem, base));
    }
    return problems;
  }

  private acronymProblems(segment: Segment, model: SegmentModel, glossary: Glossary): Problem[] {
    const found: Problem[] = [];
    for (const node of model.freeText) {
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
    for (const problem of problems) {
      const severity = effectiveSeverity(problem.code, this.settings.rules);
      if (!severity) continue;
      if (isSuppressed(file.text, problem.start, problem.code)) continue;
      reported.push({ ...problem, severity });
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
