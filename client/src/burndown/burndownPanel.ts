// The Burndown view's host in VS Code: one webview panel beside the editor that shows the plan's
// burndown, follows edits and saves exported images. The page is the timeline's kind (same CSP,
// messages and validation); it draws from the plan snapshot.
import * as vscode from 'vscode';
import { parseFromTimeline } from '../timeline/messages';
import { PlanWebviewPanel, saveExportedImage, webviewPanelOptions } from '../timeline/webviewPanels';
import { makeNonce, timelineHtml } from '../timeline/timelineHtml';
import type { TimelineSource } from '../timeline/timelinePanel';

export const burndownViewType = 'milestones.burndown';

export class BurndownPanel extends PlanWebviewPanel {
  static currentPanel: BurndownPanel | undefined;

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

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource) {
    super(panel, source);
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
  }

  protected async receive(raw: unknown): Promise<void> {
    const message = parseFromTimeline(raw);
    if (message?.type === 'ready') {
      this.ready = true;
      await this.sendStatus();
      await this.sendPlan();
    } else if (message?.type === 'exportImage') {
      await saveExportedImage('burndown', message.format, message.data);
    }
  }

  protected forget(): void {
    if (BurndownPanel.currentPanel === this) BurndownPanel.currentPanel = undefined;
  }
}
