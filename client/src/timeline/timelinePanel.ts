// The timeline's host in VS Code: one webview panel that shows the plan, follows edits and the
// cursor, reveals what the user clicks and saves exported images.
import * as vscode from 'vscode';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import type { TimelineDefaults, ToTimeline } from '../../../common/timelineMessages';
import { parseFromTimeline } from './messages';
import { saveExportedImage, webviewPanelOptions } from './webviewPanels';
import { makeNonce, timelineHtml } from './timelineHtml';

export interface TimelineSource {
  getPlan(): Promise<PlanSnapshot>;
  onDidChangePlan: vscode.Event<void>;
  reveal(id: string): Promise<void>;
  /** The ID at a position of a document, as the server answers. */
  idAt(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined>;
  /** Why the plan may be out of date (the server is not running), or undefined when it is current. */
  staleReason(): string | undefined;
  onDidChangeStaleReason: vscode.Event<void>;
}

export const timelineViewType = 'milestones.timeline';

/** The timeline's settings: how a new timeline starts, and how long it waits after an edit. */
function timelineSettings(): { defaults: TimelineDefaults; updateDelay: number } {
  const settings = vscode.workspace.getConfiguration('milestones.timeline');
  const number = (key: string, fallback: number, min: number, max: number) => {
    const value = settings.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  return {
    defaults: { collapseFeatures: settings.get<boolean>('collapseFeatures', false) === true, zoom: number('zoom', 100, 10, 10_000) },
    updateDelay: number('updateDelay', 150, 0, 5_000),
  };
}

export class TimelinePanel {
  static currentPanel: TimelinePanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  private planTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts plan requests, so a slow older answer never replaces a newer one. */
  private planRequest = 0;
  private lastHighlight: string | null | undefined;
  /** Counts cursor moves, so that only the answer for the latest one is shown. */
  private highlightRequest = 0;

  /** Shows the timeline, creating it on first use. */
  static show(context: vscode.ExtensionContext, source: TimelineSource): TimelinePanel {
    if (TimelinePanel.currentPanel) {
      TimelinePanel.currentPanel.panel.reveal(undefined, true);
      return TimelinePanel.currentPanel;
    }
    const panel = vscode.window.createWebviewPanel(
      timelineViewType,
      'Milestone Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewPanelOptions(context),
    );
    TimelinePanel.currentPanel = new TimelinePanel(panel, context, source);
    return TimelinePanel.currentPanel;
  }

  /** Takes over a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource): TimelinePanel {
    TimelinePanel.currentPanel?.dispose();
    panel.webview.options = webviewPanelOptions(context);
    TimelinePanel.currentPanel = new TimelinePanel(panel, context, source);
    return TimelinePanel.currentPanel;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly source: TimelineSource,
  ) {
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.css')).toString(),
    });

    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      source.onDidChangePlan(() => this.schedulePlan()),
      source.onDidChangeStaleReason(() => void this.sendStatus()),
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
      // Hidden webviews are torn down; the page posts `ready` again when shown, which resends everything.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseFromTimeline(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastHighlight = undefined;
        await this.post({ type: 'defaults', defaults: timelineSettings().defaults });
        await this.sendStatus();
        await this.sendPlan();
        if (vscode.window.activeTextEditor) this.follow(vscode.window.activeTextEditor);
        return;
      case 'reveal':
        await this.source.reveal(message.id);
        return;
      case 'exportImage':
        await saveExportedImage('timeline', message.format, message.data);
        return;
    }
  }

  private schedulePlan(): void {
    clearTimeout(this.planTimer);
    this.planTimer = setTimeout(() => void this.sendPlan(), timelineSettings().updateDelay);
  }

  private async sendPlan(): Promise<void> {
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

  private async sendStatus(): Promise<void> {
    if (this.ready) await this.post({ type: 'status', message: this.source.staleReason() ?? null });
  }

  /** Highlights the item under the cursor: the server's answer for this very selection, never an earlier one's. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.ready) return;
    const request = ++this.highlightRequest;
    this.source.idAt(editor.document, editor.selection.active).then(
      (id) => {
        if (request !== this.highlightRequest || !this.ready) return;
        const highlight = id ?? null;
        if (highlight === this.lastHighlight) return;
        this.lastHighlight = highlight;
        void this.post({ type: 'highlight', id: highlight });
      },
      () => undefined, // the server is restarting; the next move asks again
    );
  }

  private async post(message: ToTimeline): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (TimelinePanel.currentPanel === this) TimelinePanel.currentPanel = undefined;
    clearTimeout(this.planTimer);
    this.ready = false;
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
  }
}
