// The VS Code extension on the web (vscode.dev, github.dev): the language server runs in a Web
// Worker and reads the workspace's files through the client.
import type * as vscode from 'vscode';
import { activateWith, type MilestonesApi } from './activate';
import { createBrowserLanguageClient } from './server/browserLanguageClient';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<MilestonesApi> {
  return activateWith(context, createBrowserLanguageClient(context));
}
