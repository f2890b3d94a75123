// The VS Code extension on the desktop: the language server runs as a Node process.
import type * as vscode from 'vscode';
import { activateWith, type MilestonesApi } from './activate';
import { createLanguageClient } from './server/nodeLanguageClient';

export type { MilestonesApi } from './activate';
export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<MilestonesApi> {
  return activateWith(context, createLanguageClient(context));
}
