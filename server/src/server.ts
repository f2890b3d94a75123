// The language server: wires LSP requests and notifications to the pure service in ./service.
// Run as `node dist/server.js --stdio`.
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  ErrorCodes,
  MarkupKind,
  ResponseError,
  TextEdit,
  SymbolKind,
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Position,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { exportRequest, idAtRequest, planChangedNotification, planSnapshotRequest, type ExportParams, type IdAtParams, type PlanSnapshot } from '../../common/protocol';
import { fileUri, findPlanFiles, isPlanFile, loadGlossaries, uriPath } from './files';
import { noteReplacedText, tuneGarbageCollection } from './idleGc';
import type { ReportedProblem } from './service/problems';
import { ruleSettings, type RuleSetting } from './service/rules';
import { LineIndex } from './service/text';
import { doHover } from './service/hover';
import { exportPlan } from './service/export';
import { definitions, idAt, prepareRename, references, rename } from './service/navigation';
import { fixAll, getCodeActions, type FixTargets } from './service/codeActions';
import { doComplete } from './service/completion';
import { codeLenses, inlayHints } from './service/glance';
import { documentLinks } from './service/links';
import { planSnapshot } from './service/snapshot';
import { documentSymbols, foldingSpans, selectionSpans, workspaceSymbols, type OutlineSymbol } from './service/symbols';
import type { TextEdit as PlanEdit } from './service/segments';
import { defaultSettings, Workspace, type PlanFile, type Settings } from './service/workspace';

tuneGarbageCollection();
const connection = createConnection(ProposedFeatures.all);
/** The documents open in the editor, by normalized URI. */
const documents = new Map<string, TextDocument>();
const workspace = new Workspace();

let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let canWatchFiles = false;
let canFollowFolders = false;
let glossaryFiles: string[] = [];
let skipAcronymsFile = '';
let jiraBaseUrl = '';

/** The severities a file's diagnostics were last published with, to publish again only on change. */
const published = new Map<string, string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? []).map((folder) => uriPath(folder.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriPath(params.rootUri)];
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  canFollowFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: 'Milestone plan' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', '-', '[', ','], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
      // editing-help capabilities
    },
    serverInfo: { name: 'Milestone YAML language server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canFollowFolders) watchWorkspaceFolders();
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'milestones' });
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.milestones.{yaml,yml}' }, { globPattern: '**/*.{csv,txt,yaml,yml}' }],
    });
  }
  try {
    await loadSettings();
    await indexWorkspace();
  } finally {
    // Whatever went wrong is logged where it happened; what was indexed is served.
    markReady();
  }
});

connection.onDidChangeConfiguration(async () => {
  await loadSettings();
  scheduleValidation();
});

function watchWorkspaceFolders(): void {
  connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
    for (const removed of event.removed) {
      const folder = uriPath(removed.uri);
      workspaceFolders = workspaceFolders.filter((existing) => existing !== folder);
      for (const file of workspace.allFiles()) {
        if (uriPath(file.uri).startsWith(folder + path.sep) && !documents.get(file.uri)) forget(file.uri);
      }
    }
    for (const added of event.added) workspaceFolders.push(uriPath(added.uri));
    await indexWorkspace();
    scheduleValidation();
  });
}

async function loadSettings(): Promise<void> {
  let raw: Record<string, unknown> = {};
  if (canPullConfiguration) {
    try {
      raw = ((await connection.workspace.getConfiguration({ section: 'milestones' })) ?? {}) as Record<string, unknown>;
    } catch {
      raw = {};
    }
  }
  const settings = toSettings(raw);
  glossaryFiles = Array.isArray(raw.glossaryFiles) ? raw.glossaryFiles.filter((file): file is string => typeof file === 'string') : [];
  skipAcronymsFile = typeof raw.skipAcronymsFile === 'string' ? raw.skipAcronymsFile : '';
  jiraBaseUrl = typeof raw.jiraBaseUrl === 'string' ? raw.jiraBaseUrl : '';
  workspace.setSettings(settings);
  await reloadGlossaries();
}

export function toSettings(raw: Record<string, unknown>): Settings {
  const rules: Record<string, RuleSetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (ruleSettings.includes(value as RuleSetting)) rules[code] = value as RuleSetting;
    }
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return {
    rules,
    asOf: typeof raw.asOf === 'string' && raw.asOf !== '' ? raw.asOf : undefined,
    glossaryTags: strings(raw.glossaryTags),
    skipAcronyms: strings(raw.skipAcronyms),
    maxFileSize: typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 ? raw.maxFileSize : defaultSettings.maxFileSize,
  };
}

async function reloadGlossaries(): Promise<void> {
  const base = workspaceFolders[0] ?? process.cwd();
  const loaded = await loadGlossaries(glossaryFiles, skipAcronymsFile || undefined, base);
  workspace.setGlossaryFiles(loaded.entries, loaded.skip);
  for (const problem of loaded.problems) {
    connection.console.warn(`${problem.file}:${problem.line + 1}: ${problem.message}`);
  }
  if (loaded.problems.length > 0) {
    const first = loaded.problems[0]!;
    void connection.window.showWarningMessage(
      `Milestone YAML: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} reading glossary files; the first: ${path.basename(first.file)}:${first.line + 1}: ${first.message}`,
    );
  }
}

/** Reads every plan file under the workspace folders that is not open in the editor. */
async function indexWorkspace(): Promise<void> {
  for (const folder of workspaceFolders) {
    let files: string[];
    try {
      files = await findPlanFiles(folder);
    } catch {
      continue;
    }
    for (const file of files) {
      const uri = fileUri(file);
      if (documents.get(uri)) continue;
      await readFromDisk(uri);
    }
  }
}

async function readFromDisk(uri: string): Promise<void> {
  try {
    const text = await fs.readFile(uriPath(uri), 'utf8');
    workspace.setFile(uri, text.replace(/^\uFEFF/, ''));
  } catch {
    forget(uri);
  }
}

function forget(uri: string): void {
  workspace.removeFile(uri);
  if (published.has(uri)) {
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function normalize(uri: string): string {
  return URI.parse(uri).toString();
}

connection.onDidOpenTextDocument(({ textDocument }) => {
  const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
  documents.set(normalize(textDocument.uri), document);
  workspace.setFile(normalize(textDocument.uri), document.getText());
  noteReplacedText(textDocument.text.length);
  versionsToPublish.add(normalize(textDocument.uri));
  scheduleValidation();
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const document = documents.get(normalize(textDocument.uri));
  if (!document) return;
  // One ranged change (a keystroke) tells the service what changed, so it re-parses only there.
  let edit: PlanEdit | undefined;
  const [change] = contentChanges;
  if (contentChanges.length === 1 && change && 'range' in change) {
    edit = { start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text };
  }
  noteReplacedText(document.getText().length);
  const updated = TextDocument.update(document, contentChanges, textDocument.version);
  documents.set(normalize(textDocument.uri), updated);
  workspace.setFile(normalize(textDocument.uri), updated.getText(), edit);
  versionsToPublish.add(normalize(textDocument.uri));
  scheduleValidation();
});

connection.onDidCloseTextDocument(async ({ textDocument }) => {
  documents.delete(normalize(textDocument.uri));
  const uri = normalize(textDocument.uri);
  // A closed file stays in the model as it is on disk, or leaves it when it is gone or outside the workspace.
  if (isPlanFile(uriPath(uri)) && workspaceFolders.some((folder) => uriPath(uri).startsWith(folder + path.sep))) await readFromDisk(uri);
  else forget(uri);
  scheduleValidation();
});

connection.onDidChangeWatchedFiles(async (params) => {
  let glossaryChanged = false;
  for (const change of params.changes) {
    const uri = normalize(change.uri);
    const file = uriPath(uri);
    if (isPlanFile(file)) {
      if (documents.get(uri)) continue; // the editor's text wins over the disk's
      if (change.type === FileChangeType.Deleted) forget(uri);
      else await readFromDisk(uri);
    } else if (isConfiguredGlossary(file)) {
      glossaryChanged = true;
    }
  }
  if (glossaryChanged) await reloadGlossaries();
  scheduleValidation();
});

function isConfiguredGlossary(file: string): boolean {
  const base = workspaceFolders[0] ?? process.cwd();
  return [...glossaryFiles, skipAcronymsFile].some((configured) => configured !== '' && path.resolve(base, configured) === file);
}

/** Diagnostics wait until the settings are read and the workspace is indexed, so that the first ones are right. */
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

let validationScheduled = false;
function scheduleValidation(): void {
  if (validationScheduled) return;
  validationScheduled = true;
  void ready.then(() =>
    setImmediate(() => {
      validationScheduled = false;
      validate();
    }),
  );
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Open documents whose new version must get diagnostics even if its problems did not change. */
const versionsToPublish = new Set<string>();

function validate(): void {
  const analysis = workspace.analyze();
  for (const uri of new Set([...analysis.changed, ...versionsToPublish])) {
    const file = workspace.getFile(uri);
    if (!file) continue;
    const problems = analysis.problems.get(file.uri) ?? [];
    const document = documents.get(file.uri);
    const positionAt = document && document.getText() === file.text ? (offset: number) => document.positionAt(offset) : (offset: number) => file.lineIndex.positionAt(offset);
    const diagnostics = problems.map((problem) => toDiagnostic(problem, positionAt));
    if (!document) {
      // Files on disk are re-checked when others change; publish only when their problems do.
      const signature = JSON.stringify(diagnostics);
      if (published.get(file.uri) === signature) continue;
      published.set(file.uri, signature);
    } else {
      published.set(file.uri, '');
    }
    void connection.sendDiagnostics({ uri: file.uri, version: document?.version, diagnostics });
  }
  versionsToPublish.clear();
  void connection.sendNotification(planChangedNotification);
}

function toDiagnostic(problem: ReportedProblem, positionAt: (offset: number) => { line: number; character: number }): Diagnostic {
  return {
    range: { start: positionAt(problem.start), end: positionAt(problem.end) },
    severity: severities[problem.severity],
    code: problem.code,
    source: 'milestones',
    message: problem.message,
    data: problem.data,
  };
}

// The plan as a whole waits for the workspace to be indexed: a server just (re)started would
// otherwise answer with an empty plan, and the tree and timeline would show it.
connection.onRequest(planSnapshotRequest, async (): Promise<PlanSnapshot> => {
  await ready;
  return planSnapshot(workspace);
});

connection.onRequest(exportRequest, async (params: ExportParams): Promise<string> => {
  await ready;
  return exportPlan(workspace, params.format === 'tex' ? 'tex' : 'md');
});

connection.onRequest(idAtRequest, (params: IdAtParams): string | null => {
  const context = at(params.uri, params.position);
  return context ? (idAt(context.file, context.offset)?.id ?? null) : null;
});

/** The plan file and offset a request is about, or undefined when the file is not a plan the model knows. */
function at(uri: string, position: Position): { file: PlanFile; offset: number; document: TextDocument | undefined } | undefined {
  const file = workspace.getFile(normalize(uri));
  if (!file) return undefined;
  const document = documents.get(normalize(uri));
  const offset = document && document.getText() === file.text ? document.offsetAt(position) : file.lineIndex.offsetAt(position);
  return { file, offset, document };
}

/** Converts a span of a plan file to an LSP range. */
function rangeOf(file: PlanFile, span: { start: number; end: number }): Range {
  return { start: file.lineIndex.positionAt(span.start), end: file.lineIndex.positionAt(span.end) };
}

connection.onHover((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  const hover = doHover(workspace, context.file, context.offset);
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(context.file, hover.span) } : null;
});

connection.onDefinition((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  return definitions(workspace, context.file, context.offset).map((item) => locationOf(item.uri, item.idSpan));
});

connection.onReferences((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  return references(workspace, context.file, context.offset, params.context.includeDeclaration).map((occurrence) => locationOf(occurrence.uri, occurrence.span));
});

connection.onPrepareRename((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  const check = prepareRename(workspace, context.file, context.offset);
  if (!check.ok) throw new ResponseError(ErrorCodes.InvalidRequest, check.message);
  return { range: rangeOf(context.file, check.span), placeholder: check.id };
});

connection.onRenameRequest((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  const result = rename(workspace, context.file, context.offset, params.newName.trim());
  if ('message' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of result.edits) {
    const file = workspace.getFile(uri)!;
    changes[uri] = edits.map((edit) => TextEdit.replace(rangeOf(file, edit.span), edit.text));
  }
  return { changes };
});

function locationOf(uri: string, span: { start: number; end: number }): Location {
  const file = workspace.getFile(uri)!;
  return { uri, range: rangeOf(file, span) };
}

const symbolKinds = {
  section: SymbolKind.Namespace,
  milestone: SymbolKind.Event,
  feature: SymbolKind.Field,
  reference: SymbolKind.Key,
  acronym: SymbolKind.String,
} as const;

function toDocumentSymbol(file: PlanFile, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbolKinds[symbol.kind],
    range: rangeOf(file, symbol.span),
    selectionRange: rangeOf(file, symbol.selection),
    children: symbol.children.map((child) => toDocumentSymbol(file, child)),
  };
}

connection.onDocumentSymbol((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  return file ? documentSymbols(file).map((symbol) => toDocumentSymbol(file, symbol)) : null;
});

connection.onWorkspaceSymbol((params) =>
  workspaceSymbols(workspace, params.query).map((symbol) => ({
    name: symbol.name,
    containerName: symbol.detail,
    kind: symbol.kind === 'milestone' ? SymbolKind.Event : SymbolKind.Field,
    location: locationOf(symbol.uri, symbol.span),
  })),
);

connection.onFoldingRanges((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  const ranges: FoldingRange[] = [];
  for (const span of foldingSpans(file)) {
    const start = file.lineIndex.positionAt(span.start).line;
    const end = file.lineIndex.positionAt(span.end).line;
    // The fold ends on the last line with content; a span ending at a line's start belongs to the line before.
    const last = file.lineIndex.positionAt(span.end).character === 0 ? end - 1 : end;
    if (last > start) ranges.push({ startLine: start, endLine: last });
  }
  return ranges;
});

connection.onSelectionRanges((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  return params.positions.map((position) => {
    const context = at(params.textDocument.uri, position)!;
    let selection: SelectionRange | undefined;
    for (const span of selectionSpans(file, context.offset).reverse()) selection = { range: rangeOf(file, span), parent: selection };
    return selection ?? { range: { start: position, end: position } };
  });
});

connection.onDocumentLinks((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  return documentLinks(file, jiraBaseUrl).map((link) => ({ range: rangeOf(file, link.span), target: link.target, tooltip: link.tooltip }));
});

connection.languages.inlayHint.on((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  const span = { start: file.lineIndex.offsetAt(params.range.start), end: file.lineIndex.offsetAt(params.range.end) };
  return inlayHints(workspace, file, span).map((hint) => ({
    position: file.lineIndex.positionAt(hint.offset),
    label: hint.label,
    tooltip: hint.tooltip,
    paddingLeft: true,
  }));
});

connection.onCodeLens((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  return codeLenses(workspace, file).map((lens) => ({ range: rangeOf(file, lens.span), command: { title: lens.title, command: '' } }));
});

const completionKinds = {
  feature: CompletionItemKind.Reference,
  acronym: CompletionItemKind.Text,
  key: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  date: CompletionItemKind.Constant,
} as const;

connection.onCompletion((params) => {
  const context = at(params.textDocument.uri, params.position);
  if (!context) return null;
  const completions = doComplete(workspace, context.file, context.offset);
  // All completions replace the same word: convert its span once.
  const replaceRange = completions.length > 0 ? rangeOf(context.file, completions[0]!.replace) : undefined;
  const items = completions.map((completion) => ({
    label: completion.label,
    kind: completionKinds[completion.kind],
    detail: completion.detail,
    documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
    sortText: completion.sortText,
    filterText: completion.filterText,
    insertTextFormat: completion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(replaceRange!, completion.insertText),
  }));
  // Narrowed by what was typed: ask again as the word grows or shrinks.
  return { isIncomplete: true, items };
});

const fixAllKind = `${CodeActionKind.SourceFixAll}.milestones`;

/** The configured glossary file and skip list, as they are on disk, for fixes that add to them. */
function fixTargets(): FixTargets {
  const base = workspaceFolders[0] ?? process.cwd();
  const read = (configured: string | undefined) => {
    if (!configured) return undefined;
    const full = path.resolve(base, configured);
    try {
      return { uri: fileUri(full), name: configured, text: readFileSync(full, 'utf8') };
    } catch {
      return { uri: fileUri(full), name: configured, text: '' };
    }
  };
  return { glossaryFile: read(glossaryFiles[0]), skipFile: read(skipAcronymsFile || undefined) };
}

connection.onCodeAction((params) => {
  const file = workspace.getFile(normalize(params.textDocument.uri));
  if (!file) return null;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions = [];
  const targets = fixTargets();
  if (wants(CodeActionKind.QuickFix)) {
    const span = { start: file.lineIndex.offsetAt(params.range.start), end: file.lineIndex.offsetAt(params.range.end) };
    actions.push(...getCodeActions(workspace, file, span, targets));
  }
  // Edits land in plan files, or in the glossary file or skip list, which are not plans.
  const linesOf = (uri: string): LineIndex => {
    const plan = workspace.getFile(uri);
    if (plan) return plan.lineIndex;
    const other = [targets.glossaryFile, targets.skipFile].find((target) => target?.uri === uri);
    return new LineIndex(other?.text ?? '');
  };
  if (wants(fixAllKind)) {
    const all = fixAll(workspace, file);
    if (all) actions.push(all);
  }
  return actions.map((action) => ({
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : fixAllKind,
    isPreferred: action.isPreferred,
    diagnostics: action.problem ? [toDiagnostic(action.problem, (offset) => file.lineIndex.positionAt(offset))] : undefined,
    edit: {
      changes: Object.fromEntries(
        [...action.edits].map(([uri, edits]) => {
          const lines = linesOf(uri);
          return [uri, edits.map((edit) => TextEdit.replace({ start: lines.positionAt(edit.span.start), end: lines.positionAt(edit.span.end) }, edit.text))];
        }),
      ),
    },
  }));
});

// editing-help handlers

connection.listen();
