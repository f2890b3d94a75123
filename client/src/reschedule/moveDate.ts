// *Milestones: Move Date…*: moves an item's expected date — the one at the cursor, the one a "Move by
// N days…" code action names, or the one dragged on the timeline — after a preview in a quick pick
// (a quick pick rather than a panel: it is keyboard-first, reads like the editor's other choices, and
// Escape cancels): each option with the dates it moves, the checks that newly fail or clear and the
// float before and after. The option chosen is made by the server against the plan as it is then,
// and applied as one workspace edit, which one undo takes back in every file.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import { idAtRequest, moveDateRequest, movePreviewRequest } from '../../../common/requests';
import type { MoveKind } from '../../../common/reschedule';
import { previewEntries, previewTitle, readMove, signedDays, type PreviewEntry } from './movePreview';

/** What the command may be given: the item (else the one at the cursor) and the days (else asked). */
export interface MoveArguments {
  id?: string;
  days?: number;
}

/** What a move came to: the option applied and the files it changed, or nothing when cancelled or refused. */
export interface MoveOutcome {
  kind: MoveKind;
  moved: string[];
}

export class DateMover {
  constructor(
    private readonly languageClient: BaseLanguageClient,
    private readonly plan: { get(): Promise<PlanSnapshot> },
  ) {}

  async run(argument?: MoveArguments): Promise<MoveOutcome | undefined> {
    const id = argument?.id ?? (await this.idAtCursor());
    if (id === undefined) {
      void vscode.window.showInformationMessage('Put the cursor on a milestone or feature to move its date.');
      return undefined;
    }
    const days = argument?.days ?? (await this.askDays(id));
    if (days === undefined) return undefined;
    const preview = await this.languageClient.sendRequest(movePreviewRequest, { id, days });
    if ('message' in preview) {
      void vscode.window.showWarningMessage(preview.message);
      return undefined;
    }
    const kind = await choose(previewTitle(preview), previewEntries(preview), (entryId) => this.reveal(entryId));
    if (!kind) return undefined;
    const made = await this.languageClient.sendRequest(moveDateRequest, { id, days, kind, from: preview.from });
    if ('message' in made) {
      void vscode.window.showWarningMessage(made.message);
      return undefined;
    }
    const edit = await this.languageClient.protocol2CodeConverter.asWorkspaceEdit(made.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(`The move of ${id} could not be applied: a file it edits changed or could not be opened.`);
      return undefined;
    }
    const option = preview[kind];
    return { kind, moved: option.moves.map((move) => move.id) };
  }

  private async idAtCursor(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    return (await this.languageClient.sendRequest(idAtRequest, { uri: editor.document.uri.toString(), position: editor.selection.active })) ?? undefined;
  }

  /** Asks for the new date or the days, showing the item's expected date. */
  private async askDays(id: string): Promise<number | undefined> {
    const snapshot = await this.plan.get();
    const item = snapshot.milestones.find((milestone) => milestone.id === id) ?? (Object.hasOwn(snapshot.features, id) ? snapshot.features[id] : undefined);
    const from = item?.forecast ?? item?.due ?? null;
    if (!item || from === null) {
      void vscode.window.showInformationMessage(`${id} has no date to move: give it a due date first.`);
      return undefined;
    }
    const field = item.forecast ? 'forecast' : 'due';
    const typed = await vscode.window.showInputBox({
      title: `Move ${id} (${field} ${from})`,
      prompt: 'The new date (YYYY-MM-DD), or days later or earlier (+14, -3, +2w)',
      value: from,
      valueSelection: [0, from.length],
      validateInput: (value) => {
        const read = readMove(value, from);
        return 'message' in read ? read.message : read.days === 0 ? 'That is the date it has.' : `${signedDays(read.days)}`;
      },
    });
    if (typed === undefined) return undefined;
    const read = readMove(typed, from);
    return 'days' in read && read.days !== 0 ? read.days : undefined;
  }

  private async reveal(id: string): Promise<void> {
    const snapshot = await this.plan.get();
    const location = (snapshot.milestones.find((milestone) => milestone.id === id) ?? (Object.hasOwn(snapshot.features, id) ? snapshot.features[id] : undefined))?.location;
    if (!location) return;
    const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, preview: true, preserveFocus: true });
  }
}

/** The preview in a quick pick: resolves with the option chosen, or undefined when it is dismissed. A consequence chosen is revealed, the pick staying open. */
function choose(title: string, entries: PreviewEntry[], reveal: (id: string) => Promise<void>): Promise<MoveKind | undefined> {
  type Item = vscode.QuickPickItem & { entry?: PreviewEntry };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = title;
  pick.placeholder = 'Choose how to move it; Escape cancels';
  pick.matchOnDescription = true;
  pick.items = entries.map((entry): Item => (entry.role === 'heading' ? { label: entry.label, kind: vscode.QuickPickItemKind.Separator } : { label: entry.label, description: entry.description, detail: entry.detail, entry }));
  return new Promise((resolve) => {
    let chosen: MoveKind | undefined;
    pick.onDidAccept(() => {
      const entry = pick.selectedItems[0]?.entry;
      if (entry?.role === 'option') {
        chosen = entry.option;
        pick.hide();
      } else if (entry?.id !== undefined) {
        void reveal(entry.id);
      }
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
