// `milestones check`: every plan under the paths, checked by the same service as the language
// server, each problem printed with its file and line in the chosen format; problems with the
// inputs (a glossary, skip list or overrides file missing, a file that is not a plan, a folder
// without plans) among them, and exit status 2 for those.
import { loadGlossaries } from '../host/glossaryFiles';
import { fileUri, nodeFileSystem, uriPath } from '../host/nodeFileSystem';
import { toGithubAnnotations } from '../reports/githubAnnotations';
import { glossaryFileCode, inputCode, inputRow, type ProblemRow } from '../reports/problemRow';
import { toSarif } from '../reports/sarif';
import type { PlanService } from '../service';
import { parseSettings } from '../service/settings';
import type { TextLines } from '../service/text/lineIndex';
import { version } from '../version';
import { defineCommand, exitStatus, UsageError } from './command';
import { readInputs, serviceOf, shownPath } from './inputs';
import { asOfOption, formatOption, helpOption, oneOf, overridesOption, settingsProblem } from './options';

const formats = ['auto', 'text', 'json', 'sarif', 'github'] as const;

/** The docs' page of checks, which SARIF gives as each rule's help: on the package's web home, where code scanning's readers can open it. */
export const checksHelpUri = 'https://github.com/milestone-yaml/milestone-yaml/blob/main/docs/rules.md';

export default defineCommand({
  name: 'check',
  synopsis: '[options] [paths…]',
  description: `Checks the plans (*.milestones.yaml, *.milestones.yml) in the given files and folders
(default: the current folder) and prints each problem as
  file:line:column severity rule-code message
A problem with an input (a file missing, a file that is not a plan, a folder without
plans) is printed the same way, with the code input, at line 1 of what it names.`,
  options: {
    ...formatOption(formats, 'how problems are printed'),
    'max-warnings': { type: 'string', value: 'N', help: 'also exit 1 when there are more than N warnings' },
    ...asOfOption,
    rule: { type: 'string', multiple: true, value: 'CODE=SEVERITY', help: "set a rule's severity: off, hint, information, warning, error" },
    glossary: { type: 'string', multiple: true, value: 'FILE', help: 'a glossary file: YAML map, TERM:definition text, or the glossary CSV' },
    'glossary-tags': { type: 'string', value: 'TAGS', help: 'comma-separated subsystem tags that choose among meanings' },
    'skip-acronyms': { type: 'string', value: 'FILE', help: 'a file of words never reported as unknown acronyms' },
    ...overridesOption,
    'max-file-size': { type: 'string', value: 'BYTES', help: 'files larger than this are not checked (default: 5242880)' },
    'slip-threshold-days': { type: 'string', value: 'N', help: 'days a forecast may lie after the due date before the\nslipped rule (off unless --rule slipped=…) reports it' },
    ...helpOption,
  },
  async run(values, positionals, { cwd, env }) {
    const chosen = oneOf('--format', values.format, formats);
    // Like yamllint: in a GitHub Actions job the problems become annotations of the run and the diff.
    const format = chosen === 'auto' ? (env.GITHUB_ACTIONS ? 'github' : 'text') : chosen;
    const maxWarningsText = values['max-warnings'];
    if (maxWarningsText !== undefined && !/^\d+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings must be a whole number of warnings, not "${maxWarningsText}".`);
    const maxWarnings = maxWarningsText === undefined ? Infinity : Number(maxWarningsText);
    // The options as the editor's settings, read by the same code.
    const rules: Record<string, string> = {};
    for (const rule of values.rule) {
      const [code, severity] = rule.split('=');
      rules[code ?? ''] = severity ?? '';
    }
    const wholeNumber = (text: string | undefined) => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN);
    const { settings, problems } = parseSettings({
      rules,
      asOf: values['as-of'],
      glossaryFiles: values.glossary,
      glossaryTags: (values['glossary-tags'] ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
      skipAcronymsFile: values['skip-acronyms'],
      maxFileSize: wholeNumber(values['max-file-size']),
      slipThresholdDays: wholeNumber(values['slip-threshold-days']),
    });
    if (problems.length > 0) throw new UsageError(settingsProblem(problems[0]!));

    const inputs = await readInputs(cwd, positionals, values.overrides);
    const service = serviceOf(inputs, settings);
    const glossaries = await loadGlossaries(nodeFileSystem, fileUri(cwd), settings.glossaryFiles, settings.skipAcronymsFile, settings.glossaryTags);
    service.setGlossaryFiles(glossaries.entries, glossaries.skip);

    const rows: ProblemRow[] = inputs.problems.map((problem) => inputRow(problem.path, problem.message));
    for (const problem of glossaries.problems) {
      const file = shownPath(cwd, uriPath(problem.uri));
      if (problem.unreadable) rows.push(inputRow(file, problem.message));
      else rows.push({ file, line: problem.line + 1, column: 1, endLine: problem.line + 1, endColumn: 1, severity: problem.severity, code: glossaryFileCode, message: problem.message });
    }
    const checked: { path: string; uri: string; lineIndex: TextLines }[] = [
      ...inputs.plans.map((plan) => ({ path: plan.path, uri: plan.uri, lineIndex: service.getFile(plan.uri)!.lineIndex })),
      ...inputs.overrides.map((file) => ({ path: file.path, uri: file.uri, lineIndex: service.getOverridesFile(file.uri)!.lineIndex })),
    ];
    // One push per row: a file may have more problems than a call takes arguments.
    for (const file of checked) for (const row of problemRows(service, file)) rows.push(row);
    rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

    const count = (severity: string) => rows.filter((row) => row.severity === severity && row.code !== inputCode).length;
    const inputProblems = rows.filter((row) => row.code === inputCode).length;
    const warnings = count('warning');
    let stdout: string;
    if (format === 'json') stdout = `${JSON.stringify(rows, null, 2)}\n`;
    else if (format === 'sarif') stdout = `${JSON.stringify(toSarif(rows, { version, helpUri: checksHelpUri, rootUri: `${fileUri(cwd).replace(/\/$/, '')}/` }), null, 2)}\n`;
    else if (format === 'github') stdout = toGithubAnnotations(rows);
    else stdout = rows.map((row) => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code} ${row.message}\n`).join('');
    // Machine-readable output stays alone on stdout; people (and the job's log) get the summary.
    let stderr = '';
    if (format === 'text' || format === 'github') {
      const plans = inputs.plans.length;
      const counts = ['error', 'warning', 'information', 'hint'].map((severity) => `${count(severity)} ${severity}${count(severity) === 1 || severity === 'information' ? '' : 's'}`);
      stderr += `${plans} plan file${plans === 1 ? '' : 's'} checked: ${counts.join(', ')}.\n`;
      if (inputProblems > 0) stderr += `milestones: ${inputProblems} input${inputProblems === 1 ? ' was' : 's were'} missing or not what the checker reads (code input): exit status 2.\n`;
    }
    const tooManyWarnings = warnings > maxWarnings;
    if (tooManyWarnings) stderr += `milestones: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows.\n`;
    const exitCode = inputProblems > 0 ? exitStatus.badInput : count('error') > 0 || tooManyWarnings ? exitStatus.problems : exitStatus.clean;
    return { exitCode, stdout, stderr };
  },
});

/** The problems of one checked file as rows, 1-based. */
function problemRows(service: PlanService, file: { path: string; uri: string; lineIndex: TextLines }): ProblemRow[] {
  return service.problems(file.uri).map((problem) => {
    const start = file.lineIndex.positionAt(problem.start);
    const end = file.lineIndex.positionAt(problem.end);
    return {
      file: file.path,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
    };
  });
}
