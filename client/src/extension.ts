// The VS Code extension: starts the language server for milestone plans and adds what shows the
// plan the server knows — a tree view, a timeline, a status bar summary — and the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportRequest, idAtRequest, planChangedNotification, planSnapshotRequest, type ExportParams, type IdAtParams, type Location, type PlanSnapshot } from '../../common/protocol';
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
    this.current ??= this.languageClient.sendRequest<PlanSnapshot>(planSnapshotRequest);
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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'milestone-yaml' }],
    synchronize: { configurationSection: 'milestones' },
    // A crash is restarted by the client; the user sees one short message, not a stack trace.
    initializationFailedHandler: (error) => {
      void vscode.window.showErrorMessage(`Milestone YAML: the language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  };
  const languageClient = new LanguageClient('milestones', 'Milestone YAML', serverOptions, clientOptions);
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

  const timelineSource: TimelineSource = {
    getPlan: () => plan.get(),
    onDidChangePlan: plan.onDidChange,
    reveal: revealId,
    idAt: () => undefined,
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

  const exportPlan = async (format: ExportParams['format']) => {
    const text = await languageClient.sendRequest<string>(exportRequest, { format } satisfies ExportParams);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, format === 'md' ? 'releases.md' : 'releases.tex') : undefined,
      filters: format === 'md' ? { Markdown: ['md'] } : { LaTeX: ['tex'] },
      title: `Export the plan as ${format === 'md' ? 'Markdown' : 'LaTeX'}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const open = await vscode.window.showInformationMessage(`Exported the plan to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) await vscode.window.showTextDocument(target);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('milestones.showTimeline', () => TimelinePanel.show(context, timelineSource)),
    vscode.commands.registerCommand('milestones.exportMarkdown', () => exportPlan('md')),
    vscode.commands.registerCommand('milestones.exportLatex', () => exportPlan('tex')),
    vscode.commands.registerCommand('milestones.goToMilestone', async () => {
      const snapshot = await plan.get();
      const picked = await vscode.window.showQuickPick(
        snapshot.milestones.map((milestone) => ({ label: milestone.id, description: milestone.name, detail: `due ${milestone.due ?? '—'}${milestone.completed ? ` · completed ${milestone.completed}` : ''} · ${milestone.state}`, location: milestone.location })),
        { placeHolder: 'Go to milestone', matchOnDescription: true, matchOnDetail: false },
      );
      await reveal(picked?.location);
    }),
    vscode.commands.registerCommand('milestones.restartServer', async () => {
      await languageClient.restart();
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
    }),
  );
  await languageClient.start();
  void vscode.commands.executeCommand('setContext', 'milestones.active', true);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
