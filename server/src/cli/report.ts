// `milestones report delayed|remaining|float|critical|slip`: the items not completed (those due
// before asOf, or all of them), in due-date order; each item's float, or the critical chains
// (docs/schedule-analysis.md); or how each open item's expected date slipped along the plan's
// history in git (the trend's steps). As aligned text, a Markdown table, CSV or JSON.
import { formatSlip, slipRows } from '../service/reports/trend';
import { defineCommand, UsageError } from './command';
import { inputFailure, readInputs, serviceOf } from './inputs';
import { asOfOption, asOfSettings, formatOption, helpOption, oneOf, overridesOption } from './options';
import { trendOf, trendOptions } from './trend';

const formats = ['text', 'md', 'csv', 'json'] as const;

export default defineCommand({
  name: 'report',
  synopsis: 'delayed|remaining|float|critical|slip [--format text|md|csv|json] [options] [paths…]',
  description: `Lists, in due-date order, the milestones and features delayed (not completed, due
before asOf) or remaining (not completed). float lists each item's float (the days its
expected date can move later before it breaks a constraint after it), least first, with
its late date and what limits it; --max-float N keeps those with at most N days. critical
lists the critical chains (items with float at most --max-float N, default 0), the one
that ends at the plan's last milestone first. slip lists, from the plan's history in git,
each item open at the last step with its expected date then, at the step before and
--steps steps before (default 3), and the changes in days, in the order of its expected
date (the steps and items as \`milestones trend\` chooses them).`,
  options: {
    ...formatOption(formats),
    ...asOfOption,
    'max-float': { type: 'string', value: 'N', help: 'float: only items with at most N days of float; critical: the float that is critical (default: 0)' },
    steps: { type: 'string', value: 'N', help: 'slip: the earlier step compared, N steps before the last (default: 3)' },
    ...trendOptions,
    ...overridesOption,
    ...helpOption,
  },
  async run(values, positionals, context) {
    const { cwd } = context;
    const [kind, ...paths] = positionals;
    if (kind !== 'delayed' && kind !== 'remaining' && kind !== 'float' && kind !== 'critical' && kind !== 'slip') throw new UsageError(`report needs what to list: delayed, remaining, float, critical or slip${kind === undefined ? '' : `, not "${kind}"`}.`);
    const format = oneOf('--format', values.format, formats);
    const maxFloat = values['max-float'] === undefined ? undefined : /^-?\d+$/.test(values['max-float']) ? Number(values['max-float']) : Number.NaN;
    if (Number.isNaN(maxFloat)) throw new UsageError(`--max-float must be a whole number of days, not "${values['max-float']}".`);
    if (maxFloat !== undefined && kind !== 'float' && kind !== 'critical') throw new UsageError('--max-float is for report float and report critical.');
    const jsonOnlyFor = '--format json is for report float and report critical.';
    if (kind === 'slip') {
      if (format === 'json') throw new UsageError(jsonOnlyFor);
      const steps = values.steps === undefined ? 3 : /^\d+$/.test(values.steps) && Number(values.steps) > 0 ? Number(values.steps) : Number.NaN;
      if (Number.isNaN(steps)) throw new UsageError(`--steps must be a whole number of steps (1 or more), not "${values.steps}".`);
      const trend = await trendOf(values, paths, context);
      if ('failure' in trend) return trend.failure;
      const rows = slipRows(trend.series, steps);
      const unit = { month: 'month', tag: 'tag', commit: 'commit' }[trend.every];
      return { exitCode: 0, stdout: formatSlip(rows, `${steps} ${unit}${steps === 1 ? '' : 's'} ago`, format), stderr: `${rows.length} item${rows.length === 1 ? '' : 's'} open; ${trend.summary}\n` };
    }
    if (format === 'json' && kind !== 'float' && kind !== 'critical') throw new UsageError(jsonOnlyFor);
    for (const option of ['steps', 'since', 'every', 'level'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for report slip.`);
    if (values.prefix.length > 0) throw new UsageError('--prefix is for report slip.');
    const settings = { ...asOfSettings(values['as-of']), ...(kind === 'critical' && maxFloat !== undefined ? { criticalFloatDays: maxFloat } : {}) };
    const inputs = await readInputs(cwd, paths, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const report = serviceOf(inputs, settings).report(kind, format, kind === 'float' ? { maxFloat } : {});
    const count = report.items.length;
    const what = kind === 'float' ? `with float${maxFloat === undefined ? '' : ` of at most ${maxFloat} days`}` : kind === 'critical' ? `critical (float of at most ${maxFloat ?? 0} days)` : kind;
    return { exitCode: 0, stdout: report.text, stderr: `${count} item${count === 1 ? '' : 's'} ${what} as of ${report.asOf}.\n` };
  },
});
