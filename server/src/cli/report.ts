// `milestones report delayed|remaining|slip`: the items not completed (those due before asOf, or all
// of them), in due-date order; or how each open item's expected date slipped along the plan's
// history in git (the trend's steps). As aligned text, a Markdown table or CSV.
import { formatSlip, slipRows } from '../service/reports/trend';
import { defineCommand, UsageError } from './command';
import { inputFailure, readInputs, serviceOf } from './inputs';
import { asOfOption, asOfSettings, formatOption, helpOption, oneOf, overridesOption } from './options';
import { trendOf, trendOptions } from './trend';

const formats = ['text', 'md', 'csv'] as const;

export default defineCommand({
  name: 'report',
  synopsis: 'delayed|remaining|slip [--format text|md|csv] [options] [paths…]',
  description: `Lists, in due-date order, the milestones and features delayed (not completed, due
before asOf) or remaining (not completed). slip lists, from the plan's history in git,
each item open at the last step with its expected date then, at the step before and
--steps steps before (default 3), and the changes in days, in the order of its expected
date (the steps and items as \`milestones trend\` chooses them).`,
  options: {
    ...formatOption(formats),
    ...asOfOption,
    steps: { type: 'string', value: 'N', help: 'slip: the earlier step compared, N steps before the last (default: 3)' },
    ...trendOptions,
    ...overridesOption,
    ...helpOption,
  },
  async run(values, positionals, context) {
    const { cwd } = context;
    const [kind, ...paths] = positionals;
    if (kind !== 'delayed' && kind !== 'remaining' && kind !== 'slip') throw new UsageError(`report needs what to list: delayed, remaining or slip${kind === undefined ? '' : `, not "${kind}"`}.`);
    const format = oneOf('--format', values.format, formats);
    if (kind === 'slip') {
      const steps = values.steps === undefined ? 3 : /^\d+$/.test(values.steps) && Number(values.steps) > 0 ? Number(values.steps) : Number.NaN;
      if (Number.isNaN(steps)) throw new UsageError(`--steps must be a whole number of steps (1 or more), not "${values.steps}".`);
      const trend = await trendOf(values, paths, context);
      if ('failure' in trend) return trend.failure;
      const rows = slipRows(trend.series, steps);
      const unit = { month: 'month', tag: 'tag', commit: 'commit' }[trend.every];
      return { exitCode: 0, stdout: formatSlip(rows, `${steps} ${unit}${steps === 1 ? '' : 's'} ago`, format), stderr: `${rows.length} item${rows.length === 1 ? '' : 's'} open; ${trend.summary}\n` };
    }
    for (const option of ['steps', 'since', 'every', 'level'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for report slip.`);
    if (values.prefix.length > 0) throw new UsageError('--prefix is for report slip.');
    const settings = asOfSettings(values['as-of']);
    const inputs = await readInputs(cwd, paths, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const report = serviceOf(inputs, settings).report(kind, format);
    const count = report.items.length;
    return { exitCode: 0, stdout: report.text, stderr: `${count} item${count === 1 ? '' : 's'} ${kind} as of ${report.asOf}.\n` };
  },
});
