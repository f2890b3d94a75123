// The language server's wiring, the same on Node and in a browser worker: LSP requests and
// notifications to the host and the service, their answers converted at the edge
// (lsp/convert.ts). The entries (server.ts, browserServer.ts) give it a connection and the files.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type CodeAction,
  type Command,
  type Connection,
  type Position,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { criticalPathRequest, drivingPathRequest, exportRequest, moveDateCommand, moveDateRequest, movePreviewRequest, idAtRequest, importScheduleRequest, planChangedNotification, planSnapshotRequest, trendRequest } from '../../common/requests';
import { trendSteps } from '../../common/trendSeries';
import { normalizeUri, type HostFileSystem } from './host/fileSystem';
import type { GlossaryProblem } from './host/glossaryFiles';
import type { PlanBaseline } from './host/planBaseline';
import type { PlanTrends } from './host/planTrend';
import type { PlanHistory } from './host/planHistory';
import { PlanHost } from './host/planHost';
import { importSchedule, type ScheduleReader } from './host/scheduleImport';
import { fixAllKind, rangeOf, toCodeAction, toCompletionItems, toDiagnostic, toDocumentSymbol, toFoldingRange, toGlossaryDiagnostic, toHover, toSelectionRange, toSymbolInformation, toWorkspaceEdit } from './lsp/convert';
import { Diagnostics } from './lsp/diagnostics';
import type { PlanFile } from './service';
import { LineIndex, type TextLines } from './service/text/lineIndex';
import { version as packageVersion } from './version';

/** What the server needs of where it runs. */
export interface ServerEnvironment {
  /** Plans, glossaries and other files: the disk on Node; the editor's file system in a browser. */
  fileSystem: HostFileSystem;
  /** Runs a callback after the messages already received: `setImmediate` on Node. */
  schedule: (callback: () => void) => void;
  /** Told how much text each keystroke replaced, for the Node server's idle collection. */
  textReplaced?: (bytes: number) => void;
  /** The plans' history from git, where git can run (Node): the hover's date history, the timeline's baseline and the trend. */
  history?: { dates: PlanHistory; baseline: PlanBaseline; trends: PlanTrends };
  /** Reads schedule files for the editor's import, where there is a disk (Node). */
  readSchedule?: ScheduleReader;
}

export function serveLanguage(connection: Connection, environment: ServerEnvironment): void {
  const host: PlanHost = new PlanHost(
    environment.fileSystem,
    {
      publish: (file, problems, version) => diagnostics.plan(file.uri, file.lineIndex, problems, version),
      publishOverrides: (uri, lines, problems, version) => diagnostics.list(uri, problems.map((problem) => toDiagnostic(lines, problem)), version),
      withdraw: (uri) => diagnostics.withdraw(uri),
      checked: () => diagnostics.checked(),
      planChanged: () => void connection.sendNotification(planChangedNotification),
      warn: (message) => connection.console.warn(message),
      glossaryProblems: (problems) => showGlossaryProblems(problems),
      textReplaced: environment.textReplaced,
    },
    environment.schedule,
  );
  const diagnostics = new Diagnostics(connection, host);
  const service = host.service;

  /** The glossary files with problems shown: the ones that no longer have any are cleared. */
  let glossaryFilesShown = new Set<string>();

  /** Glossary problems as diagnostics on their files and lines, and in the log; the host sends each change once. */
  function showGlossaryProblems(problems: readonly GlossaryProblem[]): void {
    const byFile = new Map<string, GlossaryProblem[]>();
    for (const problem of problems) {
      connection.console.warn(`${problem.uri}:${problem.line + 1}: ${problem.message}`);
      const list = byFile.get(problem.uri);
      if (list) list.push(problem);
      else byFile.set(problem.uri, [problem]);
    }
    for (const uri of glossaryFilesShown) if (!byFile.has(uri)) diagnostics.withdraw(uri);
    for (const [uri, list] of byFile) diagnostics.list(uri, list.map(toGlossaryDiagnostic), undefined);
    glossaryFilesShown = new Set(byFile.keys());
  }

  let clientCapabilities: { configuration: boolean; watchFiles: boolean; folders: boolean } = { configuration: false, watchFiles: false, folders: false };
  let initializationSettings: unknown;
  /** Whether the client runs the "Move by N days…" command (the extension does; other editors would not know it). */
  let movesWithCommand = false;

  connection.onInitialize((params) => {
    const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    host.setFolders(folders.length === 0 && params.rootUri ? [params.rootUri] : folders);
    const workspace = params.capabilities.workspace;
    clientCapabilities = { configuration: Boolean(workspace?.configuration), watchFiles: Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration), folders: Boolean(workspace?.workspaceFolders) };
    // Editors that cannot be asked for settings may give them here, as `{ milestones: {…} }` or the section itself.
    const options = params.initializationOptions as { milestones?: unknown } | undefined;
    initializationSettings = options?.milestones ?? options;
    movesWithCommand = (params.capabilities.experimental as { moveDateCommand?: unknown } | undefined)?.moveDateCommand === true;
    const diagnosticProvider = diagnostics.initialize(params.capabilities);
    return {
      capabilities: {
        ...(diagnosticProvider && { diagnosticProvider }),
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, CodeActionKind.RefactorRewrite], resolveProvider: false },
      },
      serverInfo: { name: 'Milestone YAML language server', version: packageVersion },
    };
  });

  /** The `milestones` settings: asked of the client when it can answer, else those given at initialization. */
  async function settings(): Promise<unknown> {
    if (!clientCapabilities.configuration) return initializationSettings;
    try {
      return await connection.workspace.getConfiguration({ section: 'milestones' });
    } catch {
      return initializationSettings;
    }
  }

  connection.onInitialized(async () => {
    if (clientCapabilities.folders) connection.workspace.onDidChangeWorkspaceFolders((event) => host.changeFolders(event.added.map((folder) => folder.uri), event.removed.map((folder) => folder.uri)));
    if (clientCapabilities.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'milestones' });
    if (clientCapabilities.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.milestones.{yaml,yml}' }, { globPattern: '**/*.{csv,txt,yaml,yml}' }],
      });
    }
    await host.start(await settings());
  });

  connection.onDidChangeConfiguration(async (params) => {
    const pushed = (params.settings as { milestones?: unknown } | null)?.milestones;
    await host.configure(clientCapabilities.configuration ? await settings() : (pushed ?? initializationSettings));
  });

  // The extension gives the server every YAML document, and so do editors that start it for every
  // YAML file (Sublime's LSP, a `yaml` filetype): the host classifies each (common/documentKinds.ts)
  // and checks only plans and the overrides files the settings name — again when the settings change.
  connection.onDidOpenTextDocument(({ textDocument }) => {
    diagnostics.documentOpened(textDocument.uri);
    host.open(textDocument.uri, textDocument.version, textDocument.text, textDocument.languageId);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    diagnostics.documentChanged(textDocument.uri);
    host.change(textDocument.uri, textDocument.version, contentChanges);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    diagnostics.documentClosed(textDocument.uri);
    void host.close(textDocument.uri);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => host.filesChanged(changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted }))));

  /** The plan file a request is about, or undefined when it is not a plan the service knows. */
  function planFile(uri: string): PlanFile | undefined {
    return host.getFile(uri);
  }

  /** The file and offset of a position, for requests at the cursor. */
  function at(uri: string, position: Position): { file: PlanFile; offset: number } | undefined {
    const file = planFile(uri);
    return file && { file, offset: file.lineIndex.offsetAt(position) };
  }

  /** A plan or an overrides file the service holds: the documents every request at a position is about. */
  function documentOf(uri: string): { uri: string; lineIndex: TextLines } | undefined {
    return service.document(normalizeUri(uri))?.file;
  }

  /** The URI and offset of a position in a plan or an overrides file, for the requests that serve both. */
  function atItem(uri: string, position: Position): { uri: string; offset: number; lineIndex: TextLines } | undefined {
    const file = documentOf(uri);
    return file && { uri: file.uri, offset: file.lineIndex.offsetAt(position), lineIndex: file.lineIndex };
  }

  /** The line index of a file an edit lands in: a plan, an overrides file, or the glossary file or skip list. */
  function linesOf(uri: string): TextLines {
    const document = service.document(uri);
    if (document) return document.file.lineIndex;
    const { glossaryFile, skipFile } = host.fixTargets();
    return new LineIndex([glossaryFile, skipFile].find((target) => target?.uri === uri)?.text ?? '');
  }

  // The plan as a whole waits for the workspace to be indexed: a server just (re)started would
  // otherwise answer with an empty plan, and the tree and timeline would show it.
  connection.onRequest(planSnapshotRequest, async () => {
    await host.ready;
    const snapshot = service.snapshot();
    const baseline = await environment.history?.baseline.of(service.getSettings().baselineRevision, host.workspaceFolders());
    return baseline ? { ...snapshot, baseline } : snapshot;
  });

  connection.onRequest(trendRequest, async (params) => {
    await host.ready;
    if (!environment.history) return { history: null, reason: 'The trend is read from git, which this server cannot run (in a browser).', version: null };
    const every = trendSteps.includes(params.every) ? params.every : 'month';
    return environment.history.trends.of(every, host.workspaceFolders(), host.overridesFilesOnDisk());
  });

  connection.onRequest(exportRequest, async (params) => {
    await host.ready;
    return service.exportPlan(params.format === 'tex' ? 'tex' : 'md');
  });

  connection.onRequest(importScheduleRequest, async (params) => {
    await host.ready;
    return importSchedule(params, service, environment.readSchedule, (uri) => URI.parse(uri).fsPath);
  });

  connection.onRequest(idAtRequest, (params) => {
    const context = at(params.uri, params.position);
    return (context && service.idAt(context.file.uri, context.offset)) ?? null;
  });

  connection.onRequest(drivingPathRequest, async (params) => {
    await host.ready;
    const context = at(params.uri, params.position);
    return context ? service.drivingPath(context.file.uri, context.offset) : [];
  });

  connection.onRequest(criticalPathRequest, async (params) => {
    await host.ready;
    const context = at(params.uri, params.position);
    return service.criticalPath(context?.file.uri ?? normalizeUri(params.uri), context?.offset ?? 0);
  });

  connection.onHover(async ({ textDocument, position }) => {
    const context = atItem(textDocument.uri, position);
    const hover = context && service.hover(context.uri, context.offset);
    if (!hover) return null;
    // The lines of the text hovered, kept while git is read: the document may change meanwhile.
    const lines = context.lineIndex;
    // On an ID, the date history of the item where it is defined, from git.
    const [item] = service.definitions(context.uri, context.offset);
    const history = item && environment.history && service.getSettings().hoverHistory ? await environment.history.dates.markdown(item.uri, item.id) : undefined;
    return toHover(lines, history ? { ...hover, markdown: `${hover.markdown}\n\n${history}` } : hover);
  });

  connection.onDefinition(({ textDocument, position }) => {
    const context = atItem(textDocument.uri, position);
    return context ? service.definitions(context.uri, context.offset).map((item) => ({ uri: item.uri, range: rangeOf(linesOf(item.uri), item.idSpan) })) : null;
  });

  connection.onReferences(({ textDocument, position, context: { includeDeclaration } }) => {
    const context = atItem(textDocument.uri, position);
    return context ? service.references(context.uri, context.offset, includeDeclaration).map((found) => ({ uri: found.uri, range: rangeOf(linesOf(found.uri), found.span) })) : null;
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const context = atItem(textDocument.uri, position);
    if (!context) return null;
    const check = service.prepareRename(context.uri, context.offset);
    if (!check.ok) throw new ResponseError(ErrorCodes.InvalidRequest, check.message);
    return { range: rangeOf(context.lineIndex, check.span), placeholder: check.id };
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const context = atItem(textDocument.uri, position);
    if (!context) return null;
    const result = service.rename(context.uri, context.offset, newName.trim());
    if ('message' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    return toWorkspaceEdit(result.edits, linesOf);
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const file = planFile(textDocument.uri);
    return file ? service.documentSymbols(file.uri).map((symbol) => toDocumentSymbol(file.lineIndex, symbol)) : null;
  });

  connection.onWorkspaceSymbol(({ query }) => service.workspaceSymbols(query).map((symbol) => toSymbolInformation(linesOf(symbol.uri), symbol)));

  connection.onFoldingRanges(({ textDocument }) => {
    const file = planFile(textDocument.uri);
    return file ? service.foldingRanges(file.uri).flatMap((span) => toFoldingRange(file.lineIndex, span) ?? []) : null;
  });

  connection.onSelectionRanges(({ textDocument, positions }) => {
    const file = planFile(textDocument.uri);
    if (!file) return null;
    return positions.map((position) => toSelectionRange(file.lineIndex, service.selectionRanges(file.uri, file.lineIndex.offsetAt(position))) ?? { range: { start: position, end: position } });
  });

  connection.onDocumentLinks(({ textDocument }) => {
    const file = documentOf(textDocument.uri);
    return file ? service.documentLinks(file.uri).map((link) => ({ range: rangeOf(file.lineIndex, link.span), target: link.target, tooltip: link.tooltip })) : null;
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const file = planFile(textDocument.uri);
    if (!file) return null;
    const span = { start: file.lineIndex.offsetAt(range.start), end: file.lineIndex.offsetAt(range.end) };
    return service.inlayHints(file.uri, span).map((hint) => ({ position: file.lineIndex.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true }));
  });

  connection.onCodeLens(({ textDocument }) => {
    const file = planFile(textDocument.uri);
    return file ? service.codeLenses(file.uri).map((lens) => ({ range: rangeOf(file.lineIndex, lens.span), command: { title: lens.title, command: '' } })) : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const context = atItem(textDocument.uri, position);
    if (!context) return null;
    // Narrowed by what was typed: ask again as the word grows or shrinks.
    return { isIncomplete: true, items: toCompletionItems(context.lineIndex, service.complete(context.uri, context.offset)) };
  });

  connection.onCodeAction(({ textDocument, range, context: { only } }) => {
    const file = documentOf(textDocument.uri);
    if (!file) return null;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions = wants(CodeActionKind.QuickFix) ? service.codeActions(file.uri, { start: file.lineIndex.offsetAt(range.start), end: file.lineIndex.offsetAt(range.end) }, host.fixTargets()) : [];
    const all = wants(fixAllKind) ? service.fixAll(file.uri) : undefined;
    if (all) actions.push(all);
    const converted: (CodeAction | Command)[] = actions.map((action) => toCodeAction(action, file.lineIndex, linesOf));
    const movable = movesWithCommand && wants(CodeActionKind.RefactorRewrite) ? service.movableAt(file.uri, file.lineIndex.offsetAt(range.start)) : undefined;
    if (movable) {
      const title = `Move ${movable} by N days…`;
      converted.push({ title, kind: CodeActionKind.RefactorRewrite, command: { title, command: moveDateCommand, arguments: [{ id: movable }] } });
    }
    return converted;
  });

  connection.onRequest(movePreviewRequest, async (params) => {
    await host.ready;
    return service.previewMove(params.id, params.days);
  });

  connection.onRequest(moveDateRequest, async (params) => {
    await host.ready;
    const made = service.moveDate(params);
    return 'message' in made ? made : { edit: toWorkspaceEdit(made.edits, linesOf) };
  });

  connection.listen();
}
