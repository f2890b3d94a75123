// The extension's commands: export, go to milestone, show the driving and critical paths, move a date, restart the server,
// reveal, and the plan view's item commands. Each asks the plan or the server; none keeps state of its own.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { idPattern, type Location } from '../../common/planSnapshot';
import { criticalPathRequest, drivingPathRequest, exportRequest, moveDateCommand, type ExportParams } from '../../common/requests';
import type { PlanModel } from './planModel';
import { DateMover, type MoveArguments } from './reschedule/moveDate';
import { notifyStartFailure } from './server/languageClient';
import { BurndownPanel } from './burndown/burndownPanel';
import { TrendPanel } from './trend/trendPanel';
import { TimelinePanel, type TimelineSource } from './timeline/timelinePanel';
import type { PlanTreeProvider } from './tree/treeProvider';

function rangeOf(location: Location): vscode.Range {
  return new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
}

/** Opens the file of a location with the range selected. */
export async function reveal(location: Location | undefined): Promise<void> {
  if (!location) return;
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: rangeOf(location), preview: true });
}

// A command run from a menu gets the clicked item as its argument; only a Uri names a target file.
function asUri(argument: unknown): vscode.Uri | undefined {
  return argument instanceof vscode.Uri ? argument : undefined;
}

/** A path's steps in a quick pick, earliest first: each revealed as it is chosen in the list (the focus staying on the list), one accepted gone to. */
function showSteps(title: string, placeholder: string, steps: (vscode.QuickPickItem & { location: Location })[]): void {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { location: Location }>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.items = steps;
  pick.onDidChangeActive((active) => {
    const location = active[0]?.location;
    if (location) void vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: rangeOf(location), preview: true, preserveFocus: true });
  });
  pick.onDidAccept(() => {
    const location = pick.selectedItems[0]?.location;
    pick.hide();
    void reveal(location);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

export interface CommandContext {
  extension: vscode.ExtensionContext;
  languageClient: BaseLanguageClient;
  plan: PlanModel;
  tree: PlanTreeProvider;
  timelineSource: TimelineSource;
}

/** What a caller gave *Move Date…* (a code action, the timeline, a test), kept only where it is an ID and whole days. */
function moveArguments(argument: unknown): MoveArguments | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { id, days } = argument as Record<string, unknown>;
  return {
    id: typeof id === 'string' && idPattern.test(id) ? id : undefined,
    days: typeof days === 'number' && Number.isInteger(days) && days !== 0 ? days : undefined,
  };
}

export function registerCommands({ extension, languageClient, plan, tree, timelineSource }: CommandContext): vscode.Disposable[] {
  const mover = new DateMover(languageClient, plan);
  /** Exports to `target`, or where the user picks; a caller (a task, a test) may name the file. */
  const exportPlan = async (format: ExportParams['format'], target?: vscode.Uri) => {
    const text = await languageClient.sendRequest(exportRequest, { format });
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

  return [
    vscode.commands.registerCommand('milestones.showTimeline', () => TimelinePanel.show(extension, timelineSource)),
    vscode.commands.registerCommand('milestones.showBurndown', () => BurndownPanel.show(extension, timelineSource)),
    vscode.commands.registerCommand('milestones.showTrend', () => TrendPanel.show(extension, timelineSource)),
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
    vscode.commands.registerCommand('milestones.showDrivingPath', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const steps = await languageClient.sendRequest(drivingPathRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
      if (steps.length === 0) {
        void vscode.window.showInformationMessage('Put the cursor on a milestone or feature to see its driving path.');
        return;
      }
      const last = steps[steps.length - 1]!;
      if (steps.length === 1) {
        void vscode.window.showInformationMessage(`${last.id} has no dated predecessors: nothing drives its date.`);
        return;
      }
      showSteps(
        `Driving path of ${last.id}`,
        'Each step is due no earlier than the one before it; choose one to go to it',
        steps.map((step, index) => ({ label: `${index === 0 ? '' : '→ '}${step.id}`, description: step.name, detail: `due ${step.due ?? '—'}${step.completed ? ` · completed ${step.completed}` : ''}`, location: step.location })),
      );
    }),
    vscode.commands.registerCommand('milestones.showCriticalPath', async () => {
      const editor = vscode.window.activeTextEditor;
      const where = editor?.document.languageId === 'milestone-yaml' ? { uri: editor.document.uri.toString(), position: editor.selection.active } : { uri: '', position: { line: 0, character: 0 } };
      const path = await languageClient.sendRequest(criticalPathRequest, where);
      if (path.end === null || path.steps.length === 0) {
        void vscode.window.showInformationMessage(path.from ? `${path.from.id} is on no critical chain: float ${path.from.float}.` : 'The plan has no critical chain: no open, dated milestone.');
        return;
      }
      const days = (count: number) => `${count < 0 ? '−' : ''}${Math.abs(count)} day${Math.abs(count) === 1 ? '' : 's'}`;
      showSteps(
        `Critical path to ${path.end}`,
        path.from ? `${path.from.id}: float ${path.from.float}` : "The plan's last milestone's chain; choose a step to go to it",
        path.steps.map((step, index) => ({ label: `${index === 0 ? '' : '→ '}${step.id}`, description: step.name, detail: `expected ${step.expected} · float ${days(step.float)} · may move to ${step.late}`, location: step.location })),
      );
    }),
    vscode.commands.registerCommand(moveDateCommand, (argument?: unknown) => mover.run(moveArguments(argument))),
    vscode.commands.registerCommand('milestones.restartServer', async () => {
      try {
        // What the Node client's restart() does; the browser's client has no restart().
        await languageClient.stop();
        await languageClient.start();
      } catch (error) {
        notifyStartFailure('restart', error);
      }
      plan.invalidate();
    }),
    vscode.commands.registerCommand('milestones.reveal', (location: Location | undefined) => reveal(location)),
    vscode.commands.registerCommand('milestones.tree.showInTimeline', async (item?: { location?: Location }) => {
      TimelinePanel.show(extension, timelineSource);
      // The timeline highlights what the cursor is on: put it on the item.
      if (item?.location) await reveal(item.location);
    }),
    vscode.commands.registerCommand('milestones.tree.goToDefinition', (item?: { location?: Location }) => reveal(item?.location)),
    vscode.commands.registerCommand('milestones.tree.onlyProblems', () => tree.setOnlyProblems(true)),
    vscode.commands.registerCommand('milestones.tree.allItems', () => tree.setOnlyProblems(false)),
    vscode.commands.registerCommand('milestones.tree.sortByFloat', () => tree.setSort('float')),
    vscode.commands.registerCommand('milestones.tree.sortByDue', () => tree.setSort('due')),
    vscode.commands.registerCommand('milestones.tree.filterByFloat', () => tree.chooseFloatFilter()),
  ];
}
