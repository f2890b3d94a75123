// The date history the hover of an item shows, read from git on demand: the commits that changed
// the item's plan file (following renames), each version's dates parsed once per blob and kept
// while the file's history still names that blob. Without git, or outside a repository, it says so
// once and answers nothing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dateHistory, dateHistoryMarkdown, trackedDates, type FileVersion, type TrackedDates } from '../service/history/dateHistory';
import { blobTexts, fileLog, GitError, headCommit, repositoryRoot } from './git';
import { uriPath } from './nodeFileSystem';

interface FileHistory {
  head: string;
  versions: FileVersion[];
}

export class PlanHistory {
  /** The repository of each folder, or null when it has none. */
  private readonly roots = new Map<string, Promise<string | null>>();
  /** Each file's versions as of a HEAD. */
  private readonly files = new Map<string, Promise<FileHistory | undefined>>();
  /** The dates of each blob read, shared by the files' histories, and the blobs each file's history names. */
  private readonly blobs = new Map<string, Map<string, TrackedDates>>();
  private readonly blobsOfFile = new Map<string, Set<string>>();
  private readonly said = new Set<string>();
  private gitMissing = false;

  constructor(private readonly log: (message: string) => void) {}

  /** The hover's date history of an item defined in `uri`, in Markdown; undefined when there is none to show. */
  async markdown(uri: string, id: string): Promise<string | undefined> {
    const versions = await this.versions(uri);
    return versions && dateHistoryMarkdown(dateHistory(id, versions));
  }

  private async versions(uri: string): Promise<FileVersion[] | undefined> {
    if (this.gitMissing || !uri.startsWith('file:')) return undefined;
    const file = uriPath(uri);
    try {
      const root = await this.rootOf(path.dirname(file));
      if (!root) return undefined;
      const head = await headCommit(root);
      if (!head) return undefined;
      const known = await this.files.get(file);
      if (known?.head === head) return known.versions;
      const reading = this.read(root, file, head);
      this.files.set(file, reading);
      return (await reading)?.versions;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      if (/not installed/.test(error.message)) this.gitMissing = true;
      this.sayOnce(`The date history of the hover is not shown: ${error.message}`);
      this.files.delete(file);
      return undefined;
    }
  }

  private rootOf(folder: string): Promise<string | null> {
    let root = this.roots.get(folder);
    if (!root) {
      root = repositoryRoot(folder).catch((error: unknown) => {
        if (error instanceof GitError && /not inside a git repository/.test(error.message)) {
          this.sayOnce(`The date history of the hover is not shown for plans outside a git repository (${folder}).`);
          return null;
        }
        this.roots.delete(folder);
        throw error;
      });
      this.roots.set(folder, root);
    }
    return root;
  }

  private async read(root: string, file: string, head: string): Promise<FileHistory> {
    // git names files by their real path under the repository's (real) root.
    const relative = path.relative(root, await fs.realpath(file).catch(() => file)).split(path.sep).join('/');
    const commits = await fileLog(root, relative);
    const missing = [...new Set(commits.map((commit) => commit.blob))].filter((blob) => !this.blobs.has(blob));
    if (missing.length > 0) {
      const texts = await blobTexts(root, missing);
      for (const [blob, text] of texts) this.blobs.set(blob, trackedDates(`${file}@${blob}`, text.replace(/^\uFEFF/, '')));
    }
    const versions = commits.flatMap((commit) => {
      const dates = this.blobs.get(commit.blob);
      return dates ? [{ hash: commit.hash, date: commit.date, subject: commit.subject, dates }] : [];
    });
    this.blobsOfFile.set(file, new Set(commits.map((commit) => commit.blob)));
    // Blobs no file's latest history names any more are not needed again.
    const used = new Set([...this.blobsOfFile.values()].flatMap((blobs) => [...blobs]));
    for (const blob of [...this.blobs.keys()]) if (!used.has(blob)) this.blobs.delete(blob);
    return { head, versions };
  }

  private sayOnce(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.log(message);
  }
}
