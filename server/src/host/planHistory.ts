// The date history the hover of an item shows, read from git on demand: the commits of the
// first-parent line that changed the item's plan file (following renames), oldest first, each
// version read as the patch git gives of the one before (only the changed lines), into the changes
// of every item of the file. When HEAD moves on, only the commits since are read. Without git, or
// outside a repository, it says so once and answers nothing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DateHistories, dateHistoryMarkdown, datesOf } from '../service/history/dateHistory';
import { PlanVersions } from '../service/history/planVersions';
import { fileAt, fileLog, GitError, headCommit, isAncestor, repositoryRoot } from './git';
import { fileUri, uriPath } from './nodeFileSystem';
import { withoutBom } from './planRevision';

interface FileHistory {
  head: string;
  /** The newest commit that changed the file, as of `head`: a later HEAD that descends from it adds only the commits after it. */
  newest: string | undefined;
  histories: DateHistories;
  /** The file as of `newest`, that the next version is read as a patch of. */
  versions: PlanVersions;
}

export class PlanHistory {
  /** The repository of each folder, or null when it has none. */
  private readonly roots = new Map<string, Promise<string | null>>();
  /** Each file's history as of a HEAD, read or being read. */
  private readonly files = new Map<string, { head: string; reading: Promise<FileHistory | undefined> }>();
  private readonly said = new Set<string>();
  private gitMissing = false;

  constructor(
    private readonly log: (message: string) => void,
    /** How long a hover waits for a history being read (a long one takes minutes the first time) before it answers without. */
    private readonly patience = 1000,
  ) {}

  /** The hover's date history of an item defined in `uri`, in Markdown; undefined when there is none to show. */
  async markdown(uri: string, id: string): Promise<string | undefined> {
    const started = await this.start(uri);
    if (!started) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'still reading'>((resolve) => (timer = setTimeout(() => resolve('still reading'), this.patience)));
    const read = await Promise.race([started.reading, waited]).finally(() => clearTimeout(timer));
    if (read === 'still reading') return '**Date history** (git): still being read from the repository; hover again in a moment.';
    return read && dateHistoryMarkdown(read.histories.of(id));
  }

  /** The reading of a file's history as of the current HEAD: the one kept, or a new one started. */
  private async start(uri: string): Promise<{ reading: Promise<FileHistory | undefined> } | undefined> {
    if (this.gitMissing || !uri.startsWith('file:')) return undefined;
    const file = uriPath(uri);
    try {
      const root = await this.rootOf(path.dirname(file));
      if (!root) return undefined;
      const head = await headCommit(root);
      if (!head) return undefined;
      const kept = this.files.get(file);
      if (kept?.head === head) return { reading: kept.reading };
      const reading = (async () => this.read(root, file, head, await kept?.reading))().catch((error: unknown) => this.failed(error, file));
      this.files.set(file, { head, reading });
      return { reading };
    } catch (error) {
      return this.failed(error, file);
    }
  }

  /** Says once why there is no history (git missing, a repository git cannot read), and forgets the file's. */
  private failed(error: unknown, file: string): undefined {
    if (!(error instanceof GitError)) throw error;
    if (/not installed/.test(error.message)) this.gitMissing = true;
    this.sayOnce(`The date history of the hover is not shown: ${error.message}`);
    this.files.delete(file);
    return undefined;
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

  private async read(root: string, file: string, head: string, known: FileHistory | undefined): Promise<FileHistory> {
    // git names files by their real path under the repository's (real) root.
    const relative = path.relative(root, await fs.realpath(file).catch(() => file)).split(path.sep).join('/');
    const since = known?.newest !== undefined && (await isAncestor(root, known.newest, head)) ? known : undefined;
    const commits = (await fileLog(root, relative, since ? `${since.newest}..${head}` : head)).reverse();
    const history = since ?? { head, newest: undefined, histories: new DateHistories(), versions: new PlanVersions(fileUri(file)) };
    for (const commit of commits) {
      const patch = commit.patch;
      if (!patch) continue;
      // Deleted, the file is empty until a later commit adds it again.
      if (patch.newPath === undefined) {
        history.versions.next('');
        continue;
      }
      // A patch that does not apply (or a file git saw as binary): that version is read whole.
      const changes = (!patch.binary && history.versions.patch(patch.hunks)) || history.versions.next(withoutBom(await fileAt(root, commit.commit, patch.newPath)));
      history.histories.add({ hash: commit.hash, date: commit.date, subject: commit.subject, dates: datesOf(changes.added) });
    }
    return { ...history, head, newest: commits.at(-1)?.commit ?? history.newest };
  }

  private sayOnce(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.log(message);
  }
}
