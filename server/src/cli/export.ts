// `milestones export`: the plan in the form of LDM-564 section 3 (Markdown or LaTeX), or as a graph
// of milestones, features and their predecessor links (Graphviz or a Mermaid gantt chart), or as
// a schedule (MS Project XML, iCalendar).
import { defineCommand } from './command';
import { exportSchedule } from './exportScheduleCommand';
import { inputFailure, readInputs, serviceOf } from './inputs';
import { formatOption, helpOption, oneOf, overridesOption } from './options';

const formats = ['md', 'tex', 'dot', 'mermaid', 'mspdi', 'ics'] as const;

export default defineCommand({
  name: 'export',
  synopsis: '[--format md|tex|dot|mermaid|mspdi|ics] [options] [paths…]',
  description: `Prints the plan in the form of LDM-564 section 3 ("Functionality in DM releases"):
milestones in due-date order with their features, as Markdown (md) or LaTeX (tex);
or as a graph of milestones, features and their predecessor links: Graphviz (dot) or a
Mermaid gantt chart (mermaid). mspdi writes a Microsoft Project XML file (MS Project,
ProjectLibre): milestones as zero-duration tasks, the due date as Baseline 0, the finish on
the expected date, completed items 100%; ics an iCalendar file, an event on each due date.
Both show the dates of the --overrides files given.`,
  options: {
    ...formatOption(formats),
    'link-base': { type: 'string', value: 'URL', help: 'ics: link each event to its file under this URL' },
    ...overridesOption,
    ...helpOption,
  },
  async run(values, positionals, { cwd }) {
    const format = oneOf('--format', values.format, formats);
    const inputs = await readInputs(cwd, positionals, values.overrides);
    if (inputs.problems.length > 0) return inputFailure(inputs.problems);
    const service = serviceOf(inputs);
    if (format === 'mspdi' || format === 'ics') return exportSchedule(format, service, cwd, { linkBase: values['link-base'] });
    return { exitCode: 0, stdout: format === 'dot' || format === 'mermaid' ? service.exportGraph(format) : service.exportPlan(format), stderr: '' };
  },
});
