// git's merge driver for plans: reads the three versions git gives (%O %A %B), merges them by item
// and field (service/history/planMerge.ts), writes the result where git reads it (%A) and says what
// conflicts, or what the merge would break, on standard error. A file it cannot merge by item goes
// to `git merge-file`, git's own line merge, so that no side is ever lost. Also installs itself.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createPlanService } from '../service';
import { mergePlans, type MergeConflict } from '../service/history/planMerge';
import { LineIndex } from '../service/text/lineIndex';
import { mergeFile, setConfig } from './git';
import { fileUri } from './nodeFileSystem';

/** git's contract: 0 when the merge is clean, non-zero when the file is left with conflicts to resolve. */
export interface MergeDriverResult {
  exitCode: 0 | 1;
  stderr: string;
}

export interface MergeDriverFiles {
  /** %O, %A (which receives the result) and %B. */
  base: string;
  ours: string;
  theirs: string;
  /** %P: the file's path in the repository, for messages. */
  pathname: string;
}

/** The problems a merge may make of two sound sides: a merged plan with either is checked and they are reported. */
const mergeBreaks = new Set(['duplicate-id', 'dependency-cycle']);

const labels = { ours: 'ours', base: 'base', theirs: 'theirs' };

export async function runMergeDriver(files: MergeDriverFiles, markerSize: number, cwd: string): Promise<MergeDriverResult> {
  const [base, ours, theirs] = await Promise.all([files.base, files.ours, files.theirs].map(readText));
  const merge = base !== undefined && ours !== undefined && theirs !== undefined ? mergePlans(base, ours, theirs, labels, markerSize) : { merged: false as const, reason: 'a side is not UTF-8 text' };
  if (!merge.merged) {
    const conflicts = await mergeFile(cwd, files.ours, files.base, files.theirs, labels, markerSize);
    const outcome = conflicts === 0 ? 'merged cleanly' : `${conflicts} conflict${conflicts === 1 ? '' : 's'} left to resolve`;
    return { exitCode: conflicts === 0 ? 0 : 1, stderr: `milestones merge-driver: ${files.pathname}: merged line by line by git, as ${merge.reason}: ${outcome}.\n` };
  }
  await fs.writeFile(files.ours, merge.text);
  if (merge.conflicts.length > 0) {
    return { exitCode: 1, stderr: merge.conflicts.map((conflict) => `milestones merge-driver: ${files.pathname}:${conflict.line}: ${conflictMessage(conflict)}\n`).join('') };
  }
  const broken = newProblems(files.pathname, merge.text, [ours!, theirs!]);
  return { exitCode: broken.length > 0 ? 1 : 0, stderr: broken.map((line) => `milestones merge-driver: ${line}\n`).join('') };
}

/** The file's text, or undefined when it is not UTF-8. */
async function readText(file: string): Promise<string | undefined> {
  const bytes = await fs.readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function conflictMessage(conflict: MergeConflict): string {
  const what = conflict.field ? `${conflict.key} ${conflict.field}` : conflict.key === '' ? 'the opening comments' : conflict.key;
  const end = 'resolve between the markers.';
  if (conflict.ours === undefined) return `${what} removed by ours and changed by theirs; ${end}`;
  if (conflict.theirs === undefined) return `${what} changed by ours and removed by theirs; ${end}`;
  if (!conflict.field) return `${what} changed on both sides, not in fields that merge apart; ${end}`;
  const value = (text: string) => JSON.stringify(text.trim().split('\n')[0]);
  return `${what} changed on both sides (ours: ${value(conflict.ours)}, theirs: ${value(conflict.theirs)}); ${end}`;
}

/** The problems of the merged plan that neither side had on its own: `path:line: code message`. */
function newProblems(pathname: string, merged: string, sides: readonly string[]): string[] {
  const problems = (text: string) => {
    const uri = fileUri(path.resolve('/', pathname));
    const service = createPlanService();
    service.setFile(uri, text.replace(/^\uFEFF/, ''));
    return service.problems(uri).filter((problem) => mergeBreaks.has(problem.code));
  };
  const before = new Set(sides.flatMap((side) => problems(side).map((problem) => `${problem.code} ${problem.message}`)));
  const lines = new LineIndex(merged.replace(/^\uFEFF/, ''));
  return problems(merged)
    .filter((problem) => !before.has(`${problem.code} ${problem.message}`))
    .map((problem) => `${pathname}:${lines.positionAt(problem.start).line + 1}: ${problem.code} ${problem.message} The merge made this: fix it before committing.`);
}

/** What `--install` writes: the attributes of plan files, and the driver in the repository's configuration. */
export const mergeAttributes = ['*.milestones.yaml merge=milestones', '*.milestones.yml merge=milestones'];

/**
 * Installs the driver in a repository: `merge.milestones.name` and `.driver` in its configuration
 * (running `command`), and the attribute lines in its top `.gitattributes` (those not there yet).
 */
export async function installMergeDriver(root: string, command: string): Promise<string[]> {
  const driver = `${command} merge-driver %O %A %B %P`;
  await setConfig(root, 'merge.milestones.name', 'Milestone plans, merged by item and field');
  await setConfig(root, 'merge.milestones.driver', driver);
  const attributesFile = path.join(root, '.gitattributes');
  const existing = await fs.readFile(attributesFile, 'utf8').catch(() => '');
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')));
  const missing = mergeAttributes.filter((line) => !present.has(line));
  if (missing.length > 0) await fs.writeFile(attributesFile, `${existing}${existing === '' || existing.endsWith('\n') ? '' : eol}${missing.map((line) => `${line}${eol}`).join('')}`);
  return [`git config merge.milestones.name "Milestone plans, merged by item and field"`, `git config merge.milestones.driver "${driver.replace(/"/g, '\\"')}"`, ...missing.map((line) => `.gitattributes: ${line}`)];
}
