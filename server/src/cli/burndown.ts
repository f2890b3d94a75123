// `milestones burndown`: the items remaining on the first of each month by the baseline, the
// forecast and as achieved, as CSV or an SVG chart.
import { burndownCsv, burndownSvg } from '../service/reports/burndown';
import { defineCommand } from './command';
import { inputFailure, readInputs, serviceOf } from './inputs';
import { asOfOption, asOfSettings, formatOption, helpOption, oneOf, overridesOption } from './options';

const formats = ['csv', 'svg'] as const;

export default defineCommand({
  name: 'burndown',
  synopsis: '[--format csv|svg] [--prefix P]… [options] [paths…]',
  description: `Counts the items remaining on the first of each month by the baseline (due), the
forecast and as achieved (completed, up to asOf). csv prints
date,baseline,forecast,achieved; svg a chart.`,
  options: {
    ...formatOption(formats),
    prefix: { type: 'string', multiple: true, value: 'P', help: 'keep the items whose ID starts with P, e.g. --prefix DM- --prefix LDM-503-' },
    ...asOfOption,
    ...overridesOption,
    ...helpOption,
  },
  async run(values, positionals, { cwd }) {
    const format = oneOf('--format', values.format, formats);
    const settings = asOfSettings(values['as-of']);
    const inputs = await readInputs(cwd, positionals, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const chart = serviceOf(inputs, settings).burndown(values.prefix);
    const which = values.prefix.length > 0 ? ` with IDs starting ${values.prefix.join(', ')}` : '';
    const stderr = chart.items === 0 ? `No milestone or feature with a due date${which}: nothing to chart.\n` : `${chart.items} items${which}, as of ${chart.asOf}.\n`;
    const stdout = format === 'csv' ? burndownCsv(chart) : burndownSvg(chart, `Burndown${which}, as of ${chart.asOf}`);
    return { exitCode: 0, stdout, stderr };
  },
});
