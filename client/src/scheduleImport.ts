// "Milestones: Import Schedule…" and "Milestones: Update From Schedule…": a schedule file picked,
// read by the language server, and what it would write shown in a diff editor before anything is
// written; "Apply" (in the diff's title bar, or the message) writes the new plan or makes the
// update's edits in the plan's editor, where they can be undone.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { importScheduleRequest, type ImportScheduleResult } from '../../common/requests';

/** The scheme of the diff's right side: the text the import would write, held here. */
export const importScheme = 'milestones-import';

interface PendingImport {
  /** The new plan's text (to be saved where the user says), or the edits of an open plan. */
  kind: 'new' | 'update';
  text: string;
  schedule: vscode.Uri;
  /** The plan updated, and its version when the edits were made: a later change makes them stale. */
  plan?: vscode.TextDocument;
  version?: number;
  edits?: NonNullable<ImportScheduleResult['edits']>;
  /** Where a new plan is written; asked for when not given. */
  target?: vscode.Uri;
}

const scheduleFilters = { Schedules: ['xer', 'xml', 'xlsx', 'csv'], 'All files': ['*'] };

export function registerScheduleImport(languageClient: BaseLanguageClient): vscode.Disposable[] {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let pending: PendingImport | undefined;

  const setPending = (next: PendingImport | undefined) => {
    pending = next;
    void vscode.commands.executeCommand('setContext', 'milestones.importPending', next !== undefined);
  };

  const pickSchedule = async (given: unknown, title: string): Promise<vscode.Uri | undefined> => {
    if (given instanceof vscode.Uri) return given;
    const [picked] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: scheduleFilters, title, openLabel: 'Read Schedule' })) ?? [];
    return picked;
  };

  const ask = async (schedule: vscode.Uri, into?: vscode.TextDocument): Promise<ImportScheduleResult | undefined> => {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading ${vscode.workspace.asRelativePath(schedule)}…` }, () =>
      languageClient.sendRequest(importScheduleRequest, { schedule: schedule.toString(), into: into?.uri.toString() }),
    );
    if (result.error) {
      void vscode.window.showErrorMessage(result.error);
      return undefined;
    }
    return result;
  };

  /** Shows the diff from `left` to the text the import would write, and offers to apply it. */
  const preview = async (left: vscode.Uri, text: string, name: string, title: string, result: ImportScheduleResult) => {
    const right = vscode.Uri.from({ scheme: importScheme, path: `/${name}`, query: String(Date.now()) });
    texts.clear();
    texts.set(right.toString(), text);
    changed.fire(right);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    const details = [result.summary, ...result.notes].join(' ');
    // Not awaited: the preview is open; Apply is also in the diff's title bar.
    void vscode.window.showInformationMessage(details, 'Apply').then((choice) => {
      if (choice === 'Apply') void vscode.commands.executeCommand('milestones.applyScheduleImport');
    });
  };

  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(importScheme, { onDidChange: changed.event, provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('milestones.importSchedule', async (given?: unknown, target?: unknown) => {
      const schedule = await pickSchedule(given, 'Import a schedule: P6 XER or XLSX, MS Project XML, CSV');
      if (!schedule) return;
      const result = await ask(schedule);
      if (result?.text === undefined) return;
      const name = `${schedule.path.split('/').pop()!.replace(/\.[^.]*$/, '')}.milestones.yaml`;
      setPending({ kind: 'new', text: result.text, schedule, target: target instanceof vscode.Uri ? target : undefined });
      await preview(vscode.Uri.from({ scheme: importScheme, path: '/empty' }), result.text, name, `${name} (new plan from ${vscode.workspace.asRelativePath(schedule)})`, result);
    }),
    vscode.commands.registerCommand('milestones.updateFromSchedule', async (given?: unknown) => {
      const plan = vscode.window.activeTextEditor?.document;
      if (!plan || plan.languageId !== 'milestone-yaml') {
        void vscode.window.showInformationMessage('Open the plan to update (a *.milestones.yaml file), then run Update From Schedule… again.');
        return;
      }
      const schedule = await pickSchedule(given, `Update ${vscode.workspace.asRelativePath(plan.uri)} from a schedule`);
      if (!schedule) return;
      const version = plan.version;
      const result = await ask(schedule, plan);
      if (!result?.edits) return;
      if (result.edits.length === 0) {
        void vscode.window.showInformationMessage([result.summary, ...result.notes].join(' '));
        return;
      }
      const text = plan.getText();
      let after = '';
      let position = 0;
      for (const edit of result.edits) {
        after += text.slice(position, edit.start) + edit.text;
        position = Math.max(position, edit.end);
      }
      after += text.slice(position);
      setPending({ kind: 'update', text: after, schedule, plan, version, edits: result.edits });
      const name = plan.uri.path.split('/').pop()!;
      await preview(plan.uri, after, name, `${name} ↔ updated from ${vscode.workspace.asRelativePath(schedule)}`, result);
    }),
    vscode.commands.registerCommand('milestones.applyScheduleImport', async () => {
      const applying = pending;
      if (!applying) return;
      setPending(undefined);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      if (applying.kind === 'update' && applying.plan && applying.edits) {
        if (applying.plan.version !== applying.version) {
          void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(applying.plan.uri)} changed since the preview: run Update From Schedule… again.`);
          return;
        }
        const plan = applying.plan;
        const edit = new vscode.WorkspaceEdit();
        for (const change of applying.edits) edit.replace(plan.uri, new vscode.Range(plan.positionAt(change.start), plan.positionAt(change.end)), change.text);
        await vscode.workspace.applyEdit(edit);
        await vscode.window.showTextDocument(plan);
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `${applying.schedule.path.split('/').pop()!.replace(/\.[^.]*$/, '')}.milestones.yaml`;
      const target = applying.target ?? (await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters: { 'Milestone plans': ['yaml', 'yml'] }, title: 'Save the imported plan' }));
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(applying.text));
      await vscode.window.showTextDocument(target);
    }),
  ];
}
