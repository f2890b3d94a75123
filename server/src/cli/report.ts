// `milestones report delayed|remaining`: the items not completed (those due before asOf, or all of
// them), in due-date order, as aligned text, a Markdown table or CSV.
import { defineCommand, UsageError } from './command';
import { inputFailure, readInputs, serviceOf } from './inputs';
import { asOfOption, asOfSettings, formatOption, helpOption, oneOf, overridesOption } from './options';

const formats = ['text', 'md', 'csv'] as const;

export default defineCommand({
  name: 'report',
  synopsis: 'delayed|remaining [--format text|md|csv] [options] [paths…]',
  description: `Lists, in due-date order, the milestones and features delayed (not completed, due
before asOf) or remaining (not completed).`,
  options: { ...formatOption(formats), ...asOfOption, ...overridesOption, ...helpOption },
  async run(values, positionals, { cwd }) {
    const [kind, ...paths] = positionals;
    if (kind !== 'delayed' && kind !== 'remaining') throw new UsageError(`report needs what to list: delayed or remaining${kind === undefined ? '' : `, not "${kind}"`}.`);
    const format = oneOf('--format', values.format, formats);
    const settings = asOfSettings(values['as-of']);
    const inputs = await readInputs(cwd, paths, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const report = serviceOf(inputs, settings).report(kind, format);
    const count = report.items.length;
    return { exitCode: 0, stdout: report.text, stderr: `${count} item${count === 1 ? '' : 's'} ${kind} as of ${report.asOf}.\n` };
  },
});
