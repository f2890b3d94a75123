// The milestone trend read from git: the steps of the branch's first-parent line (each month's last
// commit, each tag, or each commit), the plan files under the given paths and the overrides files
// read whole at the first step and as patches between one step and the next (one `git diff-tree`
// for all of them), and each item's expected date at every step (service/history/trendHistory.ts);
// for the Trend view, kept once per HEAD.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { TrendAnswer } from '../../../common/requests';
import type { TrendEvery, TrendHistory, TrendStep } from '../../../common/trendSeries';
import { TrendReader } from '../service/history/trendHistory';
import { isPlanFile, skippedFolders } from './fileSystem';
import { filesAt, firstParentLog, GitError, headCommit, pairPatches, repositoryRoot, resolveCommit, tagsInHead, textsAt, type LoggedCommit } from './git';
import { fileUri, uriPath } from './nodeFileSystem';
import { withoutBom } from './planRevision';

export interface TrendRequest {
  /** Absolute folders and files: the plan files under them are read. */
  paths: readonly string[];
  /** Absolute paths of overrides files, read at each step too. */
  overrides: readonly string[];
  every: TrendEvery;
  /** A date (YYYY-MM-DD) or a revision: the steps from there on. */
  since?: string;
}

type Step = LoggedCommit & { tag?: string };

export async function readTrend(root: string, request: TrendRequest): Promise<TrendHistory> {
  const realRoot = await fs.realpath(root);
  const relative = async (absolute: string) => path.relative(realRoot, await fs.realpath(absolute).catch(() => absolute)).split(path.sep).join('/');
  const wantedPaths = (await Promise.all(request.paths.map(relative))).filter((wanted) => !wanted.startsWith('..'));
  const overrides = new Set((await Promise.all(request.overrides.map(relative))).filter((wanted) => !wanted.startsWith('..')));
  const isPlan = (file: string) =>
    isPlanFile(file) && !overrides.has(file) && !file.split('/').some((part) => skippedFolders.has(part)) && wantedPaths.some((wanted) => wanted === '' || file === wanted || file.startsWith(`${wanted}/`));
  const uri = (file: string) => fileUri(path.join(realRoot, file));
  const steps = await stepsOf(root, request.every, request.since);
  const reader = new TrendReader();
  if (steps.length === 0) return reader.history();

  const first = steps[0]!;
  const files = [...(await filesAt(root, first.commit)).filter(isPlan), ...overrides];
  for (const [file, text] of await textsAt(root, first.commit, files)) {
    if (overrides.has(file)) reader.setOverrides(file, uri(file), text === undefined ? undefined : withoutBom(text));
    else if (text !== undefined) reader.setPlan(file, uri(file), withoutBom(text));
  }
  reader.endStep(stepOf(first));

  const pathspecs = [...wantedPaths.map((wanted) => (wanted === '' ? '.' : wanted)), ...overrides];
  const patches = await pairPatches(root, steps.slice(1).map((step, index) => [steps[index]!.commit, step.commit] as const), pathspecs);
  for (const [index, step] of steps.slice(1).entries()) {
    const whole: string[] = [];
    for (const patch of patches[index] ?? []) {
      const { oldPath, newPath } = patch;
      if (oldPath !== undefined && oldPath !== newPath && (overrides.has(oldPath) || reader.hasPlan(oldPath))) {
        if (overrides.has(oldPath)) reader.setOverrides(oldPath, uri(oldPath), undefined);
        else if (newPath === undefined || !isPlan(newPath)) reader.setPlan(oldPath, uri(oldPath), undefined);
      }
      if (newPath === undefined) continue;
      if (overrides.has(newPath)) whole.push(newPath);
      else if (isPlan(newPath)) {
        // Added, or patched from a plan being read; anything else (copied or renamed from another file, binary) is read whole.
        const from = oldPath === undefined ? undefined : reader.hasPlan(oldPath) ? oldPath : null;
        if (from === null || patch.binary || !reader.patchPlan(from, newPath, uri(newPath), patch.hunks)) {
          if (from && from !== newPath) reader.setPlan(from, uri(from), undefined);
          whole.push(newPath);
        }
      }
    }
    if (whole.length > 0) {
      for (const [file, text] of await textsAt(root, step.commit, whole)) {
        const read = text === undefined ? undefined : withoutBom(text);
        if (overrides.has(file)) reader.setOverrides(file, uri(file), read);
        else reader.setPlan(file, uri(file), read);
      }
    }
    reader.endStep(stepOf(step));
  }
  return reader.history();
}

function stepOf(step: Step): TrendStep {
  return { commit: step.hash, date: step.date, subject: step.subject, ...(step.tag === undefined ? {} : { tag: step.tag }) };
}

/** The revisions the trend reads, oldest first. */
async function stepsOf(root: string, every: TrendEvery, since: string | undefined): Promise<Step[]> {
  let line: LoggedCommit[];
  try {
    line = (await firstParentLog(root)).reverse();
  } catch (error) {
    if (error instanceof GitError && /does not have any commits|unknown revision|bad revision 'HEAD'/.test(error.message)) throw new GitError('The repository has no commits yet: the trend reads the plan at its commits.');
    throw error;
  }
  let steps: Step[];
  if (every === 'commit') steps = line;
  else if (every === 'month') {
    // The last commit of each month along the line: where the next one is of another month.
    steps = line.filter((commit, index) => index === line.length - 1 || line[index + 1]!.date.slice(0, 7) !== commit.date.slice(0, 7));
  } else {
    const position = new Map(line.map((commit, index) => [commit.commit, index]));
    const byCommit = new Map<string, Step>();
    for (const tagged of await tagsInHead(root)) {
      const known = byCommit.get(tagged.commit);
      byCommit.set(tagged.commit, known ? { ...known, tag: `${known.tag!}, ${tagged.tag}` } : tagged);
    }
    steps = [...byCommit.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (position.get(a.commit) ?? 0) - (position.get(b.commit) ?? 0)));
  }
  if (since === undefined) return steps;
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return steps.filter((step) => step.date >= since);
  const from = await resolveCommit(root, since);
  const excluded = new Set((await firstParentLog(root, from)).map((commit) => commit.commit));
  excluded.delete(from);
  return steps.filter((step) => !excluded.has(step.commit));
}

/** The Trend view's answers: the trend of the first workspace folder's repository, read once per HEAD and steps. */
export class PlanTrends {
  private kept: { key: string; answer: Promise<TrendAnswer> } | undefined;

  /** `folderUris`: the workspace folders; `overrides`: the URIs of the overrides files to read at each step. */
  async of(every: TrendEvery, folderUris: readonly string[], overrides: readonly string[]): Promise<TrendAnswer> {
    const folders = folderUris.filter((uri) => uri.startsWith('file:')).map(uriPath);
    if (folders.length === 0) return { history: null, reason: 'The trend reads the plans of a workspace folder on disk, with git: open a folder.', version: null };
    try {
      // One repository: the first folder's, as for the timeline's baseline.
      const root = await repositoryRoot(folders[0]!);
      const head = await headCommit(root);
      if (!head) return { history: null, reason: 'The repository has no commits yet: the trend reads the plan at its commits.', version: null };
      const paths = overrides.filter((uri) => uri.startsWith('file:')).map(uriPath);
      const key = JSON.stringify([head, every, folders, paths]);
      if (this.kept?.key !== key) this.kept = { key, answer: readTrend(root, { paths: folders, overrides: paths, every }).then((history) => ({ history, reason: null, version: key })) };
      return await this.kept.answer;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      this.kept = undefined;
      return { history: null, reason: error.message, version: null };
    }
  }
}
