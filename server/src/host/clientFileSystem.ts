// The files of a workspace as the editor sees them, asked of the client: for the server in a
// browser worker (vscode.dev, github.dev), which has no disk, and whose client reads through
// `vscode.workspace.fs`.
import type { Connection } from 'vscode-languageserver';
import { findPlanFilesRequest, readFileRequest } from '../../../common/requests';
import type { HostFileSystem } from './fileSystem';

export function clientFileSystem(connection: Connection): HostFileSystem {
  return {
    findPlanFiles: (folderUri) => connection.sendRequest(findPlanFilesRequest, { uri: folderUri }),
    findFiles: (folderUri, globs) => (globs.length === 0 ? Promise.resolve([]) : connection.sendRequest(findPlanFilesRequest, { uri: folderUri, globs: [...globs] })),
    readFile: (uri) => connection.sendRequest(readFileRequest, { uri }),
  };
}
