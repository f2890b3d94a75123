// What the timeline and burndown panels share: their webview's options, sending the plan and the
// server's status, and saving an image the page exported (validated by messages.ts) where the user chooses.
import * as vscode from 'vscode';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import type { ToTimeline } from '../../../common/timelineMessages';
import { pngBytes } from './messages';
import { makeNonce, timelineHtml } from './timelineHtml';
import type { TimelineSource } from './timelinePanel';

/** Scripts on, and only the bundled webview files loadable. */
export function webviewPanelOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] };
}

/** `what` names the chart in the dialog and messages ("timeline", "burndown"); the file is `milestone-<what>.<format>`. */
export async function saveExportedImage(what: string, format: 'svg' | 'png', data: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `milestone-${what}.${format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    saveLabel: `Export ${what}`,
    title: `Export the milestone ${what}`,
  });
  if (!target) return;
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data);
  const title = what.charAt(0).toUpperCase() + what.slice(1);
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`${title} saved to ${vscode.workspace.asRelativePath(target)}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save the ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A number setting of `milestones.timeline`, within [min, max]; the fallback when it is not a number. */
export function timelineNumberSetting(key: string, fallback: number, min: number, max: number): number {
  const value = vscode.workspace.getConfiguration('milestones.timeline').get<number>(key, fallback);
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * A panel whose page draws the plan: it sends the plan when the page says it is ready and again
 * after each change (waiting `milestones.timeline.updateDelay`), with the server's status.
 */
export abstract class PlanWebviewPanel {
  protected readonly disposables: vscode.Disposable[] = [];
  protected ready = false;
  private disposed = false;
  private planTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts plan requests, so a slow older answer never replaces a newer one. */
  private planRequest = 0;

  /** Shows a kind's one panel: the open one, revealed, or a new one beside the editor made by `make`. */
  protected static showPanel<P extends PlanWebviewPanel>(kind: { currentPanel: P | undefined }, viewType: string, title: string, context: vscode.ExtensionContext, make: (panel: vscode.WebviewPanel) => P): P {
    if (kind.currentPanel) {
      kind.currentPanel.panel.reveal(undefined, true);
      return kind.currentPanel;
    }
    const panel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewPanelOptions(context));
    return (kind.currentPanel = make(panel));
  }

  /** Takes over, as a kind's one panel, a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  protected static revivePanel<P extends PlanWebviewPanel>(kind: { currentPanel: P | undefined }, panel: vscode.WebviewPanel, context: vscode.ExtensionContext, make: (panel: vscode.WebviewPanel) => P): P {
    kind.currentPanel?.dispose();
    panel.webview.options = webviewPanelOptions(context);
    return (kind.currentPanel = make(panel));
  }

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    protected readonly source: TimelineSource,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      source.onDidChangePlan(() => this.schedulePlan()),
      source.onDidChangeStaleReason(() => void this.sendStatus()),
      // Hidden webviews are torn down; the page posts `ready` again when shown, which resends everything.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /**
   * Loads the page: the script and stylesheets of dist/webview named (the timeline's first), under
   * the webview's strict Content-Security-Policy (timelineHtml.ts).
   */
  protected loadPage(context: vscode.ExtensionContext, page: { script: string; styles: string[]; title?: string; rootId?: string }): void {
    const webview = this.panel.webview;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
    const [style, ...moreStyles] = page.styles;
    webview.html = timelineHtml({ cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: uri(page.script), styleUri: uri(style!), moreStyleUris: moreStyles.map(uri), title: page.title, rootId: page.rootId });
  }

  /** Acts on what the page posts (validate it first). */
  protected abstract receive(raw: unknown): Promise<void>;

  /** Forgets the panel where the subclass keeps its current one. */
  protected abstract forget(): void;

  private schedulePlan(): void {
    clearTimeout(this.planTimer);
    this.planTimer = setTimeout(() => void this.sendPlan(), timelineNumberSetting('updateDelay', 150, 0, 5_000));
  }

  protected async sendPlan(): Promise<void> {
    if (!this.ready) return;
    const request = ++this.planRequest;
    let plan: PlanSnapshot;
    try {
      plan = await this.source.getPlan();
    } catch {
      // The server may be restarting; the next change notification sends the plan again.
      return;
    }
    if (request !== this.planRequest || !this.ready) return;
    await this.post({ type: 'plan', plan });
  }

  protected async sendStatus(): Promise<void> {
    if (this.ready) await this.post({ type: 'status', message: this.source.staleReason() ?? null });
  }

  protected async post(message: ToTimeline): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.forget();
    clearTimeout(this.planTimer);
    this.ready = false;
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
  }
}
