// `milestones diff <revision>`: the milestones and features added, removed and changed since a git
// revision, each date moved with its slip in days; the overrides files apply on both sides, each
// as it was at that time.
import * as path from 'node:path';
import { describeCommit, repositoryRoot, resolveCommit } from '../host/git';
import { plansAtRevision, textAtRevision } from '../host/planRevision';
import { diffPlans, diffSummary, formatDiff, type PlanText } from '../service/history/planDiff';
import { defineCommand, UsageError } from './command';
import { inputFailure, readInputs } from './inputs';
import { formatOption, helpOption, oneOf, overridesOption } from './options';

const formats = ['text', 'json', 'md'] as const;

export default defineCommand({
  name: 'diff',
  synopsis: '<revision> [--format text|json|md] [options] [paths…]',
  description: `Lists the milestones and features added and removed since a git revision (a tag,
a branch, a commit, HEAD~3), and each due, forecast and completion date changed, with
the slip in days; files renamed since are followed. json prints an array of
{id, kind, field, before, after, days}.`,
  options: { ...formatOption(formats), ...overridesOption, ...helpOption },
  async run(values, positionals, { cwd }) {
    const format = oneOf('--format', values.format, formats);
    const [revision, ...paths] = positionals;
    if (revision === undefined) throw new UsageError('diff needs a revision to compare with, e.g. `milestones diff HEAD~3`.');
    const inputs = await readInputs(cwd, paths, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const root = await repositoryRoot(cwd);
    const commit = await resolveCommit(root, revision);
    const before = await plansAtRevision(root, commit, (paths.length > 0 ? paths : ['.']).map((wanted) => path.resolve(cwd, wanted)));
    const overridesBefore: PlanText[] = [];
    for (const file of inputs.overrides) {
      const text = await textAtRevision(root, commit, path.resolve(cwd, file.path));
      if (text !== undefined) overridesBefore.push({ uri: file.uri, text });
    }
    const changes = diffPlans({ plans: before, overrides: overridesBefore }, { plans: inputs.plans, overrides: inputs.overrides });
    const summary = `Since ${revision} (${await describeCommit(root, commit)}): ${diffSummary(changes)}.\n`;
    return { exitCode: 0, stdout: formatDiff(changes, format), stderr: summary };
  },
});
