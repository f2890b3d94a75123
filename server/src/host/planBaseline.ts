// The baseline the timeline draws: the due dates of the plans of the workspace folders at the git
// revision `milestones.baselineRevision` names, read once per commit. Without git, outside a
// repository, or for a revision the repository does not have, it says so once and there is none.
import type { Baseline } from '../../../common/planSnapshot';
import { itemsOf } from '../service/history/planDiff';
import { describeCommit, GitError, repositoryRoot, resolveCommit } from './git';
import { uriPath } from './nodeFileSystem';
import { plansAtRevision } from './planRevision';

export class PlanBaseline {
  private kept: { key: string; baseline: Promise<Baseline | undefined> } | undefined;
  private readonly said = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** The baseline of the plans under `folderUris` at `revision`; undefined when the revision is '' or cannot be read. */
  async of(revision: string, folderUris: readonly string[]): Promise<Baseline | undefined> {
    const folders = folderUris.filter((uri) => uri.startsWith('file:')).map(uriPath);
    if (revision === '' || folders.length === 0) return undefined;
    try {
      // One repository: the first folder's (a workspace of folders from several repositories has no one baseline).
      const root = await repositoryRoot(folders[0]!);
      const commit = await resolveCommit(root, revision);
      const key = `${revision}\n${commit}\n${folders.join('\n')}`;
      if (this.kept?.key !== key) this.kept = { key, baseline: this.read(root, revision, commit, folders) };
      return await this.kept.baseline;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      this.kept = undefined;
      const message = `milestones.baselineRevision "${revision}" is not drawn: ${error.message}`;
      if (!this.said.has(message)) {
        this.said.add(message);
        this.log(message);
      }
      return undefined;
    }
  }

  private async read(root: string, revision: string, commit: string, folders: string[]): Promise<Baseline> {
    const due: Record<string, string> = {};
    for (const [id, item] of itemsOf({ plans: await plansAtRevision(root, commit, folders) })) if (item.due !== undefined) due[id] = item.due;
    return { revision, commit: (await describeCommit(root, commit)).split(' ')[0]!, due };
  }
}
