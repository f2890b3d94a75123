// What a host needs of the files of a workspace, by URI: the language server on Node reads the
// disk; a server in a browser worker asks the editor. Which files are plans, overrides files or
// glossaries: common/documentKinds.ts.
import { URI, Utils } from 'vscode-uri';
import { isInside, matchesGlobs, normalizeUri, resolveUri } from '../../../common/documentKinds';
import { planFilePattern, skippedFolders } from '../../../common/planFiles';

export { isInside, matchesGlobs, normalizeUri, planFilePattern, resolveUri, skippedFolders };

export interface HostFileSystem {
  /** The URIs of the plan files under a folder (or the file itself), sorted. */
  findPlanFiles(folderUri: string): Promise<string[]>;
  /** The URIs of the files under a folder that `globs` (relative to it) name, sorted. */
  findFiles(folderUri: string, globs: readonly string[]): Promise<string[]>;
  /** A file's text; rejects when it cannot be read. */
  readFile(uri: string): Promise<string>;
}

/** Why a file could not be read, in words for a message: "it does not exist", "it is a folder", … */
export function whyUnreadable(error: unknown): string {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function isPlanFile(uriOrPath: string): boolean {
  return planFilePattern.test(uriOrPath);
}

/** The last part of a URI's path, for messages. */
export function baseNameOf(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
