// What a file is to the product, decided in one place for the language server, the extension and
// the command line: a plan (by its name), an overrides file, a glossary file or a skip list (by
// the settings, relative to a workspace folder), or none of these. Classified again whenever the
// settings arrive or change.
import { URI, Utils } from 'vscode-uri';
import { planFilePattern } from './planFiles';

export type DocumentKind = 'plan' | 'overrides' | 'glossary' | 'skip-list';

/** The settings that name files (the `milestones.*` settings of the same names). */
export interface KindSettings {
  overrideFiles: readonly string[];
  glossaryFiles: readonly string[];
  skipAcronymsFile: string;
}

/** The languages of the documents the extension gives the server; the server classifies each. */
export const documentLanguages = ['milestone-yaml', 'yaml'] as const;

/**
 * What `uri` is, given the workspace folders (settings' paths are relative to each) and the
 * settings: a plan by its name; else what the settings name it; else, when the editor gives the
 * document the plan language, a plan whatever its name. Undefined for a file of no concern.
 */
export function classify(uri: string, settings: KindSettings, folders: readonly string[], languageId?: string): DocumentKind | undefined {
  const normalized = normalizeUri(uri);
  if (planFilePattern.test(URI.parse(normalized).path)) return 'plan';
  const named = namedBySettings(normalized, settings, folders);
  return named ?? (languageId === 'milestone-yaml' ? 'plan' : undefined);
}

function namedBySettings(normalized: string, settings: KindSettings, folders: readonly string[]): DocumentKind | undefined {
  for (const folder of folders) {
    if (matchesGlobs(normalized, folder, settings.overrideFiles)) return 'overrides';
    if (settings.glossaryFiles.some((file) => resolveUri(folder, file) === normalized)) return 'glossary';
    if (settings.skipAcronymsFile !== '' && resolveUri(folder, settings.skipAcronymsFile) === normalized) return 'skip-list';
  }
  // Settings may name a file by its absolute path, outside every folder.
  if (settings.overrideFiles.some((glob) => isAbsolute(glob) && resolveUri('file:///', glob) === normalized)) return 'overrides';
  return undefined;
}

/**
 * Whether `uri` is one of the files `globs` name (relative to `folderUri`, as settings give them):
 * `**` any folders, `*` and `?` within a name.
 */
export function matchesGlobs(uri: string, folderUri: string, globs: readonly string[]): boolean {
  if (globs.length === 0 || !isInside(uri, folderUri)) return false;
  const folder = normalizeUri(folderUri);
  const relative = decodeURIComponent(normalizeUri(uri).slice(folder.length).replace(/^\//, ''));
  return globs.some((glob) => !isAbsolute(glob) && globPattern(glob).test(relative));
}

/** Whether a glob has a wildcard (else it names one file, which can be read without a search). */
export function hasWildcard(glob: string): boolean {
  return /[*?[{]/.test(glob);
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || /^[a-z][a-z0-9+.-]+:\/\//i.test(path);
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
