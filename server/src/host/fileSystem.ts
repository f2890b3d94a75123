// What a host needs of the files of a workspace, by URI: the language server on Node reads the
// disk; a server in a browser worker asks the editor. Which files are plans: common/planFiles.ts.
import { URI, Utils } from 'vscode-uri';
import { planFilePattern, skippedFolders } from '../../../common/planFiles';

export { planFilePattern, skippedFolders };

export interface HostFileSystem {
  /** The URIs of the plan files under a folder (or the file itself), sorted. */
  findPlanFiles(folderUri: string): Promise<string[]>;
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

/**
 * Whether `uri` is one of the files `globs` name (relative to `folderUri`, as settings give them):
 * `**` any folders, `*` and `?` within a name.
 */
export function matchesGlobs(uri: string, folderUri: string, globs: readonly string[]): boolean {
  if (globs.length === 0 || !isInside(uri, folderUri)) return false;
  const folder = normalizeUri(folderUri);
  const relative = decodeURIComponent(normalizeUri(uri).slice(folder.length).replace(/^\//, ''));
  return globs.some((glob) => globPattern(glob).test(relative));
}

function globPattern(glob: string): RegExp {
  glob = glob.replace(/^\.\//, '');
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index]!;
    if (character === '*' && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (character === '*') pattern += '[^/]*';
    else if (character === '?') pattern += '[^/]';
    else pattern += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** A setting's file (relative to the folder, or absolute) as a URI. */
export function resolveUri(folderUri: string, configured: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(configured)) return URI.parse(configured).toString();
  if (configured.startsWith('/') || /^[A-Za-z]:[\\/]/.test(configured)) return URI.file(configured).toString();
  return Utils.joinPath(URI.parse(folderUri), configured).toString();
}

/** A URI as the editor writes it (`file:///a%20b/x`), so that one file has one key. */
export function normalizeUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** Whether `uri` is inside the folder `folderUri`. */
export function isInside(uri: string, folderUri: string): boolean {
  const folder = normalizeUri(folderUri);
  return normalizeUri(uri).startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** The last part of a URI's path, for messages. */
export function baseNameOf(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
