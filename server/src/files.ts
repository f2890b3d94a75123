// Reading plans and glossaries from disk, shared by the language server and the command-line
// checker: which files are plans, and how configured glossary files are loaded.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { parseGlossaryFile, parseSkipList, type GlossaryEntry } from './service/glossary';

export const planFilePattern = /\.milestones\.ya?ml$/;

const skippedFolders = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export function isPlanFile(fileName: string): boolean {
  return planFilePattern.test(fileName);
}

/** Every plan file under a folder (or the file itself), sorted. */
export async function findPlanFiles(root: string, limit = 10_000): Promise<string[]> {
  const found: string[] = [];
  const stat = await fs.stat(root);
  if (stat.isFile()) return [root];
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
      } else if (entry.isFile() && isPlanFile(entry.name)) {
        found.push(full);
      }
    }
  };
  await walk(root);
  return found.sort();
}

export function fileUri(filePath: string): string {
  return URI.file(path.resolve(filePath)).toString();
}

export function uriPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export interface LoadedGlossaries {
  entries: GlossaryEntry[];
  skip: string[];
  /** Problems reading the files, for the user: `file:line: message`. */
  problems: { file: string; line: number; message: string }[];
}

/** Loads glossary files and a skip-list file, paths relative to `base`. */
export async function loadGlossaries(files: readonly string[], skipFile: string | undefined, base: string): Promise<LoadedGlossaries> {
  const result: LoadedGlossaries = { entries: [], skip: [], problems: [] };
  for (const file of files) {
    const full = path.resolve(base, file);
    try {
      const text = await fs.readFile(full, 'utf8');
      const parsed = parseGlossaryFile(full, text, file);
      result.entries.push(...parsed.entries);
      for (const problem of parsed.problems) result.problems.push({ file: full, line: problem.line, message: problem.message });
    } catch (error) {
      result.problems.push({ file: full, line: 0, message: `Cannot read glossary file: ${(error as Error).message}` });
    }
  }
  if (skipFile) {
    const full = path.resolve(base, skipFile);
    try {
      result.skip.push(...parseSkipList(await fs.readFile(full, 'utf8')));
    } catch (error) {
      result.problems.push({ file: full, line: 0, message: `Cannot read skip list: ${(error as Error).message}` });
    }
  }
  return result;
}
