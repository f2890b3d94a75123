// The tree view's data provider: the plan tree from planTree.ts, as VS Code tree items, with the
// view's choices (only problems, the order, the float filter).
import * as vscode from 'vscode';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import { planTree, type FloatFilter, type TreeItemModel } from './planTree';

interface PlanSource {
  get(): Promise<PlanSnapshot>;
  onDidChange: vscode.Event<void>;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<TreeItemModel>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeItemModel | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private onlyProblems = false;
  private sort: 'due' | 'float' = 'due';
  private floatFilter: FloatFilter = { kind: 'all' };
  private lastRoots: TreeItemModel[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly plan: PlanSource) {
    this.subscription = plan.onDidChange(() => this.changed.fire(undefined));
  }

  setOnlyProblems(only: boolean): void {
    this.onlyProblems = only;
    void vscode.commands.executeCommand('setContext', 'milestones.tree.onlyProblems', only);
    this.changed.fire(undefined);
  }

  setSort(sort: 'due' | 'float'): void {
    this.sort = sort;
    void vscode.commands.executeCommand('setContext', 'milestones.tree.sortByFloat', sort === 'float');
    this.changed.fire(undefined);
  }

  /** Asks which items to keep by their float: all, the critical ones, or those under a number of days. */
  async chooseFloatFilter(): Promise<void> {
    const choices: (vscode.QuickPickItem & { filter: FloatFilter | 'under' })[] = [
      { label: 'All items', filter: { kind: 'all' } },
      { label: 'Critical items', description: 'float at most milestones.criticalFloatDays', filter: { kind: 'critical' } },
      { label: 'Float under…', description: 'at most a number of days', filter: 'under' },
    ];
    const picked = await vscode.window.showQuickPick(choices, { title: 'Show items by their float', placeHolder: 'Which items to show in the plan' });
    if (!picked) return;
    let filter = picked.filter;
    if (filter === 'under') {
      const days = await vscode.window.showInputBox({
        title: 'Show items with float under',
        prompt: 'Days of float (items with at most this many are shown)',
        value: this.floatFilter.kind === 'under' ? String(this.floatFilter.days) : '30',
        validateInput: (value) => (/^-?\d+$/.test(value.trim()) ? undefined : 'A whole number of days, such as 30.'),
      });
      if (days === undefined) return;
      filter = { kind: 'under', days: Number(days.trim()) };
    }
    this.floatFilter = filter;
    void vscode.commands.executeCommand('setContext', 'milestones.tree.floatFiltered', filter.kind !== 'all');
    this.changed.fire(undefined);
  }

  async getChildren(element?: TreeItemModel): Promise<TreeItemModel[]> {
    if (element) return element.children;
    try {
      this.lastRoots = planTree(await this.plan.get(), { onlyProblems: this.onlyProblems, sort: this.sort, float: this.floatFilter });
    } catch {
      // The server is restarting or stopped: show the plan as it last was, not "no plan yet".
    }
    return this.lastRoots;
  }

  getTreeItem(element: TreeItemModel): vscode.TreeItem {
    const item = new vscode.TreeItem(element.label, element.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = element.key;
    item.description = element.description;
    item.tooltip = element.tooltip;
    item.iconPath = new vscode.ThemeIcon(element.icon.id, new vscode.ThemeColor(element.icon.color));
    item.contextValue = element.key.startsWith('milestone:') ? 'milestone' : 'feature';
    if (element.location) item.command = { command: 'milestones.reveal', title: 'Reveal', arguments: [element.location] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
