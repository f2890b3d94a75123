// The file system of the language server and the command-line checker: the disk, through Node.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { isPlanFile, matchesGlobs, skippedFolders, type HostFileSystem } from './fileSystem';

export function fileUri(filePath: string): string {
  return URI.file(path.resolve(filePath)).toString();
}

export function uriPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** Every plan file under a folder (or the file itself), as paths, sorted. */
export async function findPlanFiles(root: string, limit = 10_000): Promise<string[]> {
  const stat = await fs.stat(root);
  if (stat.isFile()) return [root];
  return findFiles(root, (name) => isPlanFile(name), limit);
}

/** The files under a folder whose path `accept`s, as paths, sorted; the folders of `skippedFolders` are not searched. */
async function findFiles(root: string, accept: (name: string, full: string) => boolean, limit = 10_000): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, as an editor would
    }
    for (const entry of entries) {
      if (found.length >= limit) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) await walk(full);
      } else if (entry.isFile() && accept(entry.name, full)) {
        found.push(full);
      }
    }
  };
  await walk(root);
  return found.sort();
}

export const nodeFileSystem: HostFileSystem = {
  findPlanFiles: async (folderUri) => (await findPlanFiles(uriPath(folderUri))).map(fileUri),
  findFiles: async (folderUri, globs) => {
    if (globs.length === 0) return [];
    return (await findFiles(uriPath(folderUri), (_name, full) => matchesGlobs(fileUri(full), folderUri, globs))).map(fileUri);
  },
  readFile: (uri) => fs.readFile(uriPath(uri), 'utf8'),
};
