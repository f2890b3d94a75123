// The language server in a browser worker (VS Code for the Web: vscode.dev, github.dev): the same
// wiring as on Node, over the worker's messages, with the files read by the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientFileSystem } from './host/clientFileSystem';
import { serveLanguage } from './languageServer';

// The worker's global scope; this program's types are Node's, which do not name it.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
serveLanguage(connection, { fileSystem: clientFileSystem(connection), schedule: (callback) => setTimeout(callback, 0) });
