// The Burndown view's host in VS Code: one webview panel beside the editor that shows the plan's
// burndown, follows edits and saves exported images. The page is the timeline's kind (same CSP,
// messages and validation); it draws from the plan snapshot.
import type * as vscode from 'vscode';
import { parseFromTimeline } from '../timeline/messages';
import { PlanWebviewPanel, saveExportedImage } from '../timeline/webviewPanels';
import type { TimelineSource } from '../timeline/timelinePanel';

export const burndownViewType = 'milestones.burndown';

export class BurndownPanel extends PlanWebviewPanel {
  static currentPanel: BurndownPanel | undefined;

  /** Shows the burndown, creating it on first use. */
  static show(context: vscode.ExtensionContext, source: TimelineSource): BurndownPanel {
    return PlanWebviewPanel.showPanel(BurndownPanel, burndownViewType, 'Milestone Burndown', context, (panel) => new BurndownPanel(panel, context, source));
  }

  /** Takes over a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource): BurndownPanel {
    return PlanWebviewPanel.revivePanel(BurndownPanel, panel, context, (revived) => new BurndownPanel(revived, context, source));
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource) {
    super(panel, source);
    this.loadPage(context, { script: 'burndown.js', styles: ['timeline.css', 'burndown.css'], title: 'Milestone burndown', rootId: 'burndown' });
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
