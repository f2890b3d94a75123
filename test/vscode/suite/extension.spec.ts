// The extension in a real VS Code extension host, through the vscode API: activation, diagnostics,
// hover, completion, a quick fix, the plan tree, the timeline panel and the export command.
// Runs on a copy of examples/ (see ../run.ts); named .spec.ts so that Node's test runner skips it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../../client/src/extension';
import { projectFields, task, taskFieldsV23, taskPredFields, xerText } from '../../helpers/schedules';

const extensionId = 'milestone-yaml.milestone-yaml';
const pairCodes = new Set(['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone']);

/** Polls until `probe` returns a value (not undefined/false), or fails saying what it waited for. */
async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The position just after the first occurrence of `before` in the document. */
function after(document: vscode.TextDocument, before: string): vscode.Position {
  const offset = document.getText().indexOf(before);
  assert.ok(offset >= 0, `"${before}" is not in ${document.uri.fsPath}`);
  return document.positionAt(offset + before.length);
}

async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('Milestone YAML in the extension host', () => {
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    const [uri] = await vscode.workspace.findFiles('**/ldm-564.milestones.yaml');
    assert.ok(uri, 'the workspace has no ldm-564.milestones.yaml');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    original = document.getText();
  });

  afterEach(async () => {
    if (document.isDirty) await revert(document);
  });

  it('opening the example plan activates the extension', async () => {
    assert.equal(document.languageId, 'milestone-yaml');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('getDiagnostics holds the twenty date problems of LDM-564, with their codes and exact ranges', async () => {
    const pairs = await waitFor('twenty date problems', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => pairCodes.has(codeOf(diagnostic)));
      return found.length === 20 && found;
    });
    const ncsa8 = pairs.find((diagnostic) => diagnostic.message === 'DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).');
    assert.ok(ncsa8, pairs.map((diagnostic) => diagnostic.message).join('\n'));
    assert.equal(codeOf(ncsa8), 'feature-due-after-milestone');
    assert.equal(ncsa8.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(ncsa8.range), 'DM-NCSA-8');
    assert.ok(vscode.languages.getDiagnostics(document.uri).some((diagnostic) => codeOf(diagnostic) === 'unknown-acronym' && document.getText(diagnostic.range) === 'COOB'));
  });

  it('a hover on an acronym shows its meaning', async () => {
    const position = after(document, 'name: H');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /HSC/);
    assert.match(text, /Hyper Suprime-Cam/);
  });

  it('completion in a features list offers the feature IDs', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, after(document, '      - DM-NCSA-3'), '\n      - ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = after(document, '      - DM-NCSA-3\n      - ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const id of ['DM-AP-11', 'DM-NCSA-8', 'DM-STAFF']) assert.ok(labels.includes(id), `${id} is not offered: ${labels.slice(0, 30).join(', ')}`);
    assert.ok(!labels.includes('LDM-503-02'), 'a milestone is offered as a feature');
  });

  it('a quick fix through executeCodeActionProvider and applyEdit removes the feature from the milestone', async () => {
    // Wait for problems of the text as it is now: an earlier test's edit was just reverted.
    const problem = await waitFor('the open-feature problem of LDM-503-05 on DM-NCSA-8', () =>
      vscode.languages
        .getDiagnostics(document.uri)
        .find((diagnostic) => codeOf(diagnostic) === 'feature-open-in-completed-milestone' && diagnostic.message.startsWith('LDM-503-05 ') && document.getText(diagnostic.range) === 'DM-NCSA-8'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const remove = actions.find((action) => action.title === 'Remove DM-NCSA-8 from LDM-503-05');
    assert.ok(remove?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.equal(document.getText(), original.replace('      - DM-NCSA-9\n      - DM-NCSA-8\n', '      - DM-NCSA-9\n'));
    const aboutTheRemovedPair = (diagnostic: vscode.Diagnostic) => diagnostic.message.includes('DM-NCSA-8') && diagnostic.message.includes('LDM-503-05');
    await waitFor('the problems of DM-NCSA-8 in LDM-503-05 to go', () => !vscode.languages.getDiagnostics(document.uri).some(aboutTheRemovedPair));
  });

  it('the plan tree lists the 41 milestones of the examples in due-date order, with their features beneath', async () => {
    const api = vscode.extensions.getExtension<MilestonesApi>(extensionId)!.exports;
    const milestones = await waitFor('the plan tree', async () => {
      const roots = (await api.planTree.getChildren()) ?? [];
      return roots.length > 0 && roots;
    });
    assert.equal(milestones.length, 41);
    const first = await api.planTree.getTreeItem(milestones[0]);
    assert.equal(first.label, 'HSC reprocessing');
    assert.match(String(first.description), /^LDM-503-02 /);
    const features = (await api.planTree.getChildren(milestones[0])) ?? [];
    const labels = await Promise.all(features.map(async (feature) => (await api.planTree.getTreeItem(feature)).label));
    assert.deepEqual(labels, ['DM-AP-1', 'DM-DRP-1', 'DM-DRP-2', 'DM-NCSA-1', 'DM-NCSA-2', 'DM-NCSA-3']);
  });

  it('Show Timeline opens the timeline webview panel', async () => {
    await vscode.commands.executeCommand('milestones.showTimeline');
    await waitFor('a timeline tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('milestones.timeline')),
    );
  });

  it('Export Plan as Markdown writes the file it is given', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const target = vscode.Uri.joinPath(folder, 'exported-releases.md');
    await vscode.commands.executeCommand('milestones.exportMarkdown', target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /LDM-503-02/);
    assert.match(text, /HSC reprocessing/);
    assert.match(text, /currently incomplete/);
  });

  describe('Import Schedule… and Update From Schedule…', () => {
    const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
    const schedule = (forecast: string) =>
      xerText({
        PROJECT: { fields: projectFields, rows: [{ proj_id: '100', proj_short_name: 'CAM', last_recalc_date: '2021-08-01 00:00' }] },
        TASK: { fields: taskFieldsV23, rows: [task('1', 'CAM-1', 'Camera on the summit', 'TT_FinMile', '2021-03-01 17:00'), task('2', 'CAM-2', 'First photon', 'TT_FinMile', '2021-06-01 17:00', { early_end_date: `${forecast} 17:00` })] },
        TASKPRED: { fields: taskPredFields, rows: [{ task_id: '2', pred_task_id: '1', pred_type: 'PR_FS', lag_hr_cnt: '0' }] },
      });
    /** The text on the right of the diff editor the import opened. */
    const previewed = () =>
      waitFor('the import preview in a diff editor', async () => {
        const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputTextDiff && candidate.input.modified.scheme === 'milestones-import');
        return tab && (await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).modified)).getText();
      });
    const written = (uri: vscode.Uri) => vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);

    it('imports an XER as a new plan: the plan is shown in a diff editor, and written only when applied', async () => {
      const xer = vscode.Uri.joinPath(folder(), 'camera.xer');
      await vscode.workspace.fs.writeFile(xer, new TextEncoder().encode(schedule('2021-06-20')));
      const target = vscode.Uri.joinPath(folder(), 'camera.milestones.yaml');
      await vscode.commands.executeCommand('milestones.importSchedule', xer, target);
      const expected = 'title: CAM\nasOf: 2021-08-01\n\nmilestones:\n  CAM-1:\n    name: Camera on the summit\n    due: 2021-03-01\n  CAM-2:\n    name: First photon\n    due: 2021-06-01\n    forecast: 2021-06-20\n    predecessors:\n      - CAM-1\n';
      assert.equal(await previewed(), expected);
      assert.equal(await written(target), undefined, 'nothing is written before Apply');
      await vscode.commands.executeCommand('milestones.applyScheduleImport');
      assert.equal(await written(target), expected);
    });

    it("updates the plan at hand from next month's export: the diff against the plan, then minimal edits that keep its comments", async () => {
      const target = vscode.Uri.joinPath(folder(), 'camera.milestones.yaml');
      const plan = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(plan);
      const comment = new vscode.WorkspaceEdit();
      comment.insert(plan.uri, after(plan, 'CAM-2:'), ' # watched by the camera team');
      assert.ok(await vscode.workspace.applyEdit(comment));
      const xer = vscode.Uri.joinPath(folder(), 'camera-september.xer');
      await vscode.workspace.fs.writeFile(xer, new TextEncoder().encode(schedule('2021-07-15')));
      await vscode.commands.executeCommand('milestones.updateFromSchedule', xer);
      const expected = plan.getText().replace('forecast: 2021-06-20', 'forecast: 2021-07-15');
      assert.equal(await previewed(), expected);
      await vscode.commands.executeCommand('milestones.applyScheduleImport');
      await waitFor('the update in the editor', () => plan.getText() === expected);
      assert.match(plan.getText(), /CAM-2: # watched by the camera team\n/);
      await revert(plan);
    });
  });
});
