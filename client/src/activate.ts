// The extension, on the desktop and on the web alike: given a client of the language server, adds
// what shows the plan the server knows — a tree view, a timeline, a status bar summary — and the
// commands. The entries (extension.ts, browserExtension.ts) make the client.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { idAtRequest, planChangedNotification, trendRequest } from '../../common/requests';
import { registerCommands, reveal } from './commands';
import { PlanModel } from './planModel';
import { registerScheduleImport } from './scheduleImport';
import { staleReason } from './server/languageClient';
import { showPlanStatus } from './statusBar';
import { BurndownPanel, burndownViewType } from './burndown/burndownPanel';
import { TrendPanel, trendViewType } from './trend/trendPanel';
import { TimelinePanel, timelineViewType, type TimelineSource } from './timeline/timelinePanel';
import { PlanTreeProvider } from './tree/treeProvider';

let stop: (() => Promise<void>) | undefined;

/** What `activate` returns to other extensions — used by the extension-host tests to read the tree. */
export interface MilestonesApi {
  planTree: vscode.TreeDataProvider<unknown>;
}

export async function activateWith(context: vscode.ExtensionContext, languageClient: BaseLanguageClient): Promise<MilestonesApi> {
  stop = () => languageClient.stop();
  const plan = new PlanModel(languageClient);
  const tree = new PlanTreeProvider(plan);
  const view = vscode.window.createTreeView('milestones.plan', { treeDataProvider: tree, showCollapseAll: true });
  const serverStateChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(plan, tree, view, serverStateChanged, showPlanStatus(plan, view));

  const timelineSource: TimelineSource = {
    getPlan: () => plan.get(),
    getTrend: (every) => languageClient.sendRequest(trendRequest, { every }),
    onDidChangePlan: plan.onDidChange,
    reveal: async (id) => {
      const snapshot = await plan.get();
      await reveal((snapshot.milestones.find((milestone) => milestone.id === id) ?? snapshot.features[id])?.location);
    },
    idAt: async (document, position) => {
      if (document.languageId !== 'milestone-yaml' || languageClient.state !== State.Running) return undefined;
      return (await languageClient.sendRequest(idAtRequest, { uri: document.uri.toString(), position })) ?? undefined;
    },
    staleReason: () => staleReason(languageClient),
    onDidChangeStaleReason: serverStateChanged.event,
  };

  context.subscriptions.push(
    ...registerCommands({ extension: context, languageClient, plan, tree, timelineSource }),
    ...registerScheduleImport(languageClient),
    vscode.window.registerWebviewPanelSerializer(timelineViewType, {
      deserializeWebviewPanel: (panel) => {
        TimelinePanel.revive(panel, context, timelineSource);
        return Promise.resolve();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(burndownViewType, {
      deserializeWebviewPanel: (panel) => {
        BurndownPanel.revive(panel, context, timelineSource);
        return Promise.resolve();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(trendViewType, {
      deserializeWebviewPanel: (panel) => {
        TrendPanel.revive(panel, context, timelineSource);
        return Promise.resolve();
      },
    }),
    languageClient.onNotification(planChangedNotification, () => plan.invalidate()),
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) plan.invalidate();
      // With no server, the tree shows the plan as it last was: say so, and how to get it back.
      view.message = staleReason(languageClient);
      serverStateChanged.fire();
    }),
  );
  // The server offers "Move by N days…" code actions to a client that runs the command they name.
  languageClient.registerFeature({
    fillClientCapabilities: (capabilities) => {
      capabilities.experimental = { ...(capabilities.experimental as object | undefined), moveDateCommand: true };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  await languageClient.start();
  void vscode.commands.executeCommand('setContext', 'milestones.active', true);
  return { planTree: tree };
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
}
