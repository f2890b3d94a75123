// The status bar item and the plan view's badge: the plan's problems by severity, and those of the
// glossary files (diagnostics the server puts on them), kept current.
import * as vscode from 'vscode';
import { glossaryDiagnosticCode } from '../../common/requests';
import type { PlanModel } from './planModel';
import { problemBadge, statusText, statusTooltip, type GlossaryFileProblems } from './tree/planTree';

/** The files with glossary problems among every diagnostic VS Code holds. */
function glossaryFileProblems(): GlossaryFileProblems[] {
  const files: GlossaryFileProblems[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const count = diagnostics.filter((diagnostic) => diagnostic.source === 'milestones' && diagnostic.code === glossaryDiagnosticCode).length;
    if (count > 0) files.push({ name: uri.path.slice(uri.path.lastIndexOf('/') + 1), count });
  }
  return files;
}

export function showPlanStatus(plan: PlanModel, view: vscode.TreeView<unknown>): vscode.Disposable {
  const status = vscode.window.createStatusBarItem('milestones.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Milestone plan problems';
  status.command = 'milestones.plan.focus';
  const refresh = async () => {
    try {
      const snapshot = await plan.get();
      const badge = problemBadge(snapshot);
      const glossary = glossaryFileProblems();
      view.badge = badge.value > 0 ? badge : undefined;
      status.text = statusText(snapshot, glossary);
      status.tooltip = statusTooltip(snapshot, glossary);
      status.command = glossary.length > 0 ? 'workbench.actions.view.problems' : 'milestones.plan.focus';
      if (snapshot.milestones.length > 0 || Object.keys(snapshot.features).length > 0 || glossary.length > 0) status.show();
      else status.hide();
    } catch {
      status.hide(); // the server is restarting; the next change refreshes
    }
  };
  // Glossary diagnostics arrive on their own, not with a change of the plan.
  const glossaryChanged = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((uri) => !/\.milestones\.ya?ml$/.test(uri.path))) void refresh();
  });
  return vscode.Disposable.from(status, glossaryChanged, plan.onDidChange(() => void refresh()));
}
