// The VS Code extension: starts the language server for milestone plans and adds what shows the
// plan the server knows — a tree view, a timeline, a status bar summary — and the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { exportRequest, idAtRequest, planChangedNotification, planSnapshotRequest, type ExportParams, type IdAtParams, type Location, type PlanSnapshot } from '../../common/protocol';
import { serverExecArgv } from '../../common/serverFlags';
import { TimelinePanel, timelineViewType, type TimelineSource } from './timeline/timelinePanel';
import { PlanTreeProvider } from './tree/treeProvider';
import { statusText, problemBadge } from './tree/planTree';

let client: LanguageClient | undefined;

/** The plan as the server last described it, refreshed when the server says it changed. */
class PlanModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: Promise<PlanSnapshot> | undefined;

  constructor(private readonly languageClient: LanguageClient) {}

  get(): Promise<PlanSnapshot> {
    if (!this.current) {
      const request = this.languageClient.sendRequest<PlanSnapshot>(planSnapshotRequest);
      this.current = request;
      // A request that failed (the server died under it) must not be the answer for ever after.
      request.catch(() => {
        if (this.current === request) this.current = undefined;
      });
    }
    return this.current;
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Tells the user something about the server, with a button that restarts it when `offerRestart`. */
type ServerNotice = (message: string, offerRestart: boolean) => void;

const showServerNotice: ServerNotice = (message, offerRestart) => {
  void vscode.window.showWarningMessage(message, ...(offerRestart ? ['Restart'] : [])).then((choice) => {
    if (choice === 'Restart') void vscode.commands.executeCommand('milestones.restartServer');
  });
};

/**
 * What the user sees when the server process dies: it is restarted, with one short message per
 * crash instead of the client's notifications with stack traces; after `maxCrashes` crashes within
 * `crashWindowMs` it stays stopped, and the message offers to start it again.
 */
class ServerCrashHandler implements ErrorHandler {
  static readonly maxCrashes = 4;
  static readonly crashWindowMs = 3 * 60 * 1000;
  private crashes: number[] = [];

  constructor(private readonly notify: ServerNotice = showServerNotice) {}

  // Read and write errors come with a dying process; its close decides what happens.
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((time) => now - time < ServerCrashHandler.crashWindowMs);
    this.crashes.push(now);
    if (this.crashes.length > ServerCrashHandler.maxCrashes) {
      this.notify(`Milestone YAML's server stopped ${this.crashes.length} times in ${ServerCrashHandler.crashWindowMs / 60_000} minutes and was not restarted. The Output view "Milestone YAML" has details.`, true);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.notify("Milestone YAML's server stopped and was restarted.", false);
    return { action: CloseAction.Restart, handled: true };
  }
}

/**
 * The client, minus its own error notifications ("couldn't create connection to server" with an
 * error code, "Restarting server failed", …): errors still go to the output channel, and the user
 * hears from ServerCrashHandler and the start-failure handler instead, once and in words.
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

/** Why the server did not start, in words: a process that died mid-start leaves a JSON-RPC error. */
function startFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /connection got disposed|connection is closed/i.test(message) ? 'it stopped while starting' : message;
}

const serverStoppedMessage = "Milestone YAML's server is not running: the plan may be out of date. Run \"Milestones: Restart Language Server\" to start it.";

/** Why the plan the tree and the timeline show may be out of date, or undefined while the server runs. */
function staleReason(languageClient: LanguageClient): string | undefined {
  return languageClient.state === State.Stopped ? serverStoppedMessage : undefined;
}

/** Says that the server could not start (or restart), why, and where the details are. */
function notifyStartFailure(verb: string, error: unknown): void {
  showServerNotice(`Milestone YAML's server could not ${verb}: ${startFailureReason(error)}. The Output view "Milestone YAML" has details.`, true);
}

/** What `activate` returns to other extensions — used by the extension-host tests to read the tree. */
export interface MilestonesApi {
  planTree: vscode.TreeDataProvider<unknown>;
}

// A command run from a menu gets the clicked item as its argument; only a Uri names a target file.
function asUri(argument: unknown): vscode.Uri | undefined {
  return argument instanceof vscode.Uri ? argument : undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<MilestonesApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: serverExecArgv } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'milestone-yaml' }],
    synchronize: { configurationSection: 'milestones' },
    // A crash is restarted; the user sees one short message, not a stack trace. Failed requests
    // and connection errors are written to the output channel only.
    errorHandler: new ServerCrashHandler(),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      notifyStartFailure('start', error);
      return false;
    },
  };
  const languageClient = new QuietLanguageClient('milestones', 'Milestone YAML', serverOptions, clientOptions);
  client = languageClient;
  const plan = new PlanModel(languageClient);
  context.subscriptions.push(plan);

  // Tree view.
  const tree = new PlanTreeProvider(plan);
  const view = vscode.window.createTreeView('milestones.plan', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(view, tree);

  // Status bar.
  const status = vscode.window.createStatusBarItem('milestones.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Milestone plan problems';
  status.command = 'milestones.plan.focus';
  context.subscriptions.push(status);

  const refresh = async () => {
    try {
      const snapshot = await plan.get();
      const badge = problemBadge(snapshot);
      view.badge = badge.value > 0 ? badge : undefined;
      status.text = statusText(snapshot);
      status.tooltip = `Milestone plan: ${badge.tooltip}. Click to open the plan.`;
      if (snapshot.milestones.length > 0 || Object.keys(snapshot.features).length > 0) status.show();
      else status.hide();
    } catch {
      status.hide(); // the server is restarting; the next change refreshes
    }
  };
  context.subscriptions.push(plan.onDidChange(() => void refresh()));

  const reveal = async (location: Location | undefined) => {
    if (!location) return;
    const uri = vscode.Uri.parse(location.uri);
    const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
    await vscode.window.showTextDocument(uri, { selection: range, preview: true });
  };
  const revealId = async (id: string) => {
    const snapshot = await plan.get();
    const item = snapshot.milestones.find((milestone) => milestone.id === id) ?? snapshot.features[id];
    await reveal(item?.location);
  };

  const serverStateChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(serverStateChanged);
  const timelineSource: TimelineSource = {
    getPlan: () => plan.get(),
    onDidChangePlan: plan.onDidChange,
    reveal: revealId,
    idAt: () => undefined,
    staleReason: () => staleReason(languageClient),
    onDidChangeStaleReason: serverStateChanged.event,
  };
  // The cursor's ID comes from the server; the panel asks synchronously, so keep the latest answer.
  let cursorId: string | undefined;
  const followCursor = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== 'milestone-yaml' || languageClient.state !== State.Running) return;
    const params: IdAtParams = { uri: editor.document.uri.toString(), position: editor.selection.active };
    cursorId = (await languageClient.sendRequest<string | null>(idAtRequest, params)) ?? undefined;
  };
  timelineSource.idAt = () => cursorId;
  context.subscriptions.push(vscode.window.onDidChangeTextEditorSelection((event) => void followCursor(event.textEditor)));

  /** Exports to `target`, or where the user picks; a caller (a task, a test) may name the file. */
  const exportPlan = async (format: ExportParams['format'], target?: vscode.Uri) => {
    const text = await languageClient.sendRequest<string>(exportRequest, { format } satisfies ExportParams);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target ??= await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, format === 'md' ? 'releases.md' : 'releases.tex') : undefined,
      filters: format === 'md' ? { Markdown: ['md'] } : { LaTeX: ['tex'] },
      title: `Export the plan as ${format === 'md' ? 'Markdown' : 'LaTeX'}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    // Not awaited: the command is done when the file is written, not when the message is closed.
    const written = target;
    void vscode.window.showInformationMessage(`Exported the plan to ${vscode.workspace.asRelativePath(written)}.`, 'Open').then((open) => {
      if (open) void vscode.window.showTextDocument(written);
    });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('milestones.showTimeline', () => TimelinePanel.show(context, timelineSource)),
    vscode.commands.registerCommand('milestones.exportMarkdown', (target?: vscode.Uri) => exportPlan('md', asUri(target))),
    vscode.commands.registerCommand('milestones.exportLatex', (target?: vscode.Uri) => exportPlan('tex', asUri(target))),
    vscode.commands.registerCommand('milestones.goToMilestone', async () => {
      const snapshot = await plan.get();
      const picked = await vscode.window.showQuickPick(
        snapshot.milestones.map((milestone) => ({ label: milestone.id, description: milestone.name, detail: `due ${milestone.due ?? '—'}${milestone.completed ? ` · completed ${milestone.completed}` : ''} · ${milestone.state}`, location: milestone.location })),
        { placeHolder: 'Go to milestone', matchOnDescription: true, matchOnDetail: false },
      );
      await reveal(picked?.location);
    }),
    vscode.commands.registerCommand('milestones.restartServer', async () => {
      try {
        await languageClient.restart();
      } catch (error) {
        notifyStartFailure('restart', error);
      }
      plan.invalidate();
    }),
    vscode.commands.registerCommand('milestones.reveal', (location: Location | undefined) => reveal(location)),
    vscode.commands.registerCommand('milestones.tree.showInTimeline', async (item?: { id: string; location?: Location }) => {
      TimelinePanel.show(context, timelineSource);
      // The timeline highlights what the cursor is on: put it on the item.
      if (item?.location) await reveal(item.location);
    }),
    vscode.commands.registerCommand('milestones.tree.goToDefinition', (item?: { location?: Location }) => reveal(item?.location)),
    vscode.commands.registerCommand('milestones.tree.onlyProblems', () => tree.setOnlyProblems(true)),
    vscode.commands.registerCommand('milestones.tree.allItems', () => tree.setOnlyProblems(false)),
    vscode.window.registerWebviewPanelSerializer(timelineViewType, {
      deserializeWebviewPanel: async (panel) => {
        TimelinePanel.revive(panel, context, timelineSource);
      },
    }),
  );

  languageClient.onNotification(planChangedNotification, () => plan.invalidate());
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) plan.invalidate();
      // With no server, the tree shows the plan as it last was: say so, and how to get it back.
      view.message = staleReason(languageClient);
      serverStateChanged.fire();
    }),
  );
  await languageClient.start();
  void vscode.commands.executeCommand('setContext', 'milestones.active', true);
  return { planTree: tree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
