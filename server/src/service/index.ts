// The language service: one entry, `createPlanService()`, for every host — the language server, the
// command-line checker, a browser worker and the tests. Hosts give it files and settings; it answers
// in offsets of the files' texts, which the hosts convert to their own positions.
import type { PlanSnapshot } from '../../../common/planSnapshot';
import type { DateMove, MoveDateParams } from '../../../common/reschedule';
import { FileProblems, type ProblemGroup, type ReportedProblem } from './checks/problems';
import { codeLenses, type PlanLens } from './features/codeLenses';
import { fixAll, getCodeActions, type FixTargets, type PlanCodeAction } from './features/codeActions';
import { doComplete, type PlanCompletion } from './features/completion';
import { exportPlan, type ExportFormat } from './features/export';
import { criticalPathSteps, type CriticalPath } from './features/criticalPathSteps';
import { drivingPathSteps, type DrivingStep } from './features/drivingPathSteps';
import { exportGraph, type GraphFormat } from './features/graphExport';
import { foldingSpans } from './features/folding';
import { doHover, type HoverResult } from './features/hover';
import { inlayHints, type PlanHint } from './features/inlayHints';
import { documentLinks, type PlanLink } from './features/links';
import { definitions, itemIdAt, prepareRename, references, rename, type RenameCheck } from './features/navigation';
import { selectionSpans } from './features/selectionRanges';
import { movableAt, moveDate, previewMove, type MovePreview } from './features/reschedule';
import { planSnapshot } from './features/snapshot';
import { documentSymbols, workspaceSymbols, type OutlineSymbol, type WorkspaceSymbol } from './features/symbols';
import type { GlossaryEntry } from './glossary/glossary';
import type { PlanDocument } from './model/document';
import type { EffectiveItem, EffectivePlan } from './model/effectivePlan';
import type { OverridesFile } from './model/overrides';
import type { Occurrence } from './model/locate';
import { burndown, type Burndown } from './reports/burndown';
import { itemReport, type ItemReport, type ReportFormat, type ReportKind, type ReportOptions } from './reports/itemReports';
import type { PlanFile } from './model/planFile';
import type { PlanItem } from './model/planItem';
import type { RuleRegistry } from './rules/registry';
import type { Rule } from './rules/rule';
import type { Settings } from './settings';
import type { TextEdit, WorkspaceEdit } from './text/edits';
import type { TextChange } from './text/textStore';
import { Workspace, type Analysis, type WorkspaceOptions } from './workspace';
import type { Span } from './yaml/nodes';

export { FileProblems };
export type { Analysis, Burndown, CriticalPath, EffectiveItem, MovePreview, EffectivePlan, PlanDocument, Rule, DrivingStep, ExportFormat, GraphFormat, FixTargets, GlossaryEntry, HoverResult, ItemReport, Occurrence, OutlineSymbol, OverridesFile, PlanCodeAction, PlanCompletion, PlanFile, PlanHint, PlanItem, PlanLens, PlanLink, ProblemGroup, RenameCheck, ReportFormat, ReportKind, ReportedProblem, Settings, Span, TextChange, TextEdit, WorkspaceEdit, WorkspaceSymbol };

export interface PlanService {
  setSettings(settings: Partial<Settings>): void;
  getSettings(): Settings;
  /** Entries of the configured glossary files, in the order they apply, and words of the skip-list file. */
  setGlossaryFiles(entries: GlossaryEntry[], skip?: string[]): void;
  /** Gives the service a plan file's text; `edit`, when known, is what changed since the last text. */
  setFile(uri: string, text: string, edit?: TextEdit): void;
  /**
   * Applies an editor's changes to a plan file the service holds, each in the text the previous
   * ones left: the text is changed where they land, not copied (see text/textStore.ts).
   */
  editFile(uri: string, changes: readonly TextChange[]): void;
  removeFile(uri: string): void;
  getFile(uri: string): PlanFile | undefined;
  /** Gives the service an overrides file (`milestones.overrideFiles`): a map of corrections keyed by milestone code. */
  setOverridesFile(uri: string, text: string): void;
  removeOverridesFile(uri: string): void;
  getOverridesFile(uri: string): OverridesFile | undefined;
  /** A plan or an overrides file the service holds: what every request at a position is about. */
  document(uri: string): PlanDocument | undefined;
  allFiles(): PlanFile[];
  /** Brings the problems of every file up to date; `changed` names the files whose problems may differ. */
  analyze(): Analysis;
  /** The plans with the overrides files applied: each item's effective values, their origins, its status and marks. */
  effectivePlan(): EffectivePlan;
  /** The rules checked, with their codes, severities and descriptions. */
  readonly rules: RuleRegistry;
  problems(uri: string): ReportedProblem[];

  hover(uri: string, offset: number): HoverResult | undefined;
  complete(uri: string, offset: number): PlanCompletion[];
  codeActions(uri: string, range: Span, targets?: FixTargets): PlanCodeAction[];
  fixAll(uri: string): PlanCodeAction | undefined;
  definitions(uri: string, offset: number): PlanItem[];
  references(uri: string, offset: number, includeDefinition: boolean): Occurrence[];
  prepareRename(uri: string, offset: number): RenameCheck;
  rename(uri: string, offset: number, newId: string): { edits: WorkspaceEdit } | { message: string };
  /** The item the cursor is about: the ID under it, else the item whose entry holds it. */
  idAt(uri: string, offset: number): string | undefined;
  /** The driving path that ends at the item at the cursor, earliest first. */
  drivingPath(uri: string, offset: number): DrivingStep[];
  /** The critical chain the item at the cursor belongs to, earliest first; without an item there, the plan's last milestone's. */
  criticalPath(uri: string, offset: number): CriticalPath;
  documentSymbols(uri: string): OutlineSymbol[];
  workspaceSymbols(query: string): WorkspaceSymbol[];
  foldingRanges(uri: string): Span[];
  selectionRanges(uri: string, offset: number): Span[];
  documentLinks(uri: string): PlanLink[];
  inlayHints(uri: string, range: Span): PlanHint[];
  codeLenses(uri: string): PlanLens[];
  snapshot(): PlanSnapshot;
  /** What moving an item's expected date by `days` would do: alone, and pushing what it would break (docs/schedule-analysis.md). */
  previewMove(id: string, days: number): MovePreview;
  /** The item with a date at the cursor, which a "Move by N days…" action would move. */
  movableAt(uri: string, offset: number): string | undefined;
  /** The workspace edit of a move previewed and chosen; refused (with why) when the item's date changed since the preview. */
  moveDate(params: MoveDateParams): { edits: WorkspaceEdit; moves: DateMove[] } | { message: string };
  exportPlan(format: ExportFormat): string;
  /** The plan as a graph of milestones, features and their links: Graphviz DOT or a Mermaid gantt. */
  exportGraph(format: GraphFormat): string;
  /** The delayed or remaining items, as of the plans' asOf, in due-date order; or the items' float, or the critical chains. */
  report(kind: ReportKind, format: ReportFormat, options?: ReportOptions): ItemReport;
  /** Remaining items month by month, of those whose ID starts with one of `prefixes` (all when none). */
  burndown(prefixes: readonly string[]): Burndown;
}

export type PlanServiceOptions = WorkspaceOptions;

export function createPlanService(options: PlanServiceOptions = {}): PlanService {
  const workspace = new Workspace(options);
  /** Answers about a plan file the service knows, or `none` for any other. */
  const inFile = <T>(uri: string, none: T, answer: (file: PlanFile) => T): T => {
    const file = workspace.getFile(uri);
    return file ? answer(file) : none;
  };
  /** Answers about a plan or an overrides file the service knows, or `none` for any other. */
  const inDocument = <T>(uri: string, none: T, answer: (document: PlanDocument) => T): T => {
    const document = workspace.document(uri);
    return document ? answer(document) : none;
  };
  return {
    rules: workspace.rules,
    setSettings: (settings) => workspace.setSettings(settings),
    getSettings: () => workspace.getSettings(),
    setGlossaryFiles: (entries, skip) => workspace.setGlossaryFiles(entries, skip),
    setFile: (uri, text, edit) => void workspace.setFile(uri, text, edit),
    editFile: (uri, changes) => void workspace.editFile(uri, changes),
    removeFile: (uri) => workspace.removeFile(uri),
    setOverridesFile: (uri, text) => void workspace.setOverridesFile(uri, text),
    removeOverridesFile: (uri) => workspace.removeOverridesFile(uri),
    getOverridesFile: (uri) => workspace.getOverridesFile(uri),
    getFile: (uri) => workspace.getFile(uri),
    document: (uri) => workspace.document(uri),
    allFiles: () => workspace.allFiles(),
    analyze: () => workspace.analyze(),
    effectivePlan: () => workspace.analyze().plan,
    problems: (uri) => workspace.problems(uri),

    hover: (uri, offset) => inDocument(uri, undefined, (document) => doHover(workspace, document, offset)),
    complete: (uri, offset) => inDocument(uri, [], (document) => doComplete(workspace, document, offset)),
    codeActions: (uri, range, targets) => inDocument(uri, [], (document) => getCodeActions(workspace, document, range, targets)),
    fixAll: (uri) => inDocument(uri, undefined, (document) => fixAll(workspace, document)),
    definitions: (uri, offset) => definitions(workspace, uri, offset),
    references: (uri, offset, includeDefinition) => references(workspace, uri, offset, includeDefinition),
    prepareRename: (uri, offset) => prepareRename(workspace, uri, offset),
    rename: (uri, offset, newId) => rename(workspace, uri, offset, newId),
    idAt: (uri, offset) => inFile(uri, undefined, (file) => itemIdAt(file, offset)),
    drivingPath: (uri, offset) => inFile(uri, [], (file) => drivingPathSteps(workspace, itemIdAt(file, offset))),
    criticalPath: (uri, offset) => criticalPathSteps(workspace, inFile(uri, undefined, (file) => itemIdAt(file, offset))),
    documentSymbols: (uri) => inFile(uri, [], (file) => documentSymbols(workspace, file)),
    workspaceSymbols: (query) => workspaceSymbols(workspace, query),
    foldingRanges: (uri) => inFile(uri, [], (file) => foldingSpans(file)),
    selectionRanges: (uri, offset) => inFile(uri, [], (file) => selectionSpans(file, offset)),
    documentLinks: (uri) => inDocument(uri, [], (document) => documentLinks(document, workspace.getSettings().jiraBaseUrl)),
    inlayHints: (uri, range) => inFile(uri, [], (file) => inlayHints(workspace, file, range)),
    codeLenses: (uri) => inFile(uri, [], (file) => codeLenses(workspace, file)),
    snapshot: () => planSnapshot(workspace),
    previewMove: (id, days) => previewMove(workspace, id, days),
    moveDate: (params) => moveDate(workspace, params),
    movableAt: (uri, offset) => inFile(uri, undefined, (file) => movableAt(workspace, itemIdAt(file, offset))),
    exportPlan: (format) => exportPlan(workspace, format),
    exportGraph: (format) => exportGraph(workspace, format),
    report: (kind, format, options) => itemReport(workspace, kind, format, options),
    burndown: (prefixes) => burndown(workspace, prefixes),
  };
}
