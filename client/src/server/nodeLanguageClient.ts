// The client of the server bundled at dist/server.js, a Node process started with the flags it is
// tuned for (the desktop).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { serverExecArgv } from '../../../common/serverFlags';
import { clientOptions, quieten } from './languageClient';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: serverExecArgv } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6009'] } },
  };
  return quieten(new LanguageClient('milestones', 'Milestone YAML', serverOptions, clientOptions()));
}
