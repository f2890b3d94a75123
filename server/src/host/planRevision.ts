// The plan files as they were at a git revision, for `milestones diff` and the baseline the
// timeline draws: the files of the commit that are now under the given folders or files,
// following renames (a file renamed since is placed where it is now; its text is the commit's).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PlanText } from '../service/history/planDiff';
import { isPlanFile, skippedFolders } from './fileSystem';
import { fileAt, filesAt, renamesSince } from './git';
import { fileUri } from './nodeFileSystem';

/** `paths` are absolute; the files of the commit under any of them are read. */
export async function plansAtRevision(root: string, commit: string, paths: readonly string[]): Promise<PlanText[]> {
  const realRoot = await fs.realpath(root);
  const wanted = await Promise.all(paths.map((wantedPath) => fs.realpath(wantedPath)));
  const renames = await renamesSince(root, commit);
  const plans: PlanText[] = [];
  for (const file of await filesAt(root, commit)) {
    const now = path.join(realRoot, renames.get(file) ?? file);
    if (!isPlanFile(file) && !isPlanFile(now)) continue;
    if (path.relative(realRoot, now).split(path.sep).some((part) => skippedFolders.has(part))) continue;
    if (!wanted.some((folder) => now === folder || now.startsWith(folder + path.sep))) continue;
    plans.push({ uri: fileUri(now), text: withoutBom(await fileAt(root, commit, file)) });
  }
  return plans;
}

/** The text at the commit of the file now at `absolute` (followed across a rename since), or undefined when the commit has no such file. */
export async function textAtRevision(root: string, commit: string, absolute: string): Promise<string | undefined> {
  const realRoot = await fs.realpath(root);
  const now = path.relative(realRoot, await fs.realpath(absolute)).split(path.sep).join('/');
  const renamed = [...(await renamesSince(root, commit))].find(([, to]) => to === now)?.[0];
  try {
    return withoutBom(await fileAt(root, commit, renamed ?? now));
  } catch {
    return undefined;
  }
}

/** A plan's text without the byte-order mark an editor may have written. */
export function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
