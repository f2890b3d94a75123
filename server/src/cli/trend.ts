// `milestones trend`: the milestone trend analysis of the plan's history in git — for each step
// (each month's last commit, each tag, or each commit) and each item, its expected date at that
// revision with the overrides files of that revision — as CSV, JSON or an SVG chart. Also the
// reading `report slip` shares.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { trendSeries, trendSteps, type TrendEvery, type TrendSeries } from '../../../common/trendSeries';
import { repositoryRoot } from '../host/git';
import { readTrend } from '../host/planTrend';
import { trendCsv, trendJson, trendSvg } from '../service/reports/trend';
import { defineCommand, UsageError, type CliContext, type CliResult } from './command';
import { inputFailure, readInputs } from './inputs';
import { formatOption, helpOption, oneOf, overridesOption, type OptionSpecs } from './options';

const formats = ['csv', 'svg', 'json'] as const;

/** The options that choose the steps and the items, for `trend` and `report slip`. */
export const trendOptions = {
  since: { type: 'string', value: 'REV|DATE', help: 'start at this revision (a tag, a branch, a commit) or date (YYYY-MM-DD)' },
  every: { type: 'string', value: 'STEP', help: 'a step at each month\'s last commit, each tag or each commit:\nmonth, tag or commit (default: month)' },
  prefix: { type: 'string', multiple: true, value: 'P', help: 'keep the items whose ID starts with P, e.g. --prefix DM- --prefix LDM-503-' },
  level: { type: 'string', value: 'N', help: 'keep the milestones of this level' },
} as const satisfies OptionSpecs;

interface TrendValues {
  since: string | undefined;
  every: string | undefined;
  prefix: string[];
  level: string | undefined;
  overrides: string[];
}

/** The trend of the plans under `paths`, as the options choose its steps and items; or the input problems. */
export async function trendOf(values: TrendValues, paths: readonly string[], { cwd }: CliContext): Promise<{ series: TrendSeries; every: TrendEvery; summary: string } | { failure: CliResult }> {
  const every = oneOf('--every', values.every, trendSteps);
  if (values.level !== undefined && !/^\d+$/.test(values.level)) throw new UsageError(`--level must be a whole number, not "${values.level}".`);
  const inputs = await readInputs(cwd, paths, values.overrides);
  if (inputs.problems.length > 0) return { failure: inputFailure(inputs.problems) };
  const absolute = (paths.length > 0 ? paths : ['.']).map((given) => path.resolve(cwd, given));
  // The repository of the first path: the plans' own, wherever the command runs.
  const first = absolute[0]!;
  const root = await repositoryRoot((await fs.stat(first)).isDirectory() ? first : path.dirname(first));
  const history = await readTrend(root, {
    paths: absolute,
    overrides: values.overrides.map((file) => path.resolve(cwd, file)),
    every,
    since: values.since,
  });
  const series = trendSeries(history, { prefixes: values.prefix, level: values.level === undefined ? undefined : Number(values.level) });
  const steps = series.steps;
  const span = steps.length === 0 ? 'no commit' : `${steps.length} step${steps.length === 1 ? '' : 's'} (every ${every}) from ${steps[0]!.date} to ${steps.at(-1)!.date}`;
  return { series, every, summary: `${series.lines.length} item${series.lines.length === 1 ? '' : 's'} over ${span}.` };
}

export default defineCommand({
  name: 'trend',
  synopsis: '[--since REV|DATE] [--every month|tag|commit] [--prefix P]… [--level N] [--format csv|svg|json] [options] [paths…]',
  description: `The milestone trend from the plan's history in git: for each step (each month's last
commit of the branch's first-parent line by default, each tag, or each commit) and each
milestone and feature, its expected date (forecast, else due, the overrides files of that
revision applied) at that revision; a line ends where the item is achieved. csv prints
date,commit,id,expected,change,achieved; json the series; svg the chart (report date
across, expected date up, the diagonal where achieved items end).`,
  options: { ...formatOption(formats), ...trendOptions, ...overridesOption, ...helpOption },
  async run(values, positionals, context) {
    const format = oneOf('--format', values.format, formats);
    const trend = await trendOf(values, positionals, context);
    if ('failure' in trend) return trend.failure;
    const { series, summary } = trend;
    const which = values.prefix.length > 0 ? ` of IDs starting ${values.prefix.join(', ')}` : '';
    const stdout = format === 'csv' ? trendCsv(series) : format === 'json' ? trendJson(series) : trendSvg(series, `Milestone trend${which}`);
    return { exitCode: 0, stdout, stderr: `${summary}\n` };
  },
});
