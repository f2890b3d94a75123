// The tree view's data provider: the plan tree from planTree.ts, as VS Code tree items.
import * as vscode from 'vscode';
import type { PlanSnapshot } from '../../../common/planSnapshot';
import { planTree, type TreeItemModel } from './planTree';

interface PlanSource {
  get(): Promise<PlanSnapshot>;
  onDidChange: vscode.Event<void>;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<TreeItemModel>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeItemModel | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private onlyProblems = false;
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

  async getChildren(element?: TreeItemModel): Promise<TreeItemModel[]> {
    if (element) return element.children;
    try {
      this.lastRoots = planTree(await this.plan.get(), { onlyProblems: this.onlyProblems });
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
