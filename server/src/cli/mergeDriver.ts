// `milestones merge-driver %O %A %B %P`: git's merge driver for plans, merging by item and by
// field (host/mergeDriver.ts); `milestones merge-driver --install` sets it up in a repository.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../host/git';
import { installMergeDriver, runMergeDriver } from '../host/mergeDriver';
import { defineCommand, exitStatus, UsageError } from './command';
import { helpOption } from './options';

export default defineCommand({
  name: 'merge-driver',
  synopsis: '%O %A %B %P [--marker-size N] | --install',
  description: `git's merge driver for plans: merges the common ancestor (%O), ours (%A, which
receives the result) and theirs (%B) of the file %P by item and by field. Changes to
different items or fields merge cleanly; features and predecessors lists merge as sets;
a field changed two ways is marked as a conflict around that field. Exits 0 when the
merge is clean, 1 when conflicts are left to resolve or the merge makes a duplicate ID
or a dependency cycle (said on standard error). A file it cannot read by item is merged
by \`git merge-file\`. --install sets it up in the repository of the current folder: the
merge.milestones lines of its git configuration, and the lines
"*.milestones.yaml merge=milestones" and "*.milestones.yml merge=milestones" of its
.gitattributes.`,
  options: {
    install: { type: 'boolean', help: "write the driver into the repository's git configuration and .gitattributes" },
    'marker-size': { type: 'string', value: 'N', help: 'the length of the conflict markers (git gives it as %L; default: 7)' },
    ...helpOption,
  },
  async run(values, positionals, { cwd }) {
    if (values.install) {
      if (positionals.length > 0) throw new UsageError('merge-driver --install takes no files: run it in the repository.');
      const written = await installMergeDriver(await repositoryRoot(cwd), await ownCommand());
      return { exitCode: exitStatus.clean, stdout: written.map((line) => `${line}\n`).join(''), stderr: 'The merge driver is installed: git merges plans by item and field from now on.\n' };
    }
    const [base, ours, theirs, pathname] = positionals;
    if (theirs === undefined || positionals.length > 4) throw new UsageError('merge-driver needs the files git gives it: merge-driver %O %A %B %P (or --install).');
    const markerSize = values['marker-size'] === undefined ? 7 : Number(values['marker-size']);
    if (!Number.isInteger(markerSize) || markerSize < 1 || markerSize > 100) throw new UsageError(`--marker-size must be a whole number of characters, not "${values['marker-size']}".`);
    const resolve = (file: string) => path.resolve(cwd, file);
    const result = await runMergeDriver({ base: resolve(base!), ours: resolve(ours!), theirs: resolve(theirs), pathname: pathname ?? ours! }, markerSize, cwd);
    return { exitCode: result.exitCode === 0 ? exitStatus.clean : exitStatus.problems, stdout: '', stderr: result.stderr };
  },
});

/**
 * How git is to run this program: `milestones` when that is what the PATH finds, else node and
 * this script by their absolute paths (a checkout, or the copy inside the extension).
 */
async function ownCommand(): Promise<string> {
  const script = await fs.realpath(require.main?.filename ?? __filename).catch(() => __filename);
  for (const folder of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const found = await fs.realpath(path.join(folder, 'milestones')).catch(() => undefined);
    if (found === script) return 'milestones';
  }
  const quoted = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  return `${quoted(process.execPath)} ${quoted(script)}`;
}
