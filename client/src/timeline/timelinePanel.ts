// The timeline's host in VS Code: one webview panel that shows the plan, follows edits and the
// cursor, reveals what the user clicks, moves what the user drags (through Move Date…'s preview) and
// saves exported images.
import * as vscode from 'vscode';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import type { TrendAnswer } from '../../../common/requests';
import type { TrendEvery } from '../../../common/trendSeries';
import type { TimelineDefaults } from '../../../common/timelineMessages';
import { moveDateCommand } from '../../../common/requests';
import { parseFromTimeline } from './messages';
import { PlanWebviewPanel, saveExportedImage, timelineNumberSetting } from './webviewPanels';

export interface TimelineSource {
  getPlan(): Promise<PlanSnapshot>;
  /** The milestone trend the server reads from git, with steps `every`. */
  getTrend(every: TrendEvery): Promise<TrendAnswer>;
  onDidChangePlan: vscode.Event<void>;
  reveal(id: string): Promise<void>;
  /** The ID at a position of a document, as the server answers. */
  idAt(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined>;
  /** Why the plan may be out of date (the server is not running), or undefined when it is current. */
  staleReason(): string | undefined;
  onDidChangeStaleReason: vscode.Event<void>;
}

export const timelineViewType = 'milestones.timeline';

/** How a new timeline starts. */
function timelineDefaults(): TimelineDefaults {
  const collapseFeatures = vscode.workspace.getConfiguration('milestones.timeline').get<boolean>('collapseFeatures', false) === true;
  return { collapseFeatures, zoom: timelineNumberSetting('zoom', 100, 10, 10_000) };
}

export class TimelinePanel extends PlanWebviewPanel {
  static currentPanel: TimelinePanel | undefined;

  private lastHighlight: string | null | undefined;
  /** Counts cursor moves, so that only the answer for the latest one is shown. */
  private highlightRequest = 0;

  /** Shows the timeline, creating it on first use. */
  static show(context: vscode.ExtensionContext, source: TimelineSource): TimelinePanel {
    return PlanWebviewPanel.showPanel(TimelinePanel, timelineViewType, 'Milestone Timeline', context, (panel) => new TimelinePanel(panel, context, source));
  }

  /** Takes over a panel VS Code restored after a restart (for a `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource): TimelinePanel {
    return PlanWebviewPanel.revivePanel(TimelinePanel, panel, context, (revived) => new TimelinePanel(revived, context, source));
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: TimelineSource) {
    super(panel, source);
    this.loadPage(context, { script: 'timeline.js', styles: ['timeline.css'] });

    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
    );
  }

  protected async receive(raw: unknown): Promise<void> {
    const message = parseFromTimeline(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastHighlight = undefined;
        await this.post({ type: 'defaults', defaults: timelineDefaults() });
        await this.sendStatus();
        await this.sendPlan();
        if (vscode.window.activeTextEditor) this.follow(vscode.window.activeTextEditor);
        return;
      case 'reveal':
        await this.source.reveal(message.id);
        return;
      case 'move':
        // The preview opens in the editor's quick pick; the timeline redraws when the plan changes.
        await vscode.commands.executeCommand(moveDateCommand, { id: message.id, days: message.days });
        return;
      case 'exportImage':
        await saveExportedImage('timeline', message.format, message.data);
        return;
    }
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

  protected forget(): void {
    if (TimelinePanel.currentPanel === this) TimelinePanel.currentPanel = undefined;
  }
}
