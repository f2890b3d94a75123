// The client of the server bundled at dist/browser/server.js, run in a Web Worker (VS Code for the
// Web). The worker has no disk: the client answers its requests for files from the workspace.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { findPlanFilesRequest, readFileRequest } from '../../../common/requests';
import { clientOptions, quieten } from './languageClient';
import { findPlanFiles, readTextFile } from './workspaceFiles';

// The extension host's Worker (a web worker itself); this program's types are Node's, which do not name it.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function createBrowserLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true));
  const client = quieten(new LanguageClient('milestones', 'Milestone YAML', clientOptions(), worker));
  client.onRequest(findPlanFilesRequest, ({ uri, globs }) => findPlanFiles(uri, globs));
  client.onRequest(readFileRequest, ({ uri }) => readTextFile(uri));
  return client;
}
