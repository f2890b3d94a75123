// The Burndown view's host in VS Code: one webview panel beside the editor that shows the plan's
// burndown, follows edits and saves exported images. The page is the timeline's kind (same CSP,
// messages and validation); it draws from the plan snapshot.
import * as vscode from 'vscode';
import type { ToTimeline } from '../../../common/timelineMessages';
import { parseFromTimeline } from '../timeline/messages';
import { saveExportedImage, webviewPanelOptions } from '../timeline/webviewPanels';
import { makeNonce, timelineHtml } from '../timeline/timelineHtml';
import type { TimelineSource } from '../timeline/timelinePanel';

export const burndownViewType = 'milestones.burndown';

export class BurndownPanel {
  static currentPanel: BurndownPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  private planTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts plan requests, so a slow older answer never replaces a newer one. */
  private planRequest = 0;

  /** Shows the burndown, creating it on first use. */
  static show(context: vscode.ExtensionContext, source: TimelineSource): BurndownPanel {
    if (BurndownPanel.currentPanel) {
      BurndownPanel.currentPanel.panel.reveal(undefined, true);
      return BurndownPanel.currentPanel;
    }
    const panel = vscode.window.createWebviewPanel(burndownViewType, 'Milestone Burndown', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewPanelOptions(context));
    BurndownPanel.currentPanel = new BurndownPanel(panel, context, source);
    return BurndownPanel.currentPanel;
  }

  /** Takes over a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource): BurndownPanel {
    BurndownPanel.currentPanel?.dispose();
    panel.webview.options = webviewPanelOptions(context);
    BurndownPanel.currentPanel = new BurndownPanel(panel, context, source);
    return BurndownPanel.currentPanel;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly source: TimelineSource,
  ) {
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('burndown.js'),
      styleUri: uri('timeline.css'),
      moreStyleUris: [uri('burndown.css')],
      title: 'Milestone burndown',
      rootId: 'burndown',
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      source.onDidChangePlan(() => this.schedulePlan()),
      source.onDidChangeStaleReason(() => void this.sendStatus()),
      // Hidden webviews are torn down; the page posts `ready` again when shown, which resends everything.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseFromTimeline(raw);
    if (message?.type === 'ready') {
      this.ready = true;
      await this.sendStatus();
      await this.sendPlan();
    } else if (message?.type === 'exportImage') {
      await saveExportedImage('burndown', message.format, message.data);
    }
  }

  private schedulePlan(): void {
    clearTimeout(this.planTimer);
    const delay = vscode.workspace.getConfiguration('milestones.timeline').get<number>('updateDelay', 150);
    this.planTimer = setTimeout(() => void this.sendPlan(), typeof delay === 'number' && Number.isFinite(delay) ? Math.min(5_000, Math.max(0, delay)) : 150);
  }

  private async sendPlan(): Promise<void> {
    if (!this.ready) return;
    const request = ++this.planRequest;
    try {
      const plan = await this.source.getPlan();
      if (request === this.planRequest && this.ready) await this.post({ type: 'plan', plan });
    } catch {
      // The server may be restarting; the next change notification sends the plan again.
    }
  }

  private async sendStatus(): Promise<void> {
    if (this.ready) await this.post({ type: 'status', message: this.source.staleReason() ?? null });
  }

  private async post(message: ToTimeline): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (BurndownPanel.currentPanel === this) BurndownPanel.currentPanel = undefined;
    clearTimeout(this.planTimer);
    this.ready = false;
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
  }
}
