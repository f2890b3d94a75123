// The Trend view's host in VS Code: one webview panel beside the editor that shows the milestone
// trend the server reads from git, with the steps the page asks for, again after each change of the
// plan (a commit or checkout changes the files); it saves exported images. The page is the
// timeline's kind: same CSP, messages and validation.
import type * as vscode from 'vscode';
import type { TrendEvery } from '../../../common/trendSeries';
import { parseFromTimeline } from '../timeline/messages';
import { PlanWebviewPanel, saveExportedImage } from '../timeline/webviewPanels';
import type { TimelineSource } from '../timeline/timelinePanel';

export const trendViewType = 'milestones.trend';

export class TrendPanel extends PlanWebviewPanel {
  static currentPanel: TrendPanel | undefined;
  private every: TrendEvery = 'month';
  /** What was last posted (steps, version, reason): a change of the plan that moved no commit sends nothing again. */
  private posted: string | undefined;

  /** Shows the trend, creating it on first use. */
  static show(context: vscode.ExtensionContext, source: TimelineSource): TrendPanel {
    return PlanWebviewPanel.showPanel(TrendPanel, trendViewType, 'Milestone Trend', context, (panel) => new TrendPanel(panel, context, source));
  }

  /** Takes over a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource): TrendPanel {
    return PlanWebviewPanel.revivePanel(TrendPanel, panel, context, (revived) => new TrendPanel(revived, context, source));
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource) {
    super(panel, source);
    this.loadPage(context, { script: 'trend.js', styles: ['timeline.css', 'burndown.css', 'trend.css'], title: 'Milestone trend', rootId: 'trend' });
  }

  /** Sends the trend, in place of the plan the other panels send. */
  protected override async sendPlan(): Promise<void> {
    if (!this.ready) return;
    const every = this.every;
    let answer;
    try {
      answer = await this.source.getTrend(every);
    } catch {
      // The server may be restarting; the next change sends the trend again.
      return;
    }
    const key = JSON.stringify([every, answer.version, answer.reason]);
    if (!this.ready || every !== this.every || key === this.posted) return;
    this.posted = key;
    await this.post({ type: 'trend', every, history: answer.history, reason: answer.reason });
  }

  protected async receive(raw: unknown): Promise<void> {
    const message = parseFromTimeline(raw);
    if (message?.type === 'ready') {
      this.ready = true;
      this.posted = undefined;
      await this.sendStatus();
      await this.sendPlan();
    } else if (message?.type === 'trendSteps') {
      this.every = message.every;
      await this.sendPlan();
    } else if (message?.type === 'exportImage') {
      await saveExportedImage('trend', message.format, message.data);
    }
  }

  protected forget(): void {
    if (TrendPanel.currentPanel === this) TrendPanel.currentPanel = undefined;
  }
}
