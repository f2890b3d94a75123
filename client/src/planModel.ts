// The plan as the server last described it, asked for once per change and shared by the tree, the
// status bar, the timeline and the commands.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PlanSnapshot } from '../../common/planSnapshot';
import { planSnapshotRequest } from '../../common/requests';

export class PlanModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: Promise<PlanSnapshot> | undefined;

  constructor(private readonly languageClient: BaseLanguageClient) {}

  get(): Promise<PlanSnapshot> {
    if (!this.current) {
      const request = this.languageClient.sendRequest(planSnapshotRequest);
      this.current = request;
      // A request that failed (the server died under it) must not be the answer for ever after.
      request.catch(() => {
        if (this.current === request) this.current = undefined;
      });
    }
    return this.current;
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
