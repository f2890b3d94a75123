// Loads the glossary files and the skip list the settings name, for the language server and the
// command-line checker, and keeps their texts for the quick fixes that add a term to them.
import type { FixTargets, GlossaryEntry } from '../service';
import { notTextProblem, parseGlossaryFile, parseSkipList } from '../service/glossary/glossaryFiles';
import { resolveUri, whyUnreadable, type HostFileSystem } from './fileSystem';

export interface GlossaryProblem {
  uri: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
  /** The file cannot be used at all: it cannot be read, or is not text. */
  unreadable?: true;
}

export interface LoadedGlossaries {
  entries: GlossaryEntry[];
  skip: string[];
  /** Problems reading the files, for the user: the file, a 0-based line, and what is wrong. */
  problems: GlossaryProblem[];
  /** The first glossary file and the skip list, as read, for fixes that add to them. */
  targets: FixTargets;
}

/** Reads `files` and `skipFile` (relative to the folder `folderUri`, or absolute); `tags` are `milestones.glossaryTags`. */
export async function loadGlossaries(fs: HostFileSystem, folderUri: string, files: readonly string[], skipFile: string, tags: readonly string[] = []): Promise<LoadedGlossaries> {
  const result: LoadedGlossaries = { entries: [], skip: [], problems: [], targets: {} };
  for (const [position, file] of files.entries()) {
    const uri = resolveUri(folderUri, file);
    let text: string | undefined;
    try {
      text = await fs.readFile(uri);
      const binary = notTextProblem(file, text);
      if (binary) {
        result.problems.push({ uri, ...binary, severity: 'error', unreadable: true });
      } else {
        const parsed = parseGlossaryFile(file, text, file, { tags });
        for (const entry of parsed.entries) result.entries.push(entry);
        for (const problem of parsed.problems) result.problems.push({ uri, line: problem.line, message: problem.message, severity: problem.severity ?? 'error' });
      }
    } catch (error) {
      result.problems.push({ uri, line: 0, message: `The glossary file ${file} cannot be read: ${whyUnreadable(error)}.`, severity: 'error', unreadable: true });
    }
    if (position === 0) result.targets.glossaryFile = { uri, name: file, text: text ?? '' };
  }
  if (skipFile !== '') {
    const uri = resolveUri(folderUri, skipFile);
    let text: string | undefined;
    try {
      text = await fs.readFile(uri);
      const binary = notTextProblem(skipFile, text);
      if (binary) result.problems.push({ uri, ...binary, severity: 'error', unreadable: true });
      else for (const word of parseSkipList(text)) result.skip.push(word);
    } catch (error) {
      result.problems.push({ uri, line: 0, message: `The skip list ${skipFile} cannot be read: ${whyUnreadable(error)}.`, severity: 'error', unreadable: true });
    }
    result.targets.skipFile = { uri, name: skipFile, text: text ?? '' };
  }
  return result;
}
