// The status bar item and the plan view's badge: the plan's problems by severity, kept current.
import * as vscode from 'vscode';
import type { PlanModel } from './planModel';
import { problemBadge, statusText } from './tree/planTree';

export function showPlanStatus(plan: PlanModel, view: vscode.TreeView<unknown>): vscode.Disposable {
  const status = vscode.window.createStatusBarItem('milestones.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Milestone plan problems';
  status.command = 'milestones.plan.focus';
  const refresh = async () => {
    try {
      const snapshot = await plan.get();
      const badge = problemBadge(snapshot);
      view.badge = badge.value > 0 ? badge : undefined;
      status.text = statusText(snapshot);
      status.tooltip = `Milestone plan: ${badge.tooltip}. Click to open the plan.`;
      if (snapshot.milestones.length > 0 || Object.keys(snapshot.features).length > 0) status.show();
      else status.hide();
    } catch {
      status.hide(); // the server is restarting; the next change refreshes
    }
  };
  return vscode.Disposable.from(status, plan.onDidChange(() => void refresh()));
}
